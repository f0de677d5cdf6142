/*{
    "ISFVSN": "2",
    "DESCRIPTION": "Posterize: each channel rounded to a few flat levels, for screen-print and comic looks. Gamma chooses where the steps fall (above 1 gives more steps in the shadows).",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Filter", "Color", "Stylize"],
    "INPUTS": [
        { "NAME": "inputImage", "TYPE": "image" },
        { "NAME": "levels", "TYPE": "float", "LABEL": "Levels per channel", "DEFAULT": 4.0, "MIN": 2.0, "MAX": 32.0 },
        { "NAME": "gamma", "TYPE": "float", "LABEL": "Gamma", "DEFAULT": 1.0, "MIN": 0.25, "MAX": 4.0, "IDENTITY": 1.0 }
    ]
}*/

void main() {
    vec4 source = IMG_THIS_NORM_PIXEL(inputImage);
    float steps = max(floor(levels), 2.0) - 1.0;
    vec3 c = pow(clamp(source.rgb, 0.0, 1.0), vec3(gamma));
    // floor(x + 0.5): round to the nearest level, so 0 and 1 stay themselves.
    c = floor(c * steps + 0.5) / steps;
    gl_FragColor = vec4(pow(c, vec3(1.0 / gamma)), source.a);
}
