package org.vernissage.engine.render.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.render.TargetFormat;
import org.vernissage.engine.render.TextureImage;

/**
 * Declares a {@link RenderGraph}: its resolution, then its nodes in drawing order. A
 * {@link #layer} is composited onto the canvas (blend mode, opacity); a {@link #node} is drawn
 * only for other nodes to read (a simulation, a blur). Each draws a fragment shader file of the
 * artwork folder, or any {@link Artwork} (an ISF player, a Java drawing).
 *
 * <pre>{@code
 * GraphBuilder graph = new GraphBuilder(folder, layout, "artwork.json");
 * graph.resolution(RenderResolution.ofCanvas(0.5));
 * graph.node("sim").shader("sim.frag").format(TargetFormat.RGBA16F).feedback();
 * FrameUniform pulse = graph.layer("glow").shader("glow.frag").blend(BlendMode.SCREEN).uniform("pulse", 1);
 * FrameBlock weights = graph.layer("net").shader("net.frag").uniformBlock("Weights", 144);
 * RenderGraph artwork = graph.build();
 * }</pre>
 *
 * A shader node reads, as {@code uniform sampler2D NAME}, the nodes declared before it (this
 * frame's images), its own previous frame as {@code FEEDBACK} (with {@link NodeBuilder#feedback}),
 * and the images given with {@link NodeBuilder#image}; Java sets its {@link NodeBuilder#uniform}s and
 * {@link NodeBuilder#uniformArray}s. A node is the graph's size times its {@link NodeBuilder#scale},
 * or a fixed {@link NodeBuilder#size} (a simulation's grid). {@link #output} gives a node's image to an
 * artwork made outside the graph. A layer's opacity and blend follow the parameters
 * {@code <layer>_opacity} and {@code <layer>_blend} when the layout has them.
 *
 * <p>Used once, on the thread preparing the run, before the graph is set up; not thread-safe.
 */
public final class GraphBuilder {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*");

    private final Path folder;
    private final ParameterLayout layout;
    private final String manifestName;
    private final List<NodeBuilder> nodes = new ArrayList<>();
    private final Map<String, GraphNode> built = new LinkedHashMap<>();
    /** Images handed out by {@link #output} before the nodes exist: they read {@link #built} when bound. */
    private final Map<String, TextureImage> views = new LinkedHashMap<>();
    private RenderResolution resolution = RenderResolution.CANVAS;
    private boolean everyParameterDrawn;

    /**
     * @param folder the artwork folder shader files are read from (and must stay inside)
     * @param layout the artwork's parameters: the snapshot every frame brings
     * @param manifestName the file the parameters come from, for messages
     */
    public GraphBuilder(Path folder, ParameterLayout layout, String manifestName) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.manifestName = Objects.requireNonNull(manifestName, "manifestName");
    }

    /** The size the graph renders at; the canvas's own by default. */
    public GraphBuilder resolution(RenderResolution size) {
        this.resolution = Objects.requireNonNull(size, "size");
        return this;
    }

    /**
     * Every parameter of the layout must then be read by some shader or control a layer (what a
     * manifest of layers promises; a Java piece may read parameters in Java instead).
     */
    public GraphBuilder requireEveryParameterDrawn() {
        this.everyParameterDrawn = true;
        return this;
    }

    /** The parameters this graph's snapshots hold. */
    public ParameterLayout layout() {
        return layout;
    }

    /** The artwork folder. */
    public Path folder() {
        return folder;
    }

    /** A node composited onto the canvas, above the layers declared before it. */
    public NodeBuilder layer(String name) {
        return add(name, true);
    }

    /** A node drawn for other nodes to read, not composited. */
    public NodeBuilder node(String name) {
        return add(name, false);
    }

    private NodeBuilder add(String name, boolean layer) {
        if (name == null || !NAME.matcher(name).matches() || name.equals(ShaderPass.FEEDBACK)) {
            throw new IllegalArgumentException("a node name is a GLSL-style identifier (letters, digits, single"
                    + " underscores, starting with a letter) other than " + ShaderPass.FEEDBACK + ", got '" + name + "'");
        }
        if (nodes.stream().anyMatch(n -> n.name.equals(name))) {
            throw new IllegalArgumentException("a node called '" + name + "' is already declared");
        }
        NodeBuilder node = new NodeBuilder(name, layer);
        nodes.add(node);
        return node;
    }

    /**
     * The image of node {@code name} (declared already), valid once the graph is set up: for an
     * artwork made outside the graph that samples it (an ISF player's image input).
     */
    public TextureImage output(String name) {
        return views.computeIfAbsent(name, n -> {
            if (nodes.stream().noneMatch(b -> b.name.equals(n))) {
                throw new IllegalArgumentException("no node called '" + n + "' is declared yet");
            }
            return new DeferredImage(() -> built.get(n).output());
        });
    }

    /** Builds the graph as declared, without GL: its nodes' programs are made at setup. */
    public RenderGraph build() throws ArtworkException {
        return build(new GraphPiece() {
            @Override
            public void declare(GraphBuilder graph) {
                // declared by the caller
            }
        });
    }

    /** Builds the graph as declared, {@code piece} taking each frame before the nodes. */
    public RenderGraph build(GraphPiece piece) throws ArtworkException {
        if (nodes.stream().noneMatch(n -> n.layer)) {
            throw new ArtworkException(manifestName + ": a render graph needs at least one layer to show");
        }
        if (nodes.stream().filter(n -> n.layer).count() > Compositor.MAX_LAYERS) {
            throw new ArtworkException(manifestName + ": at most " + Compositor.MAX_LAYERS + " layers, got "
                    + nodes.stream().filter(n -> n.layer).count());
        }
        List<GraphNode> made = new ArrayList<>();
        for (NodeBuilder node : nodes) {
            GraphNode graphNode = node.make();
            made.add(graphNode);
            built.put(node.name, graphNode);
        }
        return new RenderGraph(made, resolution, piece, layout, manifestName, everyParameterDrawn);
    }

    /** One node being declared. */
    public final class NodeBuilder {
        private final String name;
        private final boolean layer;
        private Path shader;
        private Artwork artwork;
        private TargetFormat format = TargetFormat.RGBA8;
        private boolean feedback;
        private double scale = 1.0;
        private BlendMode blend = BlendMode.NORMAL;
        private float opacity = 1f;
        private final Map<String, TextureImage> images = new LinkedHashMap<>();
        private final List<FrameUniform> uniforms = new ArrayList<>();
        private final List<FrameBlock> blocks = new ArrayList<>();
        private final List<UniformArray> arrays = new ArrayList<>();
        private BlockSpecialisation specialisation;
        private int fixedWidth;
        private int fixedHeight;

        private NodeBuilder(String name, boolean layer) {
            this.name = name;
            this.layer = layer;
        }

        /** Draws the fragment shader at {@code file}, relative to the artwork folder. */
        public NodeBuilder shader(String file) {
            return shader(folder.resolve(file));
        }

        /** Draws the fragment shader {@code file} (inside the artwork folder). */
        public NodeBuilder shader(Path file) {
            requireNoDrawing();
            this.shader = file;
            return this;
        }

        /** Draws any artwork into this node's image (set up with it, given every frame's snapshot). */
        public NodeBuilder artwork(Artwork drawing) {
            requireNoDrawing();
            this.artwork = Objects.requireNonNull(drawing, "drawing");
            return this;
        }

        private void requireNoDrawing() {
            if (shader != null || artwork != null) {
                throw new IllegalStateException("node '" + name + "' already has a shader or an artwork");
            }
        }

        public NodeBuilder format(TargetFormat targetFormat) {
            this.format = Objects.requireNonNull(targetFormat, "targetFormat");
            return this;
        }

        /** Keeps the previous frame: a shader reads it as {@code FEEDBACK}. */
        public NodeBuilder feedback() {
            this.feedback = true;
            return this;
        }

        /** The node's size as a fraction of the graph's (0.25 .. 4). */
        public NodeBuilder scale(double fraction) {
            if (!(fraction >= 0.0625 && fraction <= 4)) {
                throw new IllegalArgumentException("node '" + name + "': scale from 0.0625 to 4, got " + fraction);
            }
            this.scale = fraction;
            return this;
        }

        /**
         * A fixed size in pixels, whatever the graph's resolution and the canvas (a simulation's grid,
         * a data image): the node is never rescaled, so its cells keep their meaning. Replaces
         * {@link #scale}.
         */
        public NodeBuilder size(int width, int height) {
            if (width < 1 || height < 1 || width > RenderResolution.MAX_SIDE || height > RenderResolution.MAX_SIDE) {
                throw new IllegalArgumentException("node '" + name + "': a size from 1x1 to " + RenderResolution.MAX_SIDE
                        + " pixels a side, got " + width + "x" + height);
            }
            this.fixedWidth = width;
            this.fixedHeight = height;
            return this;
        }

        /** A layer's blend mode, when no {@code <layer>_blend} parameter moves it. */
        public NodeBuilder blend(BlendMode mode) {
            requireLayer();
            this.blend = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** A layer's opacity (0..1), when no {@code <layer>_opacity} parameter moves it. */
        public NodeBuilder opacity(float value) {
            requireLayer();
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("layer '" + name + "': opacity from 0 to 1, got " + value);
            }
            this.opacity = value;
            return this;
        }

        private void requireLayer() {
            if (!layer) {
                throw new IllegalStateException("'" + name + "' is a node, not a layer: it is not composited");
            }
        }

        /** An image the shader samples as {@code uniform sampler2D NAME}. */
        public NodeBuilder image(String uniform, TextureImage image) {
            images.put(uniform, Objects.requireNonNull(image, "image"));
            return this;
        }

        /** A uniform the Java artwork sets every frame: a float ({@code 1}) or vecN. */
        public FrameUniform uniform(String uniform, int components) {
            FrameUniform declared = new FrameUniform(uniform, components);
            uniforms.add(declared);
            return declared;
        }

        /**
         * A uniform block of {@code vec4s} vec4s the Java artwork fills (a network's weights): the
         * shader declares it as {@code layout(std140) uniform NAME { vec4 values[vec4s]; };}. A
         * shader node only.
         */
        public FrameBlock uniformBlock(String block, int vec4s) {
            if (blocks.stream().anyMatch(b -> b.name().equals(block))) {
                throw new IllegalArgumentException("node '" + name + "': a uniform block '" + block
                        + "' is already declared");
            }
            FrameBlock declared = new FrameBlock(block, vec4s);
            blocks.add(declared);
            return declared;
        }

        /**
         * Draws this node with {@code block}'s values compiled into its shader as constants while
         * they stay the same, and with the block while they move ({@link BlockSpecialisation}: on
         * llvmpipe a block read at run time costs several times the same values compiled in). One
         * block per node; the shader must declare it as {@code layout(std140) uniform NAME { vec4
         * member[N]; };}.
         *
         * @return the specialisation's counts and state, for tests and statistics
         */
        public BlockSpecialisation specialiseWhileStill(FrameBlock block, BlockSpecialisation.Policy policy) {
            if (!blocks.contains(block)) {
                throw new IllegalArgumentException("node '" + name + "': specialise a uniform block declared on it");
            }
            if (specialisation != null) {
                throw new IllegalStateException("node '" + name + "': one specialised block per node");
            }
            specialisation = new BlockSpecialisation(block, Objects.requireNonNull(policy, "policy"),
                    System.getLogger(BlockSpecialisation.class.getName()));
            return specialisation;
        }

        /**
         * A {@code uniform vec4 NAME[vec4Count]} the Java artwork fills ({@link UniformArray#set}):
         * weights, palettes. The shader must declare exactly that many elements. (A uniform block,
         * {@link #uniformBlock}, holds more: 16 KiB against the few hundred vec4s of plain uniforms.)
         */
        public UniformArray uniformArray(String uniform, int vec4Count) {
            UniformArray declared = new UniformArray(uniform, vec4Count);
            arrays.add(declared);
            return declared;
        }

        private GraphNode make() throws ArtworkException {
            if (shader == null && artwork == null) {
                throw new ArtworkException(manifestName + ": node '" + name + "' has neither a shader nor an artwork");
            }
            if (artwork != null && !blocks.isEmpty()) {
                throw new ArtworkException(manifestName + ": node '" + name + "' draws an artwork; uniform blocks"
                        + " belong to shader nodes");
            }
            LayerControl control;
            try {
                control = layer ? LayerControl.resolve(name, layout, opacity, blend) : null;
            } catch (IllegalArgumentException e) {
                throw new ArtworkException(manifestName + ": " + e.getMessage());
            }
            GraphNode[] holder = new GraphNode[1];
            Artwork drawing = artwork;
            if (drawing == null) {
                Map<String, TextureImage> readable = new LinkedHashMap<>();
                built.forEach((other, node) -> readable.put(other, node.output()));
                if (feedback) {
                    readable.put(ShaderPass.FEEDBACK, new DeferredImage(() -> holder[0].previous()));
                }
                readable.putAll(images);
                drawing = new ShaderPass(folder, shader, layout, manifestName, readable, uniforms, blocks, arrays,
                        specialisation);
            }
            GraphNode node = new GraphNode(name, drawing, format, feedback, scale, fixedWidth, fixedHeight, control);
            holder[0] = node;
            return node;
        }
    }
}
