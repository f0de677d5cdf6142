// Bloom, layer "bloom": the NCA's visible channels (premultiplied RGBA, tile 0 of "state"), in a
// square 0.9 of the frame's height at its centre (Bloom.java maps touches with the same square),
// smoothed between cells, over a night-garden ground.
const int GRID = 32;
const float SIDE = 0.9;

uniform sampler2D state;
uniform vec2 RENDERSIZE;
uniform float TIME;
uniform float hue;
out vec4 fragColor;

vec4 cell(ivec2 c) {
    if (c.x < 0 || c.y < 0 || c.x >= GRID || c.y >= GRID) {
        return vec4(0.0);
    }
    return clamp(texelFetch(state, c, 0), 0.0, 1.0);
}

vec3 turn(vec3 colour, float turns) {
    // Rodrigues' rotation about the grey axis: turns the hue, keeps the brightness.
    float a = 6.2831853 * turns;
    vec3 k = vec3(0.57735);
    return colour * cos(a) + cross(k, colour) * sin(a) + k * dot(k, colour) * (1.0 - cos(a));
}

void main() {
    vec2 px = gl_FragCoord.xy;
    float side = SIDE * RENDERSIZE.y;
    vec2 q = (px - 0.5 * RENDERSIZE) / side + 0.5;     // 0..1 across the square, bottom-left origin
    vec2 g = vec2(q.x, 1.0 - q.y) * float(GRID) - 0.5; // in cells, row 0 at the top
    ivec2 i0 = ivec2(floor(g));
    vec2 f = smoothstep(0.0, 1.0, fract(g));
    vec4 c = mix(mix(cell(i0), cell(i0 + ivec2(1, 0)), f.x),
                 mix(cell(i0 + ivec2(0, 1)), cell(i0 + ivec2(1, 1)), f.x), f.y);
    vec2 uv = px / RENDERSIZE;
    float glow = exp(-4.0 * dot(q - 0.5, q - 0.5));
    vec3 ground = mix(vec3(0.04, 0.06, 0.08), vec3(0.09, 0.13, 0.11), uv.y) + 0.05 * glow;
    ground *= 0.95 + 0.05 * sin(0.3 * TIME + 3.0 * uv.x);
    vec3 colour = ground * (1.0 - c.a) + clamp(turn(c.rgb, hue), 0.0, 1.0);
    fragColor = vec4(colour, 1.0);
}
