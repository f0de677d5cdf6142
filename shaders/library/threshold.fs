/*{
    "ISFVSN": "2",
    "DESCRIPTION": "Threshold: pixels brighter than the level take the light colour, the rest the dark one, with an adjustable soft edge. Brightness is Rec. 709 luma.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Filter", "Color", "Stylize"],
    "INPUTS": [
        { "NAME": "inputImage", "TYPE": "image" },
        { "NAME": "level", "TYPE": "float", "LABEL": "Level", "DEFAULT": 0.5, "MIN": 0.0, "MAX": 1.0 },
        { "NAME": "softness", "TYPE": "float", "LABEL": "Softness", "DEFAULT": 0.02, "MIN": 0.0, "MAX": 0.5 },
        { "NAME": "lightColor", "TYPE": "color", "LABEL": "Light colour", "DEFAULT": [1.0, 1.0, 1.0, 1.0] },
        { "NAME": "darkColor", "TYPE": "color", "LABEL": "Dark colour", "DEFAULT": [0.0, 0.0, 0.0, 1.0] },
        { "NAME": "invert", "TYPE": "bool", "LABEL": "Invert", "DEFAULT": false }
    ]
}*/

void main() {
    vec4 source = IMG_THIS_NORM_PIXEL(inputImage);
    float luma = dot(source.rgb, vec3(0.2126, 0.7152, 0.0722));
    // Softness 0 is a hard step (smoothstep with equal edges is undefined, so step() is used).
    float light = softness > 0.0
            ? smoothstep(level - softness, level + softness, luma)
            : step(level, luma);
    if (invert) {
        light = 1.0 - light;
    }
    gl_FragColor = mix(darkColor, lightColor, light);
}
