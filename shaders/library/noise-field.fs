/*{
    "ISFVSN": "2",
    "DESCRIPTION": "A drifting field of smooth value noise, summed over a chosen number of octaves and tinted. Good for fog, clouds, smoke, or as a slow texture under other layers.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Generator", "Noise"],
    "INPUTS": [
        { "NAME": "scale", "TYPE": "float", "LABEL": "Scale", "DEFAULT": 4.0, "MIN": 1.0, "MAX": 24.0 },
        { "NAME": "detail", "TYPE": "long", "LABEL": "Detail", "DEFAULT": 4, "VALUES": [1, 2, 4, 6], "LABELS": ["Smooth", "Soft", "Detailed", "Fine"] },
        { "NAME": "speed", "TYPE": "float", "LABEL": "Drift speed", "DEFAULT": 0.2, "MIN": 0.0, "MAX": 2.0 },
        { "NAME": "contrast", "TYPE": "float", "LABEL": "Contrast", "DEFAULT": 1.2, "MIN": 0.2, "MAX": 4.0 },
        { "NAME": "tint", "TYPE": "color", "LABEL": "Tint", "DEFAULT": [0.75, 0.85, 1.0, 1.0] }
    ]
}*/

// A hash of a lattice point: sin-free, so it gives the same values on every GPU.
float hash(vec2 cell) {
    vec3 q = fract(vec3(cell.xyx) * 0.1031);
    q += dot(q, q.yzx + 33.33);
    return fract((q.x + q.y) * q.z);
}

float valueNoise(vec2 p) {
    vec2 cell = floor(p);
    vec2 f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f);
    float a = hash(cell);
    float b = hash(cell + vec2(1.0, 0.0));
    float c = hash(cell + vec2(0.0, 1.0));
    float d = hash(cell + vec2(1.0, 1.0));
    return mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
}

void main() {
    vec2 p = isf_FragNormCoord * vec2(RENDERSIZE.x / RENDERSIZE.y, 1.0) * scale;
    p += vec2(TIME * speed, TIME * speed * 0.37);
    float sum = 0.0;
    float amplitude = 0.5;
    float total = 0.0;
    // The loop bound is a constant (portable to strict GLSL compilers); detail stops it early.
    for (int octave = 0; octave < 6; octave++) {
        if (octave >= detail) {
            break;
        }
        sum += amplitude * valueNoise(p);
        total += amplitude;
        p = p * 2.03 + vec2(17.0, 9.0);
        amplitude *= 0.5;
    }
    float n = sum / max(total, 1e-4);
    n = clamp((n - 0.5) * contrast + 0.5, 0.0, 1.0);
    gl_FragColor = vec4(tint.rgb * n, tint.a);
}
