package org.vernissage.engine.render.graph;

import java.util.function.Supplier;
import org.vernissage.engine.render.TextureImage;

/**
 * An image handed out before what it shows exists: a node's output given to an artwork declared
 * before the graph is built, or a node's own previous frame given to its shader before the node
 * is made. Each read asks {@code image} for the current one; the supplier is made once, so a read
 * allocates nothing.
 *
 * <p>Render thread only once bound; owned by the {@link GraphBuilder}'s graph.
 */
record DeferredImage(Supplier<TextureImage> image) implements TextureImage {

    @Override
    public int textureId() {
        return image.get().textureId();
    }

    @Override
    public int width() {
        return image.get().width();
    }

    @Override
    public int height() {
        return image.get().height();
    }
}
