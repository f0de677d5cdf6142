/*{
    "ISFVSN": "2",
    "DESCRIPTION": "A glowing brush traces a Lissajous figure and leaves trails that fade slowly. The trails live in a persistent float buffer, so overlapping strokes add up past white and are tone-mapped in the last pass instead of clipping. Send the clear event to wipe the canvas.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Generator", "Feedback"],
    "INPUTS": [
        { "NAME": "decay", "TYPE": "float", "LABEL": "Trail length", "DEFAULT": 0.97, "MIN": 0.5, "MAX": 0.999 },
        { "NAME": "brushSize", "TYPE": "float", "LABEL": "Brush size", "DEFAULT": 0.03, "MIN": 0.005, "MAX": 0.2 },
        { "NAME": "speed", "TYPE": "float", "LABEL": "Speed", "DEFAULT": 1.0, "MIN": 0.0, "MAX": 4.0 },
        { "NAME": "exposure", "TYPE": "float", "LABEL": "Exposure", "DEFAULT": 1.0, "MIN": 0.1, "MAX": 8.0 },
        { "NAME": "brushColor", "TYPE": "color", "LABEL": "Brush colour", "DEFAULT": [1.0, 0.55, 0.2, 1.0] },
        { "NAME": "clear", "TYPE": "event", "LABEL": "Clear" }
    ],
    "PASSES": [
        { "TARGET": "trail", "PERSISTENT": true, "FLOAT": true },
        { }
    ]
}*/

// Where the brush is at time t: a 3:2 Lissajous figure inside the frame.
vec2 brushAt(float t) {
    return vec2(0.5 + 0.38 * sin(t * 1.5 * speed), 0.5 + 0.38 * sin(t * speed + 0.7));
}

void main() {
    if (PASSINDEX == 0) {
        // Pass 0 reads last frame's trails and writes this frame's: values are not clamped.
        vec4 previous = IMG_THIS_PIXEL(trail);
        if (clear) {
            previous = vec4(0.0);
        }
        vec2 aspect = vec2(RENDERSIZE.x / RENDERSIZE.y, 1.0);
        float d = length((isf_FragNormCoord - brushAt(TIME)) * aspect);
        float paint = exp(-(d * d) / (brushSize * brushSize));
        gl_FragColor = previous * decay + vec4(brushColor.rgb * paint, paint);
    } else {
        // Pass 1 shows the trails: 1 - exp(-x) maps 0..infinity onto 0..1 smoothly.
        vec4 accumulated = IMG_THIS_PIXEL(trail);
        vec3 shown = 1.0 - exp(-accumulated.rgb * exposure);
        gl_FragColor = vec4(shown, 1.0);
    }
}
