/*{
    "ISFVSN": "2",
    "DESCRIPTION": "Concentric rings pulsing out from a point, like ripples on still water. Move the centre over OSC (two floats, 0..1 from the bottom left) to follow a visitor.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Generator"],
    "INPUTS": [
        { "NAME": "center", "TYPE": "point2D", "LABEL": "Centre", "DEFAULT": [0.5, 0.5], "MIN": [0.0, 0.0], "MAX": [1.0, 1.0] },
        { "NAME": "frequency", "TYPE": "float", "LABEL": "Rings across the height", "DEFAULT": 8.0, "MIN": 1.0, "MAX": 40.0 },
        { "NAME": "speed", "TYPE": "float", "LABEL": "Speed (rings per second)", "DEFAULT": 0.5, "MIN": -4.0, "MAX": 4.0 },
        { "NAME": "thickness", "TYPE": "float", "LABEL": "Thickness", "DEFAULT": 0.35, "MIN": 0.02, "MAX": 0.98 },
        { "NAME": "ringColor", "TYPE": "color", "LABEL": "Ring colour", "DEFAULT": [1.0, 0.95, 0.85, 1.0] },
        { "NAME": "backColor", "TYPE": "color", "LABEL": "Background", "DEFAULT": [0.02, 0.03, 0.06, 1.0] }
    ]
}*/

void main() {
    vec2 aspect = vec2(RENDERSIZE.x / RENDERSIZE.y, 1.0);
    float r = length((isf_FragNormCoord - center) * aspect);
    float phase = fract(r * frequency - TIME * speed);
    // Antialiased band edges: the band's width in phase units per pixel.
    float edge = max(frequency / RENDERSIZE.y, 1e-4);
    float band = smoothstep(0.0, edge, phase) * (1.0 - smoothstep(thickness, thickness + edge, phase));
    // Rings fade with distance so the frame's edge is quiet.
    float fade = 1.0 / (1.0 + 2.0 * r);
    gl_FragColor = mix(backColor, ringColor, band * fade);
}
