package org.vernissage.engine.render.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lwjgl.opengl.GL11C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL11C.glClear;
import static org.lwjgl.opengl.GL11C.glClearColor;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.engine.render.graph.GraphGl.byteOf;
import static org.vernissage.engine.render.graph.GraphGl.pixel;
import static org.vernissage.engine.render.graph.GraphGl.texel;
import static org.vernissage.engine.render.graph.GraphGl.write;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.FragmentShaderArtwork;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.RenderTarget;
import org.vernissage.engine.render.TargetFormat;
import org.vernissage.engine.render.TextureImage;

/**
 * The render graph on real GL (headless EGL): blend modes with opacity, feedback in a float image
 * accumulating past 1.0, one node sampled by another, a resolution independent of the canvas, a
 * resize that keeps the feedback, and the errors a shader can make. Expected pixels are worked out
 * from the shaders' own arithmetic.
 */
class RenderGraphTest {

    @RegisterExtension
    static final GraphGl GL = new GraphGl();

    @TempDir
    Path folder;

    private final FrameInfo frame = new FrameInfo();

    private static ParameterSpec floatParameter(String name, float min, float max, float value) {
        return new ParameterSpec(name, ParameterType.FLOAT, min, max, new float[] {value}, "", "");
    }

    private static ParameterSpec intParameter(String name, int max, int value) {
        return new ParameterSpec(name, ParameterType.INT, 0, max, new float[] {value}, "", "");
    }

    private static ParameterSnapshot snapshot(ParameterLayout layout, float... values) {
        float[] slots = new float[layout.slotCount()];
        layout.copyDefaultsInto(slots);
        System.arraycopy(values, 0, slots, 0, values.length);
        return new SnapshotExchange(slots).latch();
    }

    /** What a test checks on a graph set up on a canvas. */
    private interface CanvasCheck {
        void check(Framebuffer canvas) throws Exception;
    }

    /** Sets {@code graph} up on a canvas of {@code width x height}, runs {@code check}, disposes the graph. */
    private static void onCanvas(RenderGraph graph, int width, int height, CanvasCheck check) throws Exception {
        try (Framebuffer canvas = new Framebuffer(width, height)) {
            canvas.bind();
            graph.setup(canvas);
            check.check(canvas);
        } finally {
            graph.dispose();
        }
    }

    /** Draws {@code frames} frames of {@code graph} into {@code canvas}, frame n at n/60 s. */
    private void play(RenderGraph graph, Framebuffer canvas, ParameterSnapshot parameters, int frames) {
        for (int n = 0; n < frames; n++) {
            frame.set(n, n / 60.0, n == 0 ? 0 : 1 / 60.0, canvas.width(), canvas.height());
            graph.update(frame, parameters);
            canvas.bind();
            graph.render(frame, canvas);
        }
    }

    private static final double[] BACKDROP = {0.2, 0.6, 0.8};
    private static final double[] SOURCE = {0.5, 0.3, 0.9};

    /** Each mode's formula, per channel, as BlendMode documents it. */
    private static DoubleBinaryOperator formula(BlendMode mode) {
        return switch (mode) {
            case NORMAL -> (b, s) -> s;
            case ADD -> (b, s) -> b + s;
            case MULTIPLY -> (b, s) -> b * s;
            case SCREEN -> (b, s) -> b + s - b * s;
            case LIGHTEN -> Math::max;
            case DARKEN -> Math::min;
            case DIFFERENCE -> (b, s) -> Math.abs(b - s);
            case OVERLAY -> (b, s) -> b < 0.5 ? 2 * b * s : 1 - 2 * (1 - b) * (1 - s);
            case SUBTRACT -> (b, s) -> Math.max(b - s, 0);
            case EXCLUSION -> (b, s) -> b + s - 2 * b * s;
        };
    }

    @Test
    void everyBlendModeWithOpacityIsTheFormulaMixedOverTheBackdrop() throws Exception {
        write(folder, "base.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(0.2, 0.6, 0.8, 1.0); }\n");
        write(folder, "top.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(0.5, 0.3, 0.9, 1.0); }\n");
        ParameterLayout layout = new ParameterLayout(List.of(
                floatParameter("top_opacity", 0, 1, 1), intParameter("top_blend", BlendMode.maxCode(), 0)));
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json");
        builder.layer("base").shader("base.frag");
        builder.layer("top").shader("top.frag");
        RenderGraph graph = builder.build();
        onCanvas(graph, 16, 16, canvas -> {
            for (float opacity : new float[] {1f, 0.6f, 0f}) {
                for (BlendMode mode : BlendMode.values()) {
                    play(graph, canvas, snapshot(layout, opacity, mode.code()), 1);
                    int[] got = pixel(canvas, 8, 8);
                    for (int c = 0; c < 3; c++) {
                        double blended = formula(mode).applyAsDouble(BACKDROP[c], SOURCE[c]);
                        double expected = BACKDROP[c] + (blended - BACKDROP[c]) * opacity;
                        assertEquals(byteOf(expected), got[c], 1, mode + " at opacity " + opacity
                                + ", channel " + c);
                    }
                    assertEquals(255, got[3], mode + " alpha");
                }
            }
        });
    }

    @Test
    void aLayerWithoutParametersKeepsTheBlendAndOpacityItWasDeclaredWith() throws Exception {
        write(folder, "base.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(0.2, 0.6, 0.8, 1.0); }\n");
        write(folder, "top.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(0.5, 0.3, 0.9, 1.0); }\n");
        ParameterLayout layout = new ParameterLayout(List.of());
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json");
        builder.layer("base").shader("base.frag");
        builder.layer("top").shader("top.frag").blend(BlendMode.MULTIPLY).opacity(0.5f);
        RenderGraph graph = builder.build();
        onCanvas(graph, 8, 8, canvas -> {
            play(graph, canvas, snapshot(layout), 1);
            int[] got = pixel(canvas, 4, 4);
            for (int c = 0; c < 3; c++) {
                double expected = BACKDROP[c] + (BACKDROP[c] * SOURCE[c] - BACKDROP[c]) * 0.5;
                assertEquals(byteOf(expected), got[c], 1, "channel " + c);
            }
        });
    }

    @Test
    void feedbackInAFloatImageAccumulatesPastOneAndAnotherNodeSamplesIt() throws Exception {
        // Each frame adds 0.25 to what the node drew the frame before.
        write(folder, "grow.frag", """
                uniform sampler2D FEEDBACK;
                uniform vec2 RENDERSIZE;
                out vec4 fragColor;
                void main() { fragColor = texture(FEEDBACK, gl_FragCoord.xy / RENDERSIZE) + vec4(0.25); }
                """);
        // The layer shows the accumulator a quarter as bright: 1.5 after 6 frames shows as 0.375.
        write(folder, "show.frag", """
                uniform sampler2D grow;
                uniform vec2 RENDERSIZE;
                out vec4 fragColor;
                void main() { fragColor = vec4(texture(grow, gl_FragCoord.xy / RENDERSIZE).rgb / 4.0, 1.0); }
                """);
        ParameterLayout layout = new ParameterLayout(List.of());
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json");
        builder.node("grow").shader("grow.frag").format(TargetFormat.RGBA32F).feedback();
        builder.layer("show").shader("show.frag");
        TextureImage grown = builder.output("grow");
        RenderGraph graph = builder.build();
        onCanvas(graph, 16, 16, canvas -> {
            for (int frames = 1; frames <= 6; frames++) {
                play(graph, canvas, snapshot(layout), 1);
                float[] value = texel(grown, 5, 7);
                assertEquals(0.25f * frames, value[0], 1e-6f, "after " + frames + " frames");
                assertEquals(0.25f * frames, value[3], 1e-6f, "alpha after " + frames + " frames");
                assertEquals(byteOf(0.25 * frames / 4), pixel(canvas, 5, 7)[0], 1, "shown after " + frames);
            }
            assertTrue(texel(grown, 0, 0)[0] > 1.0f, "a float feedback image passes 1.0");
        });
    }

    @Test
    void aGraphAt32x32IsCompositedOntoA64x64Canvas() throws Exception {
        // Red: the left half of the graph; blue: the width the layer was drawn at, / 255.
        write(folder, "split.frag", """
                uniform vec2 RENDERSIZE;
                out vec4 fragColor;
                void main() {
                    fragColor = vec4(gl_FragCoord.x < RENDERSIZE.x / 2.0 ? 1.0 : 0.0, 0.0, RENDERSIZE.x / 255.0, 1.0);
                }
                """);
        ParameterLayout layout = new ParameterLayout(List.of());
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json").resolution(RenderResolution.fixed(32, 32));
        builder.layer("split").shader("split.frag");
        RenderGraph graph = builder.build();
        onCanvas(graph, 64, 64, canvas -> {
            play(graph, canvas, snapshot(layout), 1);
            assertEquals(32, graph.graphWidth());
            assertEquals(32, pixel(canvas, 10, 32)[2], "the layer ran at 32 pixels wide");
            assertEquals(255, pixel(canvas, 10, 32)[0], "left half");
            assertEquals(255, pixel(canvas, 29, 50)[0], "left half, up to the middle");
            assertEquals(0, pixel(canvas, 34, 50)[0], "right half");
            assertEquals(0, pixel(canvas, 60, 5)[0], "right half");
        });
    }

    @Test
    void aFixedResolutionOfAnotherShapeIsLetterboxedNotStretched() throws Exception {
        write(folder, "white.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(1.0); }\n");
        ParameterLayout layout = new ParameterLayout(List.of());
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json").resolution(RenderResolution.fixed(32, 16));
        builder.layer("white").shader("white.frag");
        RenderGraph graph = builder.build();
        onCanvas(graph, 64, 64, canvas -> {
            play(graph, canvas, snapshot(layout), 1);
            // 32x16 scaled by 2 is 64x32, centred: rows 16..47 show it, the rest is black.
            assertEquals(0, pixel(canvas, 32, 8)[0], "bar below");
            assertEquals(0, pixel(canvas, 32, 56)[0], "bar above");
            assertEquals(255, pixel(canvas, 32, 16)[0], "first row shown");
            assertEquals(255, pixel(canvas, 32, 47)[0], "last row shown");
            assertEquals(0, pixel(canvas, 32, 48)[0], "first row of the bar above");
        });
    }

    @Test
    void aResizeRescalesTheGraphAndKeepsTheFeedback() throws Exception {
        write(folder, "grow.frag", """
                uniform sampler2D FEEDBACK;
                uniform vec2 RENDERSIZE;
                out vec4 fragColor;
                void main() { fragColor = texture(FEEDBACK, gl_FragCoord.xy / RENDERSIZE) + vec4(0.25); }
                """);
        ParameterLayout layout = new ParameterLayout(List.of());
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json").resolution(RenderResolution.ofCanvas(0.5));
        builder.layer("grow").shader("grow.frag").format(TargetFormat.RGBA16F).feedback();
        TextureImage grown = builder.output("grow");
        RenderGraph graph = builder.build();
        try (Framebuffer small = new Framebuffer(32, 32); Framebuffer large = new Framebuffer(64, 48)) {
            small.bind();
            graph.setup(small);
            try {
                play(graph, small, snapshot(layout), 2);
                assertEquals(16, grown.width());
                graph.resized(large);
                assertEquals(32, grown.width());
                assertEquals(24, grown.height());
                play(graph, large, snapshot(layout), 1);
                assertEquals(0.75f, texel(grown, 20, 10)[0], 1e-3f, "two frames before the resize, one after");
            } finally {
                graph.dispose();
            }
        }
    }

    @Test
    void aNodeWhoseResizeFailsKeepsItsImageAndTheOthersAreResized() throws Exception {
        write(folder, "white.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(1.0); }\n");
        ParameterLayout layout = new ParameterLayout(List.of());
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json");
        builder.layer("stubborn").artwork(new Artwork() {
            @Override
            public void setup(RenderTarget target) {
            }

            @Override
            public void update(FrameInfo frame, ParameterSnapshot parameters) {
            }

            @Override
            public void render(FrameInfo frame, RenderTarget target) {
                glClearColor(1, 0, 0, 1);
                glClear(GL_COLOR_BUFFER_BIT);
            }

            @Override
            public void resized(RenderTarget target) {
                throw new IllegalStateException("no memory for it");
            }

            @Override
            public void dispose() {
            }
        });
        builder.layer("white").shader("white.frag").blend(BlendMode.MULTIPLY);
        TextureImage white = builder.output("white");
        RenderGraph graph = builder.build();
        try (Framebuffer larger = new Framebuffer(32, 32)) {
            onCanvas(graph, 16, 16, canvas -> {
                graph.resized(larger);
                assertEquals(1, graph.resizeFaults().count(IllegalStateException.class));
                assertEquals(32, white.width(), "the other node was resized");
                play(graph, larger, snapshot(layout), 1);
                assertEquals(255, pixel(larger, 20, 20)[0], "the stubborn layer still shows, scaled");
                assertEquals(0, pixel(larger, 20, 20)[1]);
            });
        }
    }

    @Test
    void parametersReachOnlyTheLayersThatDeclareThem() throws Exception {
        write(folder, "a.frag", "uniform float level;\nout vec4 fragColor;\nvoid main() { fragColor = vec4(level, 0.0, 0.0, 1.0); }\n");
        write(folder, "b.frag", "uniform vec3 tint;\nout vec4 fragColor;\nvoid main() { fragColor = vec4(tint, 1.0); }\n");
        ParameterLayout layout = new ParameterLayout(List.of(
                floatParameter("level", 0, 1, 0.25f),
                new ParameterSpec("tint", ParameterType.VEC3, 0, 1, new float[] {0.1f, 0.2f, 0.3f}, "", ""),
                floatParameter("b_opacity", 0, 1, 0.5f)));
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json").requireEveryParameterDrawn();
        builder.layer("a").shader("a.frag");
        builder.layer("b").shader("b.frag").blend(BlendMode.ADD);
        RenderGraph graph = builder.build();
        onCanvas(graph, 8, 8, canvas -> {
            play(graph, canvas, snapshot(layout, 0.5f, 0.2f, 0.4f, 0.6f, 1f), 1);
            int[] got = pixel(canvas, 3, 3);
            assertEquals(byteOf(0.5 + 0.2), got[0], 1);
            assertEquals(byteOf(0.4), got[1], 1);
            assertEquals(byteOf(0.6), got[2], 1);
        });
    }

    @Test
    void anyArtworkDrawsALayerAndAShaderLayerSamplesIt() throws Exception {
        // The engine's own one-shader artwork as a layer: it draws (level, 0.25, 0) into its image.
        Path shader = write(folder, "inner.frag", "uniform float level;\nout vec4 fragColor;\n"
                + "void main() { fragColor = vec4(level, 0.25, 0.0, 1.0); }\n");
        write(folder, "outer.frag", """
                uniform sampler2D inner;
                uniform vec2 RENDERSIZE;
                out vec4 fragColor;
                void main() { fragColor = vec4(0.0, 0.0, texture(inner, gl_FragCoord.xy / RENDERSIZE).r, 1.0); }
                """);
        List<ParameterSpec> parameters = List.of(floatParameter("level", 0, 1, 0.5f));
        ParameterLayout layout = new ParameterLayout(parameters);
        ArtworkManifest manifest = new ArtworkManifest(folder, "Inner", "Test", 2026, "A layer.",
                shader, parameters, List.of());
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json");
        builder.layer("inner").artwork(new FragmentShaderArtwork(manifest, layout));
        builder.layer("outer").shader("outer.frag").blend(BlendMode.ADD);
        RenderGraph graph = builder.build();
        onCanvas(graph, 8, 8, canvas -> {
            play(graph, canvas, snapshot(layout, 0.75f), 1);
            int[] got = pixel(canvas, 4, 4);
            assertEquals(byteOf(0.75), got[0], 1, "the artwork's own parameter");
            assertEquals(byteOf(0.25), got[1], 1);
            assertEquals(byteOf(0.75), got[2], 1, "the shader layer read the artwork layer's image");
        });
    }

    private ArtworkException setupFails(GraphBuilder builder) throws Exception {
        RenderGraph graph = builder.build();
        try (Framebuffer canvas = new Framebuffer(8, 8)) {
            canvas.bind();
            return assertThrows(ArtworkException.class, () -> graph.setup(canvas));
        } finally {
            graph.dispose();
        }
    }

    @Test
    void aLayerCannotSampleALayerDrawnAfterIt() throws Exception {
        write(folder, "a.frag", "uniform sampler2D b;\nout vec4 fragColor;\nvoid main() { fragColor = texture(b, vec2(0.5)); }\n");
        write(folder, "b.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(1.0); }\n");
        GraphBuilder builder = new GraphBuilder(folder, new ParameterLayout(List.of()), "test.json");
        builder.layer("a").shader("a.frag");
        builder.layer("b").shader("b.frag");
        ArtworkException e = setupFails(builder);
        assertEquals(folder.resolve("a.frag") + ": sampler 'b' is not an image this layer can read (expected one of: ;"
                + " a layer reads the layers drawn before it by name, and its own previous frame as FEEDBACK when it"
                + " has \"feedback\": true)", e.getMessage());
    }

    @Test
    void anUnusedParameterOrAnUndeclaredUniformIsRefused() throws Exception {
        write(folder, "a.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(1.0); }\n");
        GraphBuilder builder = new GraphBuilder(folder, new ParameterLayout(List.of(floatParameter("level", 0, 1, 0))),
                "test.json").requireEveryParameterDrawn();
        builder.layer("a").shader("a.frag");
        assertEquals("test.json: parameter 'level' is not an active uniform of any layer's shader (expected"
                + " `uniform float level;` used by one of them)", setupFails(builder).getMessage());

        write(folder, "c.frag", "uniform float gain;\nout vec4 fragColor;\nvoid main() { fragColor = vec4(gain); }\n");
        GraphBuilder undeclared = new GraphBuilder(folder, new ParameterLayout(List.of()), "test.json");
        undeclared.layer("c").shader("c.frag");
        assertTrue(setupFails(undeclared).getMessage().startsWith(folder.resolve("c.frag")
                + ": uniform 'gain' is not declared in test.json"));
    }

    @Test
    void aFrameUniformTheJavaArtworkSetsReachesTheShader() throws Exception {
        write(folder, "u.frag", "uniform vec2 pulse;\nout vec4 fragColor;\nvoid main() { fragColor = vec4(pulse, 0.0, 1.0); }\n");
        ParameterLayout layout = new ParameterLayout(List.of());
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json");
        FrameUniform pulse = builder.layer("u").shader("u.frag").uniform("pulse", 2);
        RenderGraph graph = builder.build(new GraphPiece() {
            @Override
            public void declare(GraphBuilder graph) {
            }

            @Override
            public void update(FrameInfo frame, ParameterSnapshot parameters) {
                pulse.set(0.5f, (float) frame.index() / 4);
            }
        });
        onCanvas(graph, 8, 8, canvas -> {
            play(graph, canvas, snapshot(layout), 4); // the last frame is frame 3
            assertEquals(byteOf(0.5), pixel(canvas, 1, 1)[0], 1);
            assertEquals(byteOf(0.75), pixel(canvas, 1, 1)[1], 1);
        });

        write(folder, "w.frag", "uniform float pulse;\nout vec4 fragColor;\nvoid main() { fragColor = vec4(pulse); }\n");
        GraphBuilder wrong = new GraphBuilder(folder, layout, "test.json");
        wrong.layer("w").shader("w.frag").uniform("pulse", 3);
        assertEquals(folder.resolve("w.frag") + ": uniform 'pulse' is float but the artwork sets it as vec3"
                + " (expected `uniform vec3 pulse;`)", setupFails(wrong).getMessage());
    }

    @Test
    void aFailedReloadKeepsEveryPreviousProgram() throws Exception {
        write(folder, "a.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(1.0, 0.0, 0.0, 1.0); }\n");
        write(folder, "b.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(0.0, 0.0, 1.0, 1.0); }\n");
        ParameterLayout layout = new ParameterLayout(List.of());
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json");
        builder.layer("a").shader("a.frag");
        builder.layer("b").shader("b.frag").blend(BlendMode.ADD);
        RenderGraph graph = builder.build();
        onCanvas(graph, 8, 8, canvas -> {
            assertEquals(List.of(folder.resolve("a.frag"), folder.resolve("b.frag")), graph.sourceFiles());
            write(folder, "a.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(0.0, 1.0, 0.0, 1.0); }\n");
            write(folder, "b.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(0.0, 0.0, 1.0, 1.0) }\n");
            ArtworkException e = assertThrows(ArtworkException.class, graph::reload);
            assertTrue(e.getMessage().contains("b.frag:"), e.getMessage());
            play(graph, canvas, snapshot(layout), 1);
            assertEquals(255, pixel(canvas, 2, 2)[0], "a's previous program stays");
            assertEquals(0, pixel(canvas, 2, 2)[1]);

            write(folder, "b.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(0.0, 0.0, 0.5, 1.0); }\n");
            graph.reload();
            play(graph, canvas, snapshot(layout), 1);
            assertEquals(0, pixel(canvas, 2, 2)[0]);
            assertEquals(255, pixel(canvas, 2, 2)[1]);
            assertEquals(byteOf(0.5), pixel(canvas, 2, 2)[2], 1);
        });
    }

    @Test
    void aReloadedLayerDoesNotShowAnEventItAlreadyShowed() throws Exception {
        write(folder, "a.frag", "uniform bool flash;\nout vec4 fragColor;\n"
                + "void main() { fragColor = vec4(flash ? 1.0 : 0.0, 0.0, 0.0, 1.0); }\n");
        ParameterLayout layout = new ParameterLayout(List.of(
                new ParameterSpec("flash", ParameterType.EVENT, 0, 1, new float[] {0}, "", "")));
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json");
        builder.layer("a").shader("a.frag");
        RenderGraph graph = builder.build();
        onCanvas(graph, 8, 8, canvas -> {
            play(graph, canvas, snapshot(layout, 1f), 1);
            assertEquals(255, pixel(canvas, 2, 2)[0], "the first trigger shows");
            play(graph, canvas, snapshot(layout, 1f), 1);
            assertEquals(0, pixel(canvas, 2, 2)[0], "for one frame");
            write(folder, "a.frag", "uniform bool flash;\nout vec4 fragColor;\n"
                    + "void main() { fragColor = vec4(flash ? 1.0 : 0.0, 0.5, 0.0, 1.0); }\n");
            graph.reload();
            play(graph, canvas, snapshot(layout, 1f), 1);
            assertEquals(byteOf(0.5), pixel(canvas, 2, 2)[1], 1, "the new program draws");
            assertEquals(0, pixel(canvas, 2, 2)[0], "and does not show the old trigger again");
            play(graph, canvas, snapshot(layout, 2f), 1);
            assertEquals(255, pixel(canvas, 2, 2)[0], "a new trigger shows");
        });
    }
}
