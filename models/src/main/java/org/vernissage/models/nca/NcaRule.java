package org.vernissage.models.nca;

/**
 * The update rule of a neural cellular automaton on the CPU: one step forward over a square grid
 * (optionally keeping what the backward pass needs) and the matching backward step, with the
 * gradients written by hand. The GPU shader ({@code artworks/nca/step.frag}) computes the same
 * forward step; training and tests use this one.
 *
 * <p>A step, for every cell: it lives when some cell of its 3x3 neighbourhood (itself included) has
 * alpha above {@link #ALIVE_THRESHOLD} (cells outside the grid are zero); a dead cell becomes zero;
 * a living cell is updated with probability one half (no global clock: each cell fires on its own),
 * by {@code x += W2 relu(W1 perceive(x) + b1)}, where {@code perceive} gives each channel, its Sobel
 * x gradient and its Sobel y gradient (kernels divided by 8). x is the column, y the row index.
 *
 * <p>The states are flat arrays, cell {@code y * size + x}, channel {@code ch} at
 * {@code cell * channels + ch}. One instance per thread: it keeps scratch arrays.
 */
final class NcaRule {

    static final float ALIVE_THRESHOLD = 0.1f;
    /** Sobel x kernel over (dy, dx) in -1..1, already divided by 8; the y kernel is its transpose. */
    private static final float[] SOBEL_X = {-1 / 8f, 0, 1 / 8f, -2 / 8f, 0, 2 / 8f, -1 / 8f, 0, 1 / 8f};
    private static final float[] SOBEL_Y = {-1 / 8f, -2 / 8f, -1 / 8f, 0, 0, 0, 1 / 8f, 2 / 8f, 1 / 8f};

    private final int size;
    private final int cells;
    private final int channels;
    private final int hidden;
    private final int perception;
    private final float[] dx;
    private final float[] dh;
    private final float[] dp;
    private final float[] p;
    private final float[] h;

    NcaRule(int size, int channels, int hidden) {
        this.size = size;
        this.cells = size * size;
        this.channels = channels;
        this.hidden = hidden;
        this.perception = 3 * channels;
        this.dx = new float[channels];
        this.dh = new float[hidden];
        this.dp = new float[perception];
        this.p = new float[perception];
        this.h = new float[hidden];
    }

    int size() {
        return size;
    }

    /** What one forward step leaves for its backward step (null: not kept). */
    static final class Trace {
        final boolean[] alive;
        final boolean[] updated;
        final float[] perceived;
        final float[] activations;

        Trace(int cells, int perception, int hidden) {
            alive = new boolean[cells];
            updated = new boolean[cells];
            perceived = new float[cells * perception];
            activations = new float[cells * hidden];
        }
    }

    /**
     * One step from {@code x} into {@code next} (distinct arrays). {@code fire} holds one random
     * number in [0, 1) per cell: a living cell updates when its number is below one half.
     */
    void forward(NcaWeights weights, float[] x, float[] next, float[] fire, Trace trace) {
        float[] w1 = weights.w1Shared();
        float[] b1 = weights.b1Shared();
        float[] w2 = weights.w2Shared();
        for (int y = 0; y < size; y++) {
            for (int xx = 0; xx < size; xx++) {
                int cell = y * size + xx;
                int base = cell * channels;
                boolean alive = alive(x, xx, y);
                boolean updated = alive && fire[cell] < 0.5f;
                if (trace != null) {
                    trace.alive[cell] = alive;
                    trace.updated[cell] = updated;
                }
                if (!alive) {
                    for (int ch = 0; ch < channels; ch++) {
                        next[base + ch] = 0f;
                    }
                    continue;
                }
                if (!updated) {
                    System.arraycopy(x, base, next, base, channels);
                    continue;
                }
                perceive(x, xx, y, p);
                for (int j = 0; j < hidden; j++) {
                    int row = j * perception;
                    float sum = b1[j];
                    for (int i = 0; i < perception; i++) {
                        sum += w1[row + i] * p[i];
                    }
                    h[j] = sum > 0f ? sum : 0f;
                }
                for (int ch = 0; ch < channels; ch++) {
                    int tileBase = (ch >> 2) * hidden * 4 + (ch & 3);
                    float sum = 0f;
                    for (int j = 0; j < hidden; j++) {
                        sum += w2[tileBase + 4 * j] * h[j];
                    }
                    next[base + ch] = x[base + ch] + sum;
                }
                if (trace != null) {
                    System.arraycopy(p, 0, trace.perceived, cell * perception, perception);
                    System.arraycopy(h, 0, trace.activations, cell * hidden, hidden);
                }
            }
        }
    }

    private boolean alive(float[] x, int cx, int cy) {
        for (int y = Math.max(0, cy - 1); y <= Math.min(size - 1, cy + 1); y++) {
            for (int xx = Math.max(0, cx - 1); xx <= Math.min(size - 1, cx + 1); xx++) {
                if (x[(y * size + xx) * channels + NcaWeights.ALPHA] > ALIVE_THRESHOLD) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The cell's perception, in the weights' order: per tile of 4 channels, values, x, y gradients. */
    private void perceive(float[] x, int cx, int cy, float[] out) {
        int tiles = channels / 4;
        for (int t = 0; t < tiles; t++) {
            for (int lane = 0; lane < 4; lane++) {
                int ch = 4 * t + lane;
                float gx = 0f;
                float gy = 0f;
                for (int dy = -1; dy <= 1; dy++) {
                    int y = cy + dy;
                    if (y < 0 || y >= size) {
                        continue;
                    }
                    for (int ddx = -1; ddx <= 1; ddx++) {
                        int xx = cx + ddx;
                        if (xx < 0 || xx >= size) {
                            continue;
                        }
                        float v = x[(y * size + xx) * channels + ch];
                        int k = (dy + 1) * 3 + ddx + 1;
                        gx += SOBEL_X[k] * v;
                        gy += SOBEL_Y[k] * v;
                    }
                }
                out[t * 12 + lane] = x[(cy * size + cx) * channels + ch];
                out[t * 12 + 4 + lane] = gx;
                out[t * 12 + 8 + lane] = gy;
            }
        }
    }

    /**
     * The backward step of {@link #forward} with {@code trace}: from the loss's gradient with respect
     * to {@code next} ({@code gNext}) to its gradient with respect to {@code x} ({@code g},
     * overwritten), adding the weights' gradients into {@code gw1}, {@code gb1}, {@code gw2}. The
     * life masks and the firing are constants, as in the paper.
     */
    void backward(NcaWeights weights, Trace trace, float[] gNext, float[] g, float[] gw1, float[] gb1, float[] gw2) {
        float[] w1 = weights.w1Shared();
        float[] w2 = weights.w2Shared();
        java.util.Arrays.fill(g, 0f);
        for (int cy = 0; cy < size; cy++) {
            for (int cx = 0; cx < size; cx++) {
                int cell = cy * size + cx;
                if (!trace.alive[cell]) {
                    continue;
                }
                int base = cell * channels;
                for (int ch = 0; ch < channels; ch++) {
                    g[base + ch] += gNext[base + ch];
                }
                if (!trace.updated[cell]) {
                    continue;
                }
                int hBase = cell * hidden;
                int pBase = cell * perception;
                for (int ch = 0; ch < channels; ch++) {
                    dx[ch] = gNext[base + ch];
                }
                java.util.Arrays.fill(dh, 0f);
                for (int ch = 0; ch < channels; ch++) {
                    int tileBase = (ch >> 2) * hidden * 4 + (ch & 3);
                    float d = dx[ch];
                    if (d == 0f) {
                        continue;
                    }
                    for (int j = 0; j < hidden; j++) {
                        gw2[tileBase + 4 * j] += d * trace.activations[hBase + j];
                        dh[j] += w2[tileBase + 4 * j] * d;
                    }
                }
                java.util.Arrays.fill(dp, 0f);
                for (int j = 0; j < hidden; j++) {
                    if (trace.activations[hBase + j] <= 0f) {
                        continue;
                    }
                    float d = dh[j];
                    gb1[j] += d;
                    int row = j * perception;
                    for (int i = 0; i < perception; i++) {
                        gw1[row + i] += d * trace.perceived[pBase + i];
                        dp[i] += w1[row + i] * d;
                    }
                }
                scatterPerception(cx, cy, g);
            }
        }
    }

    /** Adds the perception's transpose applied to {@link #dp} into {@code g} around the cell. */
    private void scatterPerception(int cx, int cy, float[] g) {
        int tiles = channels / 4;
        for (int dy = -1; dy <= 1; dy++) {
            int y = cy + dy;
            if (y < 0 || y >= size) {
                continue;
            }
            for (int ddx = -1; ddx <= 1; ddx++) {
                int xx = cx + ddx;
                if (xx < 0 || xx >= size) {
                    continue;
                }
                int k = (dy + 1) * 3 + ddx + 1;
                float kx = SOBEL_X[k];
                float ky = SOBEL_Y[k];
                boolean centre = dy == 0 && ddx == 0;
                int nBase = (y * size + xx) * channels;
                for (int t = 0; t < tiles; t++) {
                    for (int lane = 0; lane < 4; lane++) {
                        float v = kx * dp[t * 12 + 4 + lane] + ky * dp[t * 12 + 8 + lane];
                        if (centre) {
                            v += dp[t * 12 + lane];
                        }
                        g[nBase + 4 * t + lane] += v;
                    }
                }
            }
        }
    }
}
