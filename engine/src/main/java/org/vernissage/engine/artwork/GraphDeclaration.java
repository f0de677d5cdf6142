package org.vernissage.engine.artwork;

import java.util.List;
import java.util.Objects;
import org.vernissage.engine.render.graph.RenderResolution;

/**
 * What a manifest declares instead of one {@code shader}: a stack of {@code layers} (with the
 * artwork's {@code resolution}), or the Java {@code class} of a piece built on the render graph.
 * {@link #NONE} for a manifest of one shader.
 *
 * <p>Immutable; made by {@link LayersReader} at load.
 *
 * @param javaClass the fully qualified name of a {@code GraphPiece}, or empty
 */
public record GraphDeclaration(RenderResolution resolution, List<LayerSpec> layers, String javaClass) {

    /** A manifest of one shader. */
    public static final GraphDeclaration NONE = new GraphDeclaration(RenderResolution.CANVAS, List.of(), "");

    public GraphDeclaration {
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(javaClass, "javaClass");
        layers = List.copyOf(layers);
    }

    /** True when the manifest declares layers or a Java class rather than one shader. */
    public boolean declared() {
        return !layers.isEmpty() || !javaClass.isEmpty();
    }
}
