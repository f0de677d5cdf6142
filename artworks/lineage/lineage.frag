#version 330 core
// Lineage: a compositional pattern-producing network (CPPN) evaluated at every pixel.
// Inputs: x, y, distance from the centre, the clock (sin, cos of a phase Java integrates) and
// three latents moved by sensors. Three hidden layers of 12 neurons, 3 outputs (red, green, blue).
// Every neuron's activation is a mix of sin, gaussian and tanh whose weights evolve with the rest.
//
// The weights come from LineagePiece.java through the uniform block below (144 vec4s, the layout
// is CppnShape.java's): neuron j of a layer is its incoming weights, 4 to a vec4, then one vec4
// (bias, sin weight, gaussian weight, tanh weight). The benchmark swaps this one line for the same
// weights as a constant array (bench/run-cppn.sh): keep it on one line.
layout(std140) uniform CppnWeights { vec4 w[144]; };

uniform vec2 RENDERSIZE;
uniform vec2 clock;      // sin and cos of the phase (set by LineagePiece.java)
uniform float zoom;
uniform float latent_a;
uniform float latent_b;
uniform float latent_c;
out vec4 fragColor;

const int HIDDEN = 12;
const int LAYER1 = 0;    // 12 neurons x (2 + 1) vec4s
const int LAYER2 = 36;   // 12 neurons x (3 + 1) vec4s
const int LAYER3 = 84;
const int OUTPUT = 132;  // 3 neurons x (3 + 1) vec4s

float activate(float z, vec4 k) {
    z += k.x;
    return k.y * sin(z) + k.z * exp(-z * z) + k.w * tanh(z);
}

void firstLayer(vec4 a, vec4 b, out vec4 h[3]) {
    for (int g = 0; g < 3; g++) {
        vec4 v;
        for (int c = 0; c < 4; c++) {
            int o = LAYER1 + (4 * g + c) * 3;
            v[c] = activate(dot(w[o], a) + dot(w[o + 1], b), w[o + 2]);
        }
        h[g] = v;
    }
}

void hiddenLayer(int base, vec4 x[3], out vec4 h[3]) {
    for (int g = 0; g < 3; g++) {
        vec4 v;
        for (int c = 0; c < 4; c++) {
            int o = base + (4 * g + c) * 4;
            v[c] = activate(dot(w[o], x[0]) + dot(w[o + 1], x[1]) + dot(w[o + 2], x[2]), w[o + 3]);
        }
        h[g] = v;
    }
}

void main() {
    vec2 p = (gl_FragCoord.xy - 0.5 * RENDERSIZE) / RENDERSIZE.y * zoom;
    vec4 a = vec4(p, length(p), clock.x);
    vec4 b = vec4(clock.y, 2.0 * latent_a - 1.0, 2.0 * latent_b - 1.0, 2.0 * latent_c - 1.0);
    vec4 h1[3];
    vec4 h2[3];
    vec4 h3[3];
    firstLayer(a, b, h1);
    hiddenLayer(LAYER2, h1, h2);
    hiddenLayer(LAYER3, h2, h3);
    vec3 rgb;
    for (int c = 0; c < 3; c++) {
        int o = OUTPUT + c * 4;
        rgb[c] = activate(dot(w[o], h3[0]) + dot(w[o + 1], h3[1]) + dot(w[o + 2], h3[2]), w[o + 3]);
    }
    // Soft at the ends: sums of three activations run past -1..1, and hard clipping flattens them.
    fragColor = vec4(0.5 + 0.5 * tanh(1.3 * rgb), 1.0);
}
