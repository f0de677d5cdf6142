#version 330 core
// Tidewater: a slow sea of light seen from above. Two layers of domain-warped noise fold into each
// other like water over sand; bright caustic threads run along the folds, and the light gathers
// wherever the audience (or a console) points the focus.
//
// Built-ins from the engine: TIME (seconds), RENDERSIZE (pixels), and the touches (TUIO tables and
// trackers, the audience's phones). Everything else is declared in artwork.json and reaches the
// shader through its bindings.

in vec2 isf_FragNormCoord;
out vec4 fragColor;

uniform float TIME;
uniform vec2 RENDERSIZE;

uniform float energy;   // 0 = still, dim water; 1 = a bright, fast, churning tide
uniform float hue;      // turns the palette around the colour wheel
uniform float density;  // how many swells fit on the screen
uniform vec2 focus;     // where the light gathers, 0..1 from the bottom-left

uniform int TOUCH_COUNT;     // fingers and tracked hands on the water
uniform vec4 TOUCHES[16];    // xy: where (0..1, bottom-left origin), zw: how fast they move

float hash(vec2 p) {
    p = fract(p * vec2(123.34, 456.21));
    p += dot(p, p + 45.32);
    return fract(p.x * p.y);
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

// Five octaves, each turned a little so no grid shows through.
float fbm(vec2 p) {
    const mat2 turn = mat2(0.8, -0.6, 0.6, 0.8);
    float sum = 0.0;
    float amplitude = 0.5;
    for (int octave = 0; octave < 5; octave++) {
        sum += amplitude * valueNoise(p);
        p = turn * p * 2.03 + 17.0;
        amplitude *= 0.5;
    }
    return sum;
}

// Cosine palette: deep blue-green water that hue rotates toward violet, amber, rose.
vec3 palette(float t, float shift) {
    vec3 base = vec3(0.22, 0.40, 0.52);
    vec3 swing = vec3(0.22, 0.30, 0.32);
    vec3 phase = vec3(0.62, 0.50, 0.40) + shift;
    return base + swing * cos(6.28318 * (t + phase));
}

void main() {
    float aspect = RENDERSIZE.x / max(RENDERSIZE.y, 1.0);
    vec2 p = (isf_FragNormCoord - 0.5) * vec2(aspect, 1.0) * density;
    float t = TIME * (0.04 + 0.30 * energy);

    // Warp the plane by noise of noise: the folds that read as water.
    vec2 q = vec2(fbm(p + vec2(0.0, t)), fbm(p + vec2(5.2, 1.3) - t));
    vec2 r = vec2(fbm(p + 3.5 * q + vec2(1.7, 9.2) + 0.6 * t),
                  fbm(p + 3.5 * q + vec2(8.3, 2.8) - 0.4 * t));
    float field = fbm(p + 3.5 * r);

    // Caustics: thin bright threads where the field crosses its own contour lines.
    float contour = abs(fract((r.x + r.y) * 4.0 + 0.4 * field) - 0.5);
    float threads = 1.0 - smoothstep(0.0, 0.035 + 0.03 * energy, contour);

    vec3 color = palette(field + 0.35 * length(q), hue);
    color *= 0.35 + 1.8 * field * field;
    vec3 foam = mix(palette(field + 0.5, hue + 0.15), vec3(1.0), 0.55);
    color += threads * (0.12 + 0.85 * energy) * foam * smoothstep(0.25, 0.65, field);

    // Light pools around the focus, wider and brighter as the tide rises.
    vec2 toFocus = (isf_FragNormCoord - focus) * vec2(aspect, 1.0);
    float pool = exp(-dot(toFocus, toFocus) / (0.02 + 0.10 * energy));
    color += pool * (0.15 + 0.65 * energy) * palette(field + 0.2, hue + 0.05);

    // Every touch stirs the water: a bright ring spreads from the finger, faster when it moves.
    for (int i = 0; i < TOUCH_COUNT; i++) {
        vec2 toTouch = (isf_FragNormCoord - TOUCHES[i].xy) * vec2(aspect, 1.0);
        float d = length(toTouch);
        float speed = length(TOUCHES[i].zw);
        float ring = exp(-pow((d - 0.04 - 0.02 * sin(TIME * 3.0 + field * 6.0)) * 18.0, 2.0));
        color += (0.25 + 0.6 * min(speed, 1.0)) * ring * foam + 0.35 * exp(-d * d * 220.0) * foam;
    }

    // Energy is the tide itself: still water is dim, a high tide glows.
    color *= mix(0.45, 1.9, energy);

    // Soft vignette and a gentle filmic curve, so highlights roll off instead of clipping.
    vec2 edge = isf_FragNormCoord - 0.5;
    color *= 1.0 - 0.55 * dot(edge, edge);
    color = 1.0 - exp(-1.6 * color);
    fragColor = vec4(color, 1.0);
}
