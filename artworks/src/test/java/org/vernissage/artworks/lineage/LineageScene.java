package org.vernissage.artworks.lineage;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.RgbaImage;
import org.vernissage.engine.render.graph.BlockSpecialisation;
import org.vernissage.engine.render.graph.GraphBuilder;

/**
 * The bundled Lineage piece set up on a small canvas of the current GL context, played frame by
 * frame at 60 per second with parameter values a test changes between frames (as the conductor
 * would publish them). Render thread: the test's; close before the context goes.
 */
final class LineageScene implements AutoCloseable {

    static final Path FOLDER = Path.of("lineage").toAbsolutePath();

    private final ParameterLayout layout;
    private final float[] values;
    private final SnapshotExchange snapshots;
    private final LineagePiece piece;
    private final Artwork artwork;
    private final Framebuffer canvas;
    private final FrameInfo frame = new FrameInfo();
    private long index;

    /** With the weights always in the block (the evolution's tests: every frame drawn the same way). */
    LineageScene(int width, int height) throws Exception {
        this(width, height, BlockSpecialisation.Policy.DEFAULT.withMode(BlockSpecialisation.Mode.OFF));
    }

    /** With the weights' specialisation as {@code policy} says. */
    LineageScene(int width, int height, BlockSpecialisation.Policy policy) throws Exception {
        ArtworkManifest manifest = ManifestLoader.load(FOLDER);
        layout = manifest.layout();
        values = new float[layout.slotCount()];
        layout.copyDefaultsInto(values);
        snapshots = new SnapshotExchange(values.clone());
        piece = new LineagePiece(policy);
        GraphBuilder graph = new GraphBuilder(manifest.folder(), layout, manifest.file().toString());
        piece.declare(graph);
        artwork = graph.build(piece);
        canvas = new Framebuffer(width, height);
        canvas.bind();
        artwork.setup(canvas);
    }

    /** Sets parameter {@code name} for the next frames (an event: one more trigger). */
    LineageScene set(String name, float value) {
        int parameter = layout.indexOf(name).orElseThrow();
        int slot = layout.offset(parameter);
        values[slot] = layout.afterSet(slot, values[slot], value);
        return this;
    }

    /** Triggers event {@code name} once. */
    LineageScene trigger(String name) {
        return set(name, 1f);
    }

    /** Draws {@code frames} frames with the values as they are now. */
    LineageScene play(int frames) {
        publish();
        for (int i = 0; i < frames; i++) {
            frame();
        }
        return this;
    }

    /** Hands the values as they are now to the next frames (allocates: not inside a measured loop). */
    LineageScene publish() {
        snapshots.publish(values.clone(), 0, 0);
        return this;
    }

    /** Draws one frame with the values last published (allocates nothing of its own). */
    void frame() {
        frame.set(index, index / 60.0, index == 0 ? 0 : 1 / 60.0, canvas.width(), canvas.height());
        artwork.update(frame, snapshots.latch());
        canvas.bind();
        artwork.render(frame, canvas);
        index++;
    }

    /** Frames drawn so far. */
    long frames() {
        return index;
    }

    LineagePiece piece() {
        return piece;
    }

    /** The last frame drawn. */
    RgbaImage image() {
        ByteBuffer pixels = ByteBuffer.allocateDirect(canvas.width() * canvas.height() * 4);
        canvas.readPixels(pixels);
        return RgbaImage.fromGlRows(pixels, canvas.width(), canvas.height());
    }

    @Override
    public void close() {
        artwork.dispose();
        canvas.close();
    }
}
