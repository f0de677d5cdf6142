/*{
    "ISFVSN": "2",
    "DESCRIPTION": "A kaleidoscope: the input is cut into a wedge around a centre and the wedge is mirrored round the circle. Segments sets how many mirrors, rotation turns the pattern, and zoom scales what the wedge sees.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Filter", "Distortion"],
    "INPUTS": [
        { "NAME": "inputImage", "TYPE": "image" },
        { "NAME": "segments", "TYPE": "float", "LABEL": "Segments", "DEFAULT": 6.0, "MIN": 1.0, "MAX": 24.0 },
        { "NAME": "rotation", "TYPE": "float", "LABEL": "Rotation (turns)", "DEFAULT": 0.0, "MIN": 0.0, "MAX": 1.0 },
        { "NAME": "spin", "TYPE": "float", "LABEL": "Spin (turns per second)", "DEFAULT": 0.02, "MIN": -0.5, "MAX": 0.5 },
        { "NAME": "zoom", "TYPE": "float", "LABEL": "Zoom", "DEFAULT": 1.0, "MIN": 0.25, "MAX": 4.0 },
        { "NAME": "center", "TYPE": "point2D", "LABEL": "Centre", "DEFAULT": [0.5, 0.5], "MIN": [0.0, 0.0], "MAX": [1.0, 1.0] }
    ]
}*/

const float TAU = 6.28318530718;

void main() {
    vec2 aspect = vec2(RENDERSIZE.x / RENDERSIZE.y, 1.0);
    vec2 p = (isf_FragNormCoord - center) * aspect;
    float r = length(p) / zoom;
    float a = atan(p.y, p.x) + TAU * (rotation + TIME * spin);
    float wedge = TAU / max(floor(segments), 1.0);
    // Fold the angle into one wedge, mirrored every other wedge so the seams match.
    a = mod(a, 2.0 * wedge);
    a = wedge - abs(a - wedge);
    vec2 uv = vec2(cos(a), sin(a)) * r / aspect + center;
    // Mirror-repeat outside 0..1, so a zoomed-out wedge never samples a clamped edge streak.
    uv = 1.0 - abs(mod(uv, 2.0) - 1.0);
    gl_FragColor = IMG_NORM_PIXEL(inputImage, uv);
}
