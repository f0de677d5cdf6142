#version 330 core
// Lineage: a compositional pattern-producing network (CPPN) evaluated at every pixel.
// Inputs: x, y, distance from the centre, the clock (sin, cos of a phase Java integrates) and
// three latents moved by sensors. Three hidden layers of 12 neurons, 3 outputs (red, green, blue).
// Hidden neuron j is sin (j % 3 == 0), gaussian (1) or tanh (2), scaled by its gain; the outputs
// are linear.
//
// The weights come from LineagePiece.java through the uniform block below (144 vec4s, the layout
// is CppnShape.java's): neuron j of a layer is its incoming weights, 4 to a vec4, then one vec4
// (bias, gain, 0, 0). While the network is still, LineagePiece draws a program in which this
// declaration is replaced by the current weights as constants (BlockSpecialisation; it must keep
// this form), and the benchmark does the same by hand (bench/run-cppn.sh): keep it on one line.
layout(std140) uniform CppnWeights { vec4 w[144]; };

uniform vec2 RENDERSIZE;
uniform vec2 clock;      // sin and cos of the phase (set by LineagePiece.java)
uniform float zoom;
uniform float latent_a;
uniform float latent_b;
uniform float latent_c;
out vec4 fragColor;

// Where each layer starts in w: 12 neurons x (2 + 1) vec4s, then 2 x 12 neurons x (3 + 1) vec4s,
// then 3 output neurons x (3 + 1) vec4s.
#define LAYER1 0
#define LAYER2 36
#define LAYER3 84
#define OUTPUT 132

// kind is a constant wherever this is called, so each call compiles to one function.
float activate(int kind, float z, vec4 k) {
    z += k.x;
    float y = kind == 0 ? sin(z) : kind == 1 ? exp(-z * z) : kind == 2 ? tanh(z) : z;
    return k.y * y;
}

// Written out neuron by neuron rather than in loops: every index into w is a constant and no
// local array is indexed, so no driver has to unroll anything (llvmpipe keeps such loops rolled
// when their bodies are long, and then indexes the local arrays in memory, lane by lane).
#define FIRST(j) activate((j) % 3, dot(w[LAYER1 + 3 * (j)], a) + dot(w[LAYER1 + 3 * (j) + 1], b), w[LAYER1 + 3 * (j) + 2])
#define FIRST4(g) vec4(FIRST(4 * (g)), FIRST(4 * (g) + 1), FIRST(4 * (g) + 2), FIRST(4 * (g) + 3))
#define NEXT(base, j, x0, x1, x2) activate((base) == OUTPUT ? 3 : (j) % 3, dot(w[(base) + 4 * (j)], x0) + dot(w[(base) + 4 * (j) + 1], x1) \
        + dot(w[(base) + 4 * (j) + 2], x2), w[(base) + 4 * (j) + 3])
#define NEXT4(base, g, x0, x1, x2) vec4(NEXT(base, 4 * (g), x0, x1, x2), NEXT(base, 4 * (g) + 1, x0, x1, x2), \
        NEXT(base, 4 * (g) + 2, x0, x1, x2), NEXT(base, 4 * (g) + 3, x0, x1, x2))

void main() {
    vec2 p = (gl_FragCoord.xy - 0.5 * RENDERSIZE) / RENDERSIZE.y * zoom;
    vec4 a = vec4(p, length(p), clock.x);
    vec4 b = vec4(clock.y, 2.0 * latent_a - 1.0, 2.0 * latent_b - 1.0, 2.0 * latent_c - 1.0);
    vec4 h0 = FIRST4(0);
    vec4 h1 = FIRST4(1);
    vec4 h2 = FIRST4(2);
    vec4 i0 = NEXT4(LAYER2, 0, h0, h1, h2);
    vec4 i1 = NEXT4(LAYER2, 1, h0, h1, h2);
    vec4 i2 = NEXT4(LAYER2, 2, h0, h1, h2);
    vec4 j0 = NEXT4(LAYER3, 0, i0, i1, i2);
    vec4 j1 = NEXT4(LAYER3, 1, i0, i1, i2);
    vec4 j2 = NEXT4(LAYER3, 2, i0, i1, i2);
    vec3 rgb = vec3(NEXT(OUTPUT, 0, j0, j1, j2), NEXT(OUTPUT, 1, j0, j1, j2), NEXT(OUTPUT, 2, j0, j1, j2));
    // Soft at the ends: sums of three activations run past -1..1, and hard clipping flattens them.
    fragColor = vec4(0.5 + 0.5 * tanh(1.3 * rgb), 1.0);
}
