// Bloom, node "state" (RGBA32F, feedback, 96x32 pixels): one step of the neural cellular automaton
// per frame. The grid is 32x32 cells of 12 channels, kept as three tiles side by side, 4 channels
// each: pixel (tile * 32 + x, y) holds channels 4 * tile .. 4 * tile + 3 of cell (x, y), y the row
// (row 0 is shown at the top). Channels 0..3 are the premultiplied RGBA shown, the rest hidden.
// Every pixel computes the whole rule for its cell and keeps its tile's four channels: the same as
// org.vernissage.models.nca.NcaRule (the training's CPU step), with a hash instead of a random
// generator choosing which cells fire.
const int GRID = 32;
const int TILES = 3;                        // 12 channels
const int HIDDEN = 32;
const int ROW = 3 * TILES;                  // vec4s of w1 per hidden unit: value, x, y gradient per tile
const int B1 = HIDDEN * ROW;                // where b1 starts (after w1)
const int W2 = B1 + HIDDEN / 4;             // where w2 starts
const int ERASERS_MAX = 8;

uniform sampler2D FEEDBACK;
uniform vec4 WEIGHTS[W2 + TILES * HIDDEN];  // the weights file, packed by NcaWeights.packed()
uniform vec4 control;                       // x: 1 plants the seed; y: step number; z: erasers in use
uniform vec4 ERASERS[ERASERS_MAX];          // xy: centre in cells (x, row), z: radius in cells
out vec4 fragColor;

vec4 cellAt(ivec2 cell, int tile) {
    if (cell.x < 0 || cell.y < 0 || cell.x >= GRID || cell.y >= GRID) {
        return vec4(0.0);                   // zero outside the grid, as in training
    }
    return texelFetch(FEEDBACK, ivec2(cell.x + tile * GRID, cell.y), 0);
}

// A cell fires with probability one half, independently of its neighbours and of the last step.
float fires(ivec2 cell, uint step) {
    uint h = uint(cell.x) * 1973u + uint(cell.y) * 9277u + step * 26699u + 1u;
    h ^= h >> 16; h *= 0x7feb352du; h ^= h >> 15; h *= 0x846ca68bu; h ^= h >> 16;
    return float(h >> 8) / 16777216.0;
}

bool erased(ivec2 cell) {
    vec2 centre = vec2(cell) + 0.5;
    for (int i = 0; i < ERASERS_MAX; i++) {
        if (float(i) < control.z && distance(centre, ERASERS[i].xy) <= ERASERS[i].z) {
            return true;
        }
    }
    return false;
}

void main() {
    ivec2 texel = ivec2(gl_FragCoord.xy);
    int tile = texel.x / GRID;
    ivec2 cell = ivec2(texel.x - tile * GRID, texel.y);
    if (control.x > 0.5) {                  // the seed: one cell, every channel but RGB at 1
        bool centre = cell == ivec2(GRID / 2);
        fragColor = centre ? (tile == 0 ? vec4(0.0, 0.0, 0.0, 1.0) : vec4(1.0)) : vec4(0.0);
        return;
    }
    float neighbourhoodAlpha = 0.0;
    for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
            neighbourhoodAlpha = max(neighbourhoodAlpha, cellAt(cell + ivec2(dx, dy), 0).a);
        }
    }
    if (neighbourhoodAlpha <= 0.1 || erased(cell)) {
        fragColor = vec4(0.0);              // dead, or under a touch
        return;
    }
    vec4 self = cellAt(cell, tile);
    if (fires(cell, uint(control.y)) >= 0.5) {
        fragColor = self;
        return;
    }
    // Perception: per tile, the value and the Sobel x and y gradients (kernels / 8).
    vec4 p[ROW];
    for (int t = 0; t < TILES; t++) {
        vec4 gx = vec4(0.0);
        vec4 gy = vec4(0.0);
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                vec4 v = cellAt(cell + ivec2(dx, dy), t);
                float wx = float(dx) * (dy == 0 ? 2.0 : 1.0);
                float wy = float(dy) * (dx == 0 ? 2.0 : 1.0);
                gx += wx * v;
                gy += wy * v;
            }
        }
        p[3 * t] = cellAt(cell, t);
        p[3 * t + 1] = gx / 8.0;
        p[3 * t + 2] = gy / 8.0;
    }
    vec4 delta = vec4(0.0);
    for (int j = 0; j < HIDDEN; j++) {
        float h = WEIGHTS[B1 + j / 4][j % 4];
        for (int i = 0; i < ROW; i++) {
            h += dot(WEIGHTS[j * ROW + i], p[i]);
        }
        delta += max(h, 0.0) * WEIGHTS[W2 + tile * HIDDEN + j];
    }
    fragColor = self + delta;
}
