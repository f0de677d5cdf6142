/*{
    "ISFVSN": "2",
    "DESCRIPTION": "Mirror: one half (or one quarter) of the input reflected onto the rest. Choose left onto right, top onto bottom, or all four quarters; the mirror line can move.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Filter", "Distortion"],
    "INPUTS": [
        { "NAME": "inputImage", "TYPE": "image" },
        { "NAME": "mode", "TYPE": "long", "LABEL": "Mirror", "DEFAULT": 0, "VALUES": [0, 1, 2], "LABELS": ["Left onto right", "Bottom onto top", "Four quarters"] },
        { "NAME": "line", "TYPE": "point2D", "LABEL": "Mirror line", "DEFAULT": [0.5, 0.5], "MIN": [0.0, 0.0], "MAX": [1.0, 1.0] }
    ]
}*/

// Reflects x about m when it lies past m: the part before the line is kept.
float fold(float x, float m) {
    return x > m ? 2.0 * m - x : x;
}

void main() {
    vec2 uv = isf_FragNormCoord;
    if (mode == 0 || mode == 2) {
        uv.x = fold(uv.x, line.x);
    }
    if (mode == 1 || mode == 2) {
        uv.y = fold(uv.y, line.y);
    }
    gl_FragColor = IMG_NORM_PIXEL(inputImage, clamp(uv, 0.0, 1.0));
}
