package org.vernissage.engine.render.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.artwork.ReloadableArtwork;
import org.vernissage.engine.fault.FaultCounts;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.RenderTarget;
import org.vernissage.engine.render.isf.AudioFrames;
import org.vernissage.engine.render.isf.IsfArtwork;
import org.vernissage.engine.render.isf.ListensToAudio;

/**
 * An artwork made of a graph of nodes, drawn in declaration order every frame: each node draws
 * into images of its own (any {@link org.vernissage.engine.render.TargetFormat}, optionally with
 * feedback), at a size that is the graph's {@link RenderResolution} times the node's scale; then
 * the layers among them are composited onto the canvas the render loop gives, with their blend
 * modes and opacities ({@link Compositor}). Built by a {@link GraphBuilder}, from a manifest's
 * {@code layers} or from a Java {@link GraphPiece}.
 *
 * <p>Render thread only, like every artwork, with the GL context current; owned by the render loop
 * (or the app's artwork part) from setup to dispose. A frame allocates nothing: nodes and layers
 * are arrays fixed at build.
 */
public final class RenderGraph implements ReloadableArtwork, ListensToAudio {

    private final GraphNode[] nodes;
    private final GraphNode[] layers;
    private final RenderResolution resolution;
    private final GraphPiece piece;
    private final ParameterLayout layout;
    private final String manifestName;
    private final boolean everyParameterDrawn;
    private final FaultCounts resizeFaults = new FaultCounts("render graph",
            "that node keeps its previous images, scaled onto the canvas", System.getLogger(RenderGraph.class.getName()));
    private Compositor compositor;
    private int graphWidth;
    private int graphHeight;

    RenderGraph(List<GraphNode> nodes, RenderResolution resolution, GraphPiece piece, ParameterLayout layout,
                String manifestName, boolean everyParameterDrawn) {
        this.nodes = nodes.toArray(GraphNode[]::new);
        this.layers = nodes.stream().filter(n -> n.layer() != null).toArray(GraphNode[]::new);
        this.resolution = resolution;
        this.piece = piece;
        this.layout = layout;
        this.manifestName = manifestName;
        this.everyParameterDrawn = everyParameterDrawn;
    }

    /** Whether any node (an ISF layer) reads audio; known once set up. */
    @Override
    public boolean hasAudioInputs() {
        for (GraphNode node : nodes) {
            if (node.drawing() instanceof ListensToAudio listener && listener.hasAudioInputs()) {
                return true;
            }
        }
        return false;
    }

    /** Feeds every node that reads audio (ISF layers) from {@code frames}. */
    @Override
    public void listenTo(AudioFrames frames) {
        for (GraphNode node : nodes) {
            if (node.drawing() instanceof ListensToAudio listener && listener.hasAudioInputs()) {
                listener.listenTo(frames);
            }
        }
    }

    /** The size the graph renders at, as of the last setup or resize. */
    public int graphWidth() {
        return graphWidth;
    }

    public int graphHeight() {
        return graphHeight;
    }

    @Override
    public void setup(RenderTarget canvas) throws ArtworkException {
        graphWidth = resolution.widthFor(canvas.width());
        graphHeight = resolution.heightFor(canvas.height());
        for (GraphNode node : nodes) {
            node.targets(new NodeTargets(node.widthFor(graphWidth), node.heightFor(graphHeight), node.format(),
                    node.feedback()));
            Framebuffer target = node.targets().target();
            target.bind();
            node.drawing().setup(target);
        }
        compositor = new Compositor(layers.length);
        compositor.place(graphWidth, graphHeight, canvas.width(), canvas.height());
        canvas.bind();
        if (everyParameterDrawn) {
            checkEveryParameterUsed();
        }
    }

    /** A declared parameter no layer reads is a typo in one of two files: say so at load. */
    private void checkEveryParameterUsed() throws ArtworkException {
        for (ParameterSpec spec : layout.specs()) {
            boolean used = !spec.shader(); // control-only: for models and consoles, no layer need read it
            for (GraphNode node : nodes) {
                used |= node.drawing() instanceof ShaderPass pass && pass.usedParameters().contains(spec);
                used |= node.drawing() instanceof IsfArtwork isf && isf.reads(spec.name());
                used |= node.layer() != null && (spec.name().equals(LayerControl.opacityParameter(node.name()))
                        || spec.name().equals(LayerControl.blendParameter(node.name())));
            }
            if (!used) {
                throw new ArtworkException(manifestName + ": parameter '" + spec.name()
                        + "' is not an active uniform of any layer's shader (expected `uniform "
                        + spec.type().glslType() + " " + spec.name() + ";` used by one of them)");
            }
        }
    }

    @Override
    public void update(FrameInfo frame, ParameterSnapshot parameters) {
        piece.update(frame, parameters);
        for (GraphNode node : nodes) {
            node.drawing().update(frame, parameters);
            if (node.layer() != null) {
                node.layer().update(parameters);
            }
        }
    }

    @Override
    public void render(FrameInfo frame, RenderTarget canvas) {
        for (GraphNode node : nodes) {
            NodeTargets targets = node.targets();
            targets.beginFrame();
            Framebuffer target = targets.target();
            target.bind();
            node.drawing().render(frame, target);
        }
        canvas.bind();
        compositor.draw(canvas, layers);
    }

    /**
     * Resizes every node for the new canvas. A node whose resize fails (the driver refuses its new
     * images, its artwork throws) keeps its previous images, which the composite scales onto the
     * canvas like any layer: counted and logged once per kind in {@link #resizeFaults}, and the
     * other nodes and the placement go on.
     */
    @Override
    public void resized(RenderTarget canvas) {
        graphWidth = resolution.widthFor(canvas.width());
        graphHeight = resolution.heightFor(canvas.height());
        for (GraphNode node : nodes) {
            try {
                node.targets().resize(node.widthFor(graphWidth), node.heightFor(graphHeight));
                node.drawing().resized(node.targets().target());
            } catch (RuntimeException e) {
                resizeFaults.record(e, "resizing node '" + node.name() + "'");
            }
        }
        compositor.place(graphWidth, graphHeight, canvas.width(), canvas.height());
        canvas.bind();
    }

    /** Failed node resizes, by kind; read from any thread. */
    public FaultCounts resizeFaults() {
        return resizeFaults;
    }

    @Override
    public List<Path> sourceFiles() {
        List<Path> files = new ArrayList<>(piece.dataFiles());
        for (GraphNode node : nodes) {
            if (node.drawing() instanceof ShaderPass pass) {
                files.add(pass.shader());
            } else if (node.drawing() instanceof IsfArtwork isf) {
                files.addAll(isf.sourceFiles());
            }
        }
        return files;
    }

    /**
     * Rebuilds every shader node and every ISF node, and reads the piece's data files again; all
     * or nothing: one failure keeps every previous program and the data as they were (each is
     * built aside first, then all are swapped in).
     */
    @Override
    public void reload() throws ArtworkException {
        Runnable data = piece.stageData();
        List<ShaderPass> passes = new ArrayList<>();
        List<ShaderPass.Built> built = new ArrayList<>();
        List<IsfArtwork.Staged> staged = new ArrayList<>();
        try {
            for (GraphNode node : nodes) {
                if (node.drawing() instanceof ShaderPass pass) {
                    built.add(pass.rebuild());
                    passes.add(pass);
                } else if (node.drawing() instanceof IsfArtwork isf) {
                    staged.add(isf.stage());
                }
            }
        } catch (ArtworkException | RuntimeException e) {
            built.forEach(ShaderPass.Built::close);
            staged.forEach(IsfArtwork.Staged::close);
            throw e;
        }
        for (int i = 0; i < passes.size(); i++) {
            passes.get(i).install(built.get(i));
        }
        staged.forEach(IsfArtwork.Staged::install);
        data.run();
    }

    @Override
    public void dispose() {
        for (GraphNode node : nodes) {
            node.drawing().dispose();
            if (node.targets() != null) {
                node.targets().close();
            }
        }
        if (compositor != null) {
            compositor.close();
        }
    }
}
