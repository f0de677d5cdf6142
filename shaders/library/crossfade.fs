/*{
    "ISFVSN": "2",
    "DESCRIPTION": "Crossfade from the start image to the end image as progress goes from 0 to 1. Curve eases the fade; through black dips to black halfway, as a film cut does.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Transition"],
    "INPUTS": [
        { "NAME": "startImage", "TYPE": "image" },
        { "NAME": "endImage", "TYPE": "image" },
        { "NAME": "progress", "TYPE": "float", "LABEL": "Progress", "DEFAULT": 0.5, "MIN": 0.0, "MAX": 1.0 },
        { "NAME": "eased", "TYPE": "bool", "LABEL": "Ease in and out", "DEFAULT": true },
        { "NAME": "throughBlack", "TYPE": "bool", "LABEL": "Through black", "DEFAULT": false }
    ]
}*/

void main() {
    vec4 a = IMG_THIS_NORM_PIXEL(startImage);
    vec4 b = IMG_THIS_NORM_PIXEL(endImage);
    float t = clamp(progress, 0.0, 1.0);
    if (eased) {
        t = t * t * (3.0 - 2.0 * t);
    }
    if (throughBlack) {
        // First half fades the start image out, second half fades the end image in.
        gl_FragColor = t < 0.5 ? a * (1.0 - 2.0 * t) : b * (2.0 * t - 1.0);
        gl_FragColor.a = 1.0;
    } else {
        gl_FragColor = mix(a, b, t);
    }
}
