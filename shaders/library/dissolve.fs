/*{
    "ISFVSN": "2",
    "DESCRIPTION": "A dissolve: the end image eats through the start image in blotches of noise, with a glowing rim at the burning edge. Grain sets the size of the blotches.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Transition"],
    "INPUTS": [
        { "NAME": "startImage", "TYPE": "image" },
        { "NAME": "endImage", "TYPE": "image" },
        { "NAME": "progress", "TYPE": "float", "LABEL": "Progress", "DEFAULT": 0.5, "MIN": 0.0, "MAX": 1.0 },
        { "NAME": "grain", "TYPE": "float", "LABEL": "Grain", "DEFAULT": 12.0, "MIN": 1.0, "MAX": 200.0 },
        { "NAME": "rimWidth", "TYPE": "float", "LABEL": "Rim width", "DEFAULT": 0.04, "MIN": 0.0, "MAX": 0.2 },
        { "NAME": "rimColor", "TYPE": "color", "LABEL": "Rim colour", "DEFAULT": [1.0, 0.6, 0.1, 1.0] }
    ]
}*/

float hash(vec2 cell) {
    vec3 q = fract(vec3(cell.xyx) * 0.1031);
    q += dot(q, q.yzx + 33.33);
    return fract((q.x + q.y) * q.z);
}

float valueNoise(vec2 p) {
    vec2 cell = floor(p);
    vec2 f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f);
    return mix(mix(hash(cell), hash(cell + vec2(1.0, 0.0)), u.x),
               mix(hash(cell + vec2(0.0, 1.0)), hash(cell + vec2(1.0, 1.0)), u.x), u.y);
}

void main() {
    vec2 p = isf_FragNormCoord * vec2(RENDERSIZE.x / RENDERSIZE.y, 1.0) * grain;
    float n = 0.65 * valueNoise(p) + 0.35 * valueNoise(p * 2.7 + 5.0);
    // Threshold runs past both ends of the noise's range (by the rim) so 0 and 1 are clean.
    float threshold = mix(-rimWidth, 1.0 + rimWidth, clamp(progress, 0.0, 1.0));
    vec4 a = IMG_THIS_NORM_PIXEL(startImage);
    vec4 b = IMG_THIS_NORM_PIXEL(endImage);
    // Burnt through: the end image. In the band just ahead of the burn: the rim, brightest at
    // the burnt side. Not reached yet: the start image.
    float ahead = n - (threshold - rimWidth);
    if (ahead < 0.0) {
        gl_FragColor = b;
    } else if (ahead < rimWidth) {
        gl_FragColor = mix(rimColor, a, ahead / rimWidth);
    } else {
        gl_FragColor = a;
    }
}
