/*{
    "ISFVSN": "2",
    "DESCRIPTION": "Classic plasma: four sine fields added together and read through a cosine palette. Scale sets how many blobs fit on the wall, speed how fast they churn, hue turns the palette.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Generator"],
    "INPUTS": [
        { "NAME": "scale", "TYPE": "float", "LABEL": "Scale", "DEFAULT": 3.0, "MIN": 0.5, "MAX": 12.0 },
        { "NAME": "speed", "TYPE": "float", "LABEL": "Speed", "DEFAULT": 0.6, "MIN": 0.0, "MAX": 4.0 },
        { "NAME": "hue", "TYPE": "float", "LABEL": "Hue (turns)", "DEFAULT": 0.0, "MIN": 0.0, "MAX": 1.0 },
        { "NAME": "contrast", "TYPE": "float", "LABEL": "Contrast", "DEFAULT": 1.0, "MIN": 0.0, "MAX": 2.0 }
    ]
}*/

const float TAU = 6.28318530718;

void main() {
    vec2 p = (isf_FragNormCoord - 0.5) * vec2(RENDERSIZE.x / RENDERSIZE.y, 1.0) * scale;
    float t = TIME * speed;
    float v = sin(p.x + t)
            + sin((p.y + t) * 0.5)
            + sin((p.x + p.y + t) * 0.5)
            + sin(length(p + vec2(sin(t * 0.33), cos(t * 0.5)) * 2.0) + t);
    // v is in -4..4: a quarter turns it into about one cycle of the palette.
    float x = v * 0.25 * contrast;
    vec3 colour = 0.5 + 0.5 * cos(TAU * (x + hue + vec3(0.0, 0.33, 0.67)));
    gl_FragColor = vec4(colour, 1.0);
}
