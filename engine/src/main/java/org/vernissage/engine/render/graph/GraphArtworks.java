package org.vernissage.engine.render.graph;

import java.lang.reflect.InvocationTargetException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.GraphDeclaration;
import org.vernissage.engine.artwork.LayerSpec;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.render.isf.IsfArtwork;

/**
 * Makes the render graph a manifest declares: its {@code layers}, or the Java {@link GraphPiece}
 * its {@code class} names (found on the class path: the app has the bundled pieces of the
 * {@code artworks} module on it). A manifest of one shader is not a graph: the caller plays it as
 * it always has. A layer whose shader is an ISF file is an {@link IsfArtwork} node reading the
 * graph's parameters under its {@code <layer>_} prefix, its image inputs bound to the earlier
 * layers' images or to still files as the manifest says.
 *
 * <p>Called on the thread preparing the run; makes no GL object (the graph does at setup).
 * Stateless.
 */
public final class GraphArtworks {

    private GraphArtworks() {
    }

    /**
     * The artwork of {@code manifest} when it declares layers or a class; empty for one shader.
     *
     * @param layout the manifest's parameter layout (the layers' controls included)
     * @throws ArtworkException when the Java piece cannot be made or declares a graph that cannot be built
     */
    public static Optional<Artwork> forManifest(ArtworkManifest manifest, ParameterLayout layout)
            throws ArtworkException {
        return forManifest(manifest, layout, LocalDateTime.now());
    }

    /**
     * As {@link #forManifest(ArtworkManifest, ParameterLayout)}, with the date and time of show
     * time 0 for the ISF layers' {@code DATE}.
     */
    public static Optional<Artwork> forManifest(ArtworkManifest manifest, ParameterLayout layout,
                                                LocalDateTime dateOrigin) throws ArtworkException {
        GraphDeclaration declared = manifest.graph();
        if (!declared.javaClass().isEmpty()) {
            return Optional.of(javaPiece(manifest, layout, declared.javaClass()));
        }
        if (declared.layers().isEmpty()) {
            return Optional.empty();
        }
        GraphBuilder graph = new GraphBuilder(manifest.folder(), layout, manifest.file().toString())
                .resolution(declared.resolution()).requireEveryParameterDrawn();
        for (LayerSpec layer : declared.layers()) {
            GraphBuilder.NodeBuilder node = graph.layer(layer.name());
            if (layer.isf()) {
                node.artwork(isfLayer(manifest, layout, graph, layer, dateOrigin));
            } else {
                node.shader(layer.shader());
            }
            node.format(layer.format()).scale(layer.scale()).blend(layer.blend()).opacity(layer.opacity());
            if (layer.feedback()) {
                node.feedback();
            }
        }
        return Optional.of(graph.build());
    }

    private static IsfArtwork isfLayer(ArtworkManifest manifest, ParameterLayout layout, GraphBuilder graph,
                                       LayerSpec layer, LocalDateTime dateOrigin) {
        IsfArtwork isf = new IsfArtwork(manifest.folder(), layer.shader(), layout, layer.imageFiles(), dateOrigin,
                layer.parameterPrefix());
        for (Map.Entry<String, String> image : layer.imageLayers().entrySet()) {
            isf.bindImage(image.getKey(), graph.output(image.getValue()));
        }
        return isf;
    }

    private static RenderGraph javaPiece(ArtworkManifest manifest, ParameterLayout layout, String className)
            throws ArtworkException {
        String where = manifest.file() + ": class: " + className;
        GraphPiece piece;
        try {
            piece = (GraphPiece) pieceClass(className).getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new ArtworkException(where + ": its constructor failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new ArtworkException(where + ": expected a public " + GraphPiece.class.getSimpleName()
                    + " with a public no-argument constructor, found " + e, e);
        }
        GraphBuilder graph = new GraphBuilder(manifest.folder(), layout, manifest.file().toString());
        try {
            piece.declare(graph);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ArtworkException(where + ": " + e.getMessage(), e);
        }
        return graph.build(piece);
    }

    /**
     * The class called {@code name}, from the thread's context class loader (else this one's),
     * not initialised.
     */
    public static Class<?> pieceClass(String name) throws ClassNotFoundException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return Class.forName(name, false, context != null ? context : GraphArtworks.class.getClassLoader());
    }
}
