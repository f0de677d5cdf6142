package org.vernissage.engine.render.graph;

import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.render.TargetFormat;
import org.vernissage.engine.render.TextureImage;

/**
 * One node of a {@link RenderGraph}: what it draws (a {@link ShaderPass} or any {@link Artwork}),
 * its own images ({@link NodeTargets}, made at setup), its size relative to the graph, and, for a
 * layer, how it is composited ({@link LayerControl}; null for a node only other nodes read).
 *
 * <p>{@link #output()} and {@link #previous()} exist from construction, before any GL object:
 * a Java author hands them to artworks built before the graph is set up, and they read the
 * current texture name each time they are bound.
 *
 * <p>Render thread only; owned by the {@link RenderGraph}.
 */
final class GraphNode {

    private final String name;
    private final Artwork drawing;
    private final TargetFormat format;
    private final boolean feedback;
    private final double scale;
    private final int fixedWidth;
    private final int fixedHeight;
    private final LayerControl layer;
    private NodeTargets targets;
    private final TextureImage output = new View(true);
    private final TextureImage previous = new View(false);

    GraphNode(String name, Artwork drawing, TargetFormat format, boolean feedback, double scale, int fixedWidth,
              int fixedHeight, LayerControl layer) {
        this.name = name;
        this.drawing = drawing;
        this.format = format;
        this.feedback = feedback;
        this.scale = scale;
        this.fixedWidth = fixedWidth;
        this.fixedHeight = fixedHeight;
        this.layer = layer;
    }

    String name() {
        return name;
    }

    Artwork drawing() {
        return drawing;
    }

    TargetFormat format() {
        return format;
    }

    boolean feedback() {
        return feedback;
    }

    double scale() {
        return scale;
    }

    /** The node's width for a graph {@code graphWidth} wide: its fixed size, or the graph's times its scale. */
    int widthFor(int graphWidth) {
        return fixedWidth > 0 ? fixedWidth : RenderResolution.scaled(graphWidth, scale);
    }

    /** The node's height for a graph {@code graphHeight} high. */
    int heightFor(int graphHeight) {
        return fixedHeight > 0 ? fixedHeight : RenderResolution.scaled(graphHeight, scale);
    }

    /** The compositing of a layer; null for a node that is not composited. */
    LayerControl layer() {
        return layer;
    }

    NodeTargets targets() {
        return targets;
    }

    void targets(NodeTargets made) {
        this.targets = made;
    }

    /** The node's latest image: this frame's once it has drawn. */
    TextureImage output() {
        return output;
    }

    /** The node's previous frame (feedback). */
    TextureImage previous() {
        return previous;
    }

    /** A view of the node's images through ping-pong swaps and resizes. */
    private final class View implements TextureImage {
        private final boolean latest;

        View(boolean latest) {
            this.latest = latest;
        }

        @Override
        public int textureId() {
            return latest ? targets.target().colorTexture() : targets.previousFrame().colorTexture();
        }

        @Override
        public int width() {
            return targets.width();
        }

        @Override
        public int height() {
            return targets.height();
        }
    }
}
