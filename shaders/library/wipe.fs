/*{
    "ISFVSN": "2",
    "DESCRIPTION": "A wipe: a straight edge crosses the frame at any angle, showing the end image behind it. Softness feathers the edge; an edge colour draws a line along it.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Transition"],
    "INPUTS": [
        { "NAME": "startImage", "TYPE": "image" },
        { "NAME": "endImage", "TYPE": "image" },
        { "NAME": "progress", "TYPE": "float", "LABEL": "Progress", "DEFAULT": 0.5, "MIN": 0.0, "MAX": 1.0 },
        { "NAME": "angle", "TYPE": "float", "LABEL": "Angle (degrees)", "DEFAULT": 0.0, "MIN": 0.0, "MAX": 360.0 },
        { "NAME": "softness", "TYPE": "float", "LABEL": "Softness", "DEFAULT": 0.05, "MIN": 0.0, "MAX": 0.5 },
        { "NAME": "edgeColor", "TYPE": "color", "LABEL": "Edge colour", "DEFAULT": [1.0, 1.0, 1.0, 0.0] }
    ]
}*/

void main() {
    float turn = angle * 0.01745329252;
    vec2 direction = vec2(cos(turn), sin(turn));
    // Position along the wipe's direction, 0 at the first corner it touches and 1 at the last.
    vec2 p = isf_FragNormCoord - 0.5;
    float reach = 0.5 * (abs(direction.x) + abs(direction.y));
    float along = dot(p, direction) / (2.0 * reach) + 0.5;
    // The edge travels from -softness to 1 + softness, so progress 0 and 1 are clean.
    float edge = mix(-softness, 1.0 + softness, clamp(progress, 0.0, 1.0));
    float shown = 1.0 - smoothstep(edge - softness, edge + softness + 1e-5, along);
    vec4 colour = mix(IMG_THIS_NORM_PIXEL(startImage), IMG_THIS_NORM_PIXEL(endImage), shown);
    float line = 1.0 - smoothstep(0.0, max(softness, 1.0 / RENDERSIZE.x) * 0.5, abs(along - edge));
    gl_FragColor = mix(colour, vec4(edgeColor.rgb, 1.0), line * edgeColor.a);
}
