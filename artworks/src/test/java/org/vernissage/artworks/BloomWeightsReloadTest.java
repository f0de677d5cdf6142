package org.vernissage.artworks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengl.GL11C.GL_FLOAT;
import static org.lwjgl.opengl.GL11C.GL_RGBA;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL11C.glBindTexture;
import static org.lwjgl.opengl.GL11C.glGetTexImage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.artworks.bloom.Bloom;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.SteppedPacer;
import org.vernissage.engine.render.TextureImage;
import org.vernissage.engine.render.graph.GraphBuilder;
import org.vernissage.engine.render.graph.RenderGraph;
import org.vernissage.models.nca.NcaTarget;
import org.vernissage.models.nca.NcaWeights;
import org.vernissage.models.nca.NcaWeightsFile;

/**
 * Bloom's weights file is one of its sources: saved while the piece runs (a rule retrained beside
 * the show), it is taken at the hot reload, as a shader is. On the GPU (headless llvmpipe), a copy
 * of Bloom grows its flower; then its weights file is replaced, the graph reloaded on the render
 * thread, and a disc erased: with weights that change nothing nothing grows back, where the bundled
 * rule regrows nine tenths of it (BloomRegrowthTest). A file that does not read is refused by the
 * reload, naming it, and the rule in force goes on.
 */
class BloomWeightsReloadTest {

    private static final int WIDTH = 160;
    private static final int HEIGHT = 90;
    private static final long GROWN = 150;
    private static final long LATER = GROWN + 1 + 90;

    @TempDir
    Path copy;

    @Test
    void aSavedWeightsFileIsTakenAtTheHotReload() throws Exception {
        Map<Long, Double> errors = grow(copy, weightsFile -> {
            int channels = Bloom.CHANNELS;
            int hidden = Bloom.HIDDEN;
            NcaWeights still = new NcaWeights(channels, hidden, new float[3 * channels * hidden], new float[hidden],
                    new float[hidden * channels]);
            NcaWeightsFile.write(weightsFile, new NcaWeightsFile.NcaModel(still, Bloom.GRID, 0, 0, 0, "a test's"));
        }, true);
        String figures = String.format("erased %.5f, 90 steps later %.5f", errors.get(GROWN + 1), errors.get(LATER));
        assertTrue(errors.get(LATER) > 0.8 * errors.get(GROWN + 1), "the reloaded rule changes nothing: " + figures);
    }

    @Test
    void aWeightsFileThatDoesNotReadIsRefusedAndTheRuleInForceGoesOn() throws Exception {
        Map<Long, Double> errors = grow(copy, weightsFile -> Files.writeString(weightsFile, "{ not weights"), false);
        String figures = String.format("erased %.5f, 90 steps later %.5f", errors.get(GROWN + 1), errors.get(LATER));
        assertTrue(errors.get(LATER) < 0.15 * errors.get(GROWN + 1), "the bundled rule grows it back: " + figures);
    }

    /** What replaces the weights file, on the render thread, before the reload. */
    private interface Save {
        void to(Path weightsFile) throws Exception;
    }

    /**
     * A copy of Bloom grown for {@link #GROWN} frames; then {@code save}, a reload ({@code loads}:
     * whether it must succeed) and an erase; the grid's error to the target just after the erase
     * and {@link #LATER}.
     */
    private static Map<Long, Double> grow(Path copy, Save save, boolean loads) throws Exception {
        Path folder = Path.of("bloom").toAbsolutePath();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.toList()) {
                Path to = copy.resolve(folder.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        ArtworkManifest manifest = ManifestLoader.load(copy);
        ParameterLayout layout = manifest.layout();
        float[] values = new float[layout.slotCount()];
        layout.copyDefaultsInto(values);
        int eraseSlot = layout.offset(layout.indexOf("erase").orElseThrow());
        SnapshotExchange snapshots = new SnapshotExchange(values);
        GraphBuilder graph = new GraphBuilder(copy, layout, ArtworkManifest.FILE_NAME);
        Bloom piece = new Bloom();
        piece.declare(graph);
        TextureImage state = graph.output("state");
        RenderGraph artwork = graph.build(piece);
        Path weightsFile = copy.resolve(Bloom.WEIGHTS_FILE);
        assertTrue(artwork.sourceFiles().contains(weightsFile), "watched with the shaders: " + artwork.sourceFiles());
        float[] target = NcaTarget.flower(Bloom.GRID);
        Map<Long, Double> errors = new TreeMap<>();
        float[][] texels = new float[1][];
        Exception[] failed = new Exception[1];
        FrameListener probe = (frame, parameters, image) -> {
            long index = frame.index();
            if (index == GROWN + 1 || index == LATER) {
                if (texels[0] == null) {
                    texels[0] = new float[state.width() * state.height() * 4]; // its size is known once drawn
                }
                glBindTexture(GL_TEXTURE_2D, state.textureId());
                glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_FLOAT, texels[0]);
                glBindTexture(GL_TEXTURE_2D, 0);
                errors.put(index, BloomRegrowthTest.visibleError(texels[0], state.width(), target));
            }
            if (index == GROWN) {
                try {
                    save.to(weightsFile);
                    if (loads) {
                        artwork.reload();
                    } else {
                        ArtworkException refused = assertThrows(ArtworkException.class, artwork::reload);
                        assertTrue(refused.getMessage().contains(weightsFile.toString()), refused.getMessage());
                    }
                } catch (Exception | AssertionError e) {
                    failed[0] = e instanceof Exception ex ? ex : new IllegalStateException(e);
                }
                values[eraseSlot] += 1; // the erase event, as the conductor would count it
                snapshots.publish(values, 1, 0);
            }
        };
        try (EglSurfacelessContext context = EglSurfacelessContext.open(WIDTH, HEIGHT)) {
            new RenderLoop(context, artwork, snapshots, new SteppedPacer(new ManualClock(0), 60), new FrameStats(),
                    List.of(probe), WIDTH, HEIGHT).run(LATER + 1);
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        return errors;
    }
}
