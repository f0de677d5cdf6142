/*{
    "ISFVSN": "2",
    "DESCRIPTION": "A linear gradient between two colours at any angle, drifting slowly across the frame. The plainest starting point: a background, a wash of light, a slow dawn.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Generator", "Color"],
    "INPUTS": [
        { "NAME": "colorA", "TYPE": "color", "LABEL": "First colour", "DEFAULT": [0.05, 0.10, 0.35, 1.0] },
        { "NAME": "colorB", "TYPE": "color", "LABEL": "Second colour", "DEFAULT": [0.95, 0.55, 0.20, 1.0] },
        { "NAME": "angle", "TYPE": "float", "LABEL": "Angle (degrees)", "DEFAULT": 90.0, "MIN": 0.0, "MAX": 360.0 },
        { "NAME": "repeats", "TYPE": "float", "LABEL": "Repeats", "DEFAULT": 1.0, "MIN": 0.5, "MAX": 8.0 },
        { "NAME": "drift", "TYPE": "float", "LABEL": "Drift (per second)", "DEFAULT": 0.05, "MIN": -1.0, "MAX": 1.0 }
    ]
}*/

// Position along the gradient's direction, measured from the frame's centre so that rotating the
// angle turns the gradient about the middle of the wall rather than about a corner.
void main() {
    float turn = angle * 0.01745329252;
    vec2 direction = vec2(cos(turn), sin(turn));
    vec2 aspect = vec2(RENDERSIZE.x / RENDERSIZE.y, 1.0);
    // Divided by the largest value it takes in a corner, so it runs -0.5..0.5 at any angle.
    float along = dot((isf_FragNormCoord - 0.5) * aspect, direction) / dot(aspect, abs(direction));
    // A triangle wave (0 -> 1 -> 0) so repeats and drift never show a hard seam.
    float phase = fract((along + 0.5) * repeats * 0.5 + TIME * drift);
    float t = 1.0 - abs(phase * 2.0 - 1.0);
    t = t * t * (3.0 - 2.0 * t);
    gl_FragColor = mix(colorA, colorB, t);
}
