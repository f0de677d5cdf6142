package org.vernissage.artworks.bloom;

import java.nio.file.Path;
import java.util.List;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.TouchSet;
import org.vernissage.engine.render.TargetFormat;
import org.vernissage.engine.render.graph.FrameUniform;
import org.vernissage.engine.render.graph.GraphBuilder;
import org.vernissage.engine.render.graph.GraphPiece;
import org.vernissage.engine.render.graph.UniformArray;
import org.vernissage.models.ModelException;
import org.vernissage.models.nca.NcaWeights;
import org.vernissage.models.nca.NcaWeightsFile;

/**
 * Bloom: a neural cellular automaton grows a flower from one cell, keeps it, and regrows what the
 * audience's touches erase. The rule (12 channels per cell, 32 hidden units) was trained by the
 * project's own code ({@code scripts/train-nca.sh}, {@code org.vernissage.models.nca}); its weights
 * file {@code models/flower.nca.json} is read here and handed to the shader as a uniform array, and
 * read again at a hot reload when it is saved (a rule retrained beside the show: {@link #stageData}).
 *
 * <p>The graph: {@code state}, a 96x32 RGBA32F feedback node (the 32x32 grid, 12 channels as three
 * tiles of four), stepped once per frame by {@code step.frag}; then the {@code bloom} layer
 * ({@code show.frag}) shows its RGBA smoothed in a square 0.9 of the frame's height. Java plants the
 * seed (first frame, {@code reset}), numbers the steps (the shader's firing hash) and turns touches
 * and the {@code erase} event into discs of cells to erase ({@code ERASERS}).
 *
 * <p>Named by {@code artworks/bloom/artwork.json} ({@code "class"}); made once by the app, declared
 * on the thread preparing the run, updated on the render thread. Allocates nothing per frame.
 */
public final class Bloom implements GraphPiece {

    /** The weights file, relative to the artwork folder. */
    public static final String WEIGHTS_FILE = "models/flower.nca.json";
    /** The grid and rule {@code step.frag} is written for. */
    public static final int GRID = 32;
    public static final int CHANNELS = 12;
    public static final int HIDDEN = 32;
    /** The square the grid is shown in, as a fraction of the frame's height (as in show.frag). */
    static final double SIDE = 0.9;
    static final int ERASERS_MAX = 8;

    private Path weightsFile;        // read at declare and at each hot reload
    private UniformArray weights;
    private FrameUniform control;
    private UniformArray erasers;
    private final float[] discs = new float[4 * ERASERS_MAX];
    private int resetSlot;
    private int eraseSlot;
    private int eraseAtSlot;
    private int eraseRadiusSlot;
    private int touchRadiusSlot;
    private float lastReset;
    private float lastErase;
    private boolean started;
    private long step;

    @Override
    public void declare(GraphBuilder graph) throws ArtworkException {
        weightsFile = graph.folder().resolve(WEIGHTS_FILE);
        NcaWeights read = load(weightsFile);
        ParameterLayout layout = graph.layout();
        resetSlot = slotOf(layout, "reset");
        eraseSlot = slotOf(layout, "erase");
        eraseAtSlot = slotOf(layout, "erase_at");
        eraseRadiusSlot = slotOf(layout, "erase_radius");
        touchRadiusSlot = slotOf(layout, "touch_radius");
        GraphBuilder.NodeBuilder state = graph.node("state").shader("step.frag").format(TargetFormat.RGBA32F)
                .feedback().size(GRID * CHANNELS / 4, GRID);
        weights = state.uniformArray("WEIGHTS", read.packedVec4Count());
        weights.set(read.packed());
        control = state.uniform("control", 4);
        erasers = state.uniformArray("ERASERS", ERASERS_MAX);
        graph.layer("bloom").shader("show.frag");
    }

    /** The weights file: retrained and saved while the piece runs, it is taken at the next hot reload. */
    @Override
    public List<Path> dataFiles() {
        return List.of(weightsFile);
    }

    /** The weights read again and checked; in force once the reload's shaders have built. */
    @Override
    public Runnable stageData() throws ArtworkException {
        float[] packed = load(weightsFile).packed();
        return () -> weights.set(packed);
    }

    /** Reads the weights and checks they are the rule the shader is written for. */
    public static NcaWeights load(Path file) throws ArtworkException {
        NcaWeightsFile.NcaModel model;
        try {
            model = NcaWeightsFile.read(file);
        } catch (ModelException e) {
            throw new ArtworkException("Bloom: " + e.getMessage(), e);
        }
        NcaWeights weights = model.weights();
        if (model.grid() != GRID || weights.channels() != CHANNELS || weights.hidden() != HIDDEN) {
            throw new ArtworkException("Bloom: " + file + " holds a rule for a " + model.grid() + "x" + model.grid()
                    + " grid, " + weights.channels() + " channels and " + weights.hidden() + " hidden units; step.frag"
                    + " is written for " + GRID + "x" + GRID + ", " + CHANNELS + " and " + HIDDEN);
        }
        return weights;
    }

    private static int slotOf(ParameterLayout layout, String name) throws ArtworkException {
        return layout.offset(layout.indexOf(name).orElseThrow(() -> new ArtworkException(
                "Bloom needs a parameter '" + name + "' in its artwork.json")));
    }

    @Override
    public void update(FrameInfo frame, ParameterSnapshot parameters) {
        float reset = parameters.value(resetSlot);
        float erase = parameters.value(eraseSlot);
        boolean seed = !started || reset != lastReset;
        int count = 0;
        if (started && erase != lastErase) {
            // erase_at: (0, 0) bottom left to (1, 1) top right of the flower's square; rows go down.
            count = disc(count, parameters.value(eraseAtSlot), parameters.value(eraseAtSlot + 1),
                    parameters.value(eraseRadiusSlot));
        }
        count = touches(count, parameters.touches(), frame.width(), frame.height(),
                parameters.value(touchRadiusSlot));
        started = true;
        lastReset = reset;
        lastErase = erase;
        erasers.set(discs);
        control.set(seed ? 1f : 0f, (float) (step % (1 << 20)), count, 0f);
        step++;
    }

    /** Every live touch (TUIO: 0..1 of the frame, origin top left) as a disc on the grid. */
    private int touches(int count, TouchSet touches, int width, int height, float radius) {
        double aspect = height > 0 ? (double) width / height : 1.0;
        for (int i = 0; i < touches.count() && count < ERASERS_MAX; i++) {
            double x = (touches.x(i) - 0.5) * aspect / SIDE + 0.5;
            double yDown = (touches.y(i) - 0.5) / SIDE + 0.5;
            count = disc(count, (float) x, (float) (1 - yDown), radius);
        }
        return count;
    }

    /** Adds a disc at (x, y) of the square (bottom-left origin), radius a fraction of its side. */
    private int disc(int count, float x, float y, float radius) {
        if (count >= ERASERS_MAX) {
            return count;
        }
        discs[4 * count] = x * GRID;
        discs[4 * count + 1] = (1 - y) * GRID;
        discs[4 * count + 2] = radius * GRID;
        return count + 1;
    }
}
