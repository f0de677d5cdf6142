package org.vernissage.engine.render.graph;

import java.nio.file.Path;
import java.util.List;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;

/**
 * An artwork written in Java over the render graph: it declares its nodes and layers once, then
 * sets its {@link FrameUniform}s every frame. A manifest names the class with
 * {@code "class": "org.example.MyPiece"} (public, with a public no-argument constructor, on the
 * class path: the bundled pieces are in the {@code artworks} module, which the app depends on).
 *
 * <p>{@link #declare} is called once on the thread preparing the run, before any GL object exists;
 * {@link #update} on the render thread every frame, before the graph's nodes take the frame.
 * Owned by the {@link RenderGraph} built from it.
 */
public interface GraphPiece {

    /**
     * Declares the graph: resolution, nodes, layers, images and per-frame uniforms.
     *
     * @throws ArtworkException when the piece cannot be built (a message naming what is wrong)
     */
    void declare(GraphBuilder graph) throws ArtworkException;

    /** Takes this frame's parameters: sets the uniforms declared. Must not allocate in steady state. */
    default void update(FrameInfo frame, ParameterSnapshot parameters) {
    }

    /**
     * Files the piece reads besides its shaders (a model's weights), watched with them: a save is
     * a hot reload like a shader's. Called after {@link #declare}.
     */
    default List<Path> dataFiles() {
        return List.of();
    }

    /**
     * Render thread, at a hot reload: reads the data files again and returns what puts them in
     * force, run only once every shader of the reload has built (all or nothing); throws, naming
     * the file and the fault, leaving the piece as it was.
     */
    default Runnable stageData() throws ArtworkException {
        return () -> { };
    }
}
