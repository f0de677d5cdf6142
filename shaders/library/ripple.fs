/*{
    "ISFVSN": "2",
    "DESCRIPTION": "Ripples spreading from a point bend the input image as a water surface bends what lies under it. Amplitude is the push in fractions of the frame's height; the waves fade with distance.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Filter", "Distortion"],
    "INPUTS": [
        { "NAME": "inputImage", "TYPE": "image" },
        { "NAME": "center", "TYPE": "point2D", "LABEL": "Centre", "DEFAULT": [0.5, 0.5], "MIN": [0.0, 0.0], "MAX": [1.0, 1.0] },
        { "NAME": "amplitude", "TYPE": "float", "LABEL": "Amplitude", "DEFAULT": 0.02, "MIN": 0.0, "MAX": 0.1, "IDENTITY": 0.0 },
        { "NAME": "wavelength", "TYPE": "float", "LABEL": "Wavelength", "DEFAULT": 0.1, "MIN": 0.01, "MAX": 0.5 },
        { "NAME": "speed", "TYPE": "float", "LABEL": "Speed (waves per second)", "DEFAULT": 1.0, "MIN": -4.0, "MAX": 4.0 },
        { "NAME": "falloff", "TYPE": "float", "LABEL": "Falloff", "DEFAULT": 2.0, "MIN": 0.0, "MAX": 10.0 }
    ]
}*/

void main() {
    vec2 aspect = vec2(RENDERSIZE.x / RENDERSIZE.y, 1.0);
    vec2 offset = (isf_FragNormCoord - center) * aspect;
    float r = length(offset);
    vec2 outward = r > 1e-5 ? offset / r : vec2(0.0);
    float wave = sin(6.28318530718 * (r / wavelength - TIME * speed));
    float push = amplitude * wave * exp(-falloff * r);
    vec2 uv = isf_FragNormCoord + outward * push / aspect;
    gl_FragColor = IMG_NORM_PIXEL(inputImage, clamp(uv, 0.0, 1.0));
}
