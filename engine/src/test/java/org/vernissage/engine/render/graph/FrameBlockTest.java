package org.vernissage.engine.render.graph;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.engine.render.graph.GraphGl.byteOf;
import static org.vernissage.engine.render.graph.GraphGl.pixel;
import static org.vernissage.engine.render.graph.GraphGl.write;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.Framebuffer;

/**
 * Uniform blocks a Java artwork fills ({@link FrameBlock}) on real GL (headless EGL): the values
 * written reach the shader, a change reaches it the next frame, refilling every frame allocates
 * nothing on the render thread, two nodes' blocks at the same
 * binding point stay apart, block members are not taken for parameters, and a block the artwork
 * does not fill or fills with another size is refused at setup with the declaration expected.
 */
class FrameBlockTest {

    @RegisterExtension
    static final GraphGl GL = new GraphGl();

    @TempDir
    Path folder;

    private final FrameInfo frame = new FrameInfo();

    private static final String TWO_COLOURS = """
            layout(std140) uniform Colours { vec4 values[2]; };
            uniform float gain;
            out vec4 fragColor;
            void main() { fragColor = vec4((values[0].rgb + values[1].rgb) * gain, 1.0); }
            """;

    private static ParameterLayout gainLayout() {
        return new ParameterLayout(List.of(new ParameterSpec("gain", ParameterType.FLOAT, 0, 1, new float[] {1f}, "", "")));
    }

    private static ParameterSnapshot defaults(ParameterLayout layout) {
        float[] slots = new float[layout.slotCount()];
        layout.copyDefaultsInto(slots);
        return new SnapshotExchange(slots).latch();
    }

    private void draw(RenderGraph graph, Framebuffer canvas, ParameterSnapshot parameters, long index) {
        frame.set(index, index / 60.0, 1 / 60.0, canvas.width(), canvas.height());
        graph.update(frame, parameters);
        canvas.bind();
        graph.render(frame, canvas);
    }

    private static int[] rgb(double r, double g, double b) {
        return new int[] {byteOf(r), byteOf(g), byteOf(b), 255};
    }

    /** Equal within one step of 8 bits per channel: the shader adds in floats, GL rounds. */
    private static void assertPixel(int[] expected, int[] actual, String what) {
        for (int c = 0; c < 4; c++) {
            assertTrue(Math.abs(expected[c] - actual[c]) <= 1, what + ": expected " + Arrays.toString(expected)
                    + ", got " + Arrays.toString(actual));
        }
    }

    @Test
    void theValuesWrittenReachTheShaderAndEachChangeTheNextFrame() throws Exception {
        write(folder, "colours.frag", TWO_COLOURS);
        ParameterLayout layout = gainLayout();
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json");
        FrameBlock colours = builder.layer("colours").shader("colours.frag").uniformBlock("Colours", 2);
        colours.set(new float[] {0.1f, 0.2f, 0.3f, 0f, 0.2f, 0.2f, 0.2f, 0f});
        RenderGraph graph = builder.build();
        try (Framebuffer canvas = new Framebuffer(16, 16)) {
            canvas.bind();
            graph.setup(canvas);
            ParameterSnapshot parameters = defaults(layout);
            draw(graph, canvas, parameters, 0);
            assertPixel(rgb(0.3, 0.4, 0.5), pixel(canvas, 8, 8), "the values set before setup");

            float[] values = colours.values();
            values[0] = 0.6f;
            values[6] = 0.5f;
            colours.changed();
            draw(graph, canvas, parameters, 1);
            assertPixel(rgb(0.8, 0.4, 0.8), pixel(canvas, 8, 8), "a change shows in the next frame");

            draw(graph, canvas, parameters, 2);
            assertPixel(rgb(0.8, 0.4, 0.8), pixel(canvas, 8, 8), "an unchanged block keeps its values");
        } finally {
            graph.dispose();
        }
    }

    @Test
    void aBlockChangingEveryFrameAllocatesNothing() throws Exception {
        write(folder, "colours.frag", TWO_COLOURS);
        ParameterLayout layout = gainLayout();
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json");
        FrameBlock colours = builder.layer("colours").shader("colours.frag").uniformBlock("Colours", 2);
        RenderGraph graph = builder.build();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Framebuffer canvas = new Framebuffer(16, 16)) {
            canvas.bind();
            graph.setup(canvas);
            ParameterSnapshot parameters = defaults(layout);
            long before = 0;
            for (int n = 0; n < 1000; n++) {
                if (n == 500) {
                    before = threads.getCurrentThreadAllocatedBytes();
                }
                colours.values()[0] = (n % 256) / 255f;
                colours.changed();
                draw(graph, canvas, parameters, n);
            }
            long bytes = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(bytes < 1024, "500 frames refilling the block allocated " + bytes + " bytes");
            assertPixel(rgb(999 % 256 / 255.0, 0, 0), pixel(canvas, 8, 8), "the last values drawn");
        } finally {
            graph.dispose();
        }
    }

    @Test
    void twoNodesBlocksAtTheSameBindingPointStayApart() throws Exception {
        write(folder, "a.frag", "layout(std140) uniform Tint { vec4 values[1]; };\nout vec4 fragColor;\n"
                + "void main() { fragColor = vec4(values[0].rgb, 1.0); }\n");
        write(folder, "b.frag", "layout(std140) uniform Tint { vec4 values[1]; };\nuniform sampler2D a;\n"
                + "out vec4 fragColor;\nuniform vec2 RENDERSIZE;\n"
                + "void main() { fragColor = vec4(texture(a, gl_FragCoord.xy / RENDERSIZE).rgb + values[0].rgb, 1.0); }\n");
        GraphBuilder builder = new GraphBuilder(folder, new ParameterLayout(List.of()), "test.json");
        builder.node("a").shader("a.frag").uniformBlock("Tint", 1).set(new float[] {0.5f, 0f, 0f, 0f});
        builder.layer("b").shader("b.frag").uniformBlock("Tint", 1).set(new float[] {0f, 0f, 0.25f, 0f});
        RenderGraph graph = builder.build();
        try (Framebuffer canvas = new Framebuffer(16, 16)) {
            canvas.bind();
            graph.setup(canvas);
            draw(graph, canvas, defaults(new ParameterLayout(List.of())), 0);
            assertPixel(rgb(0.5, 0, 0.25), pixel(canvas, 4, 4), "each node its own block");
        } finally {
            graph.dispose();
        }
    }

    @Test
    void aBlockTheArtworkDoesNotFillIsRefusedNamingIt() throws Exception {
        write(folder, "colours.frag", TWO_COLOURS);
        GraphBuilder builder = new GraphBuilder(folder, gainLayout(), "test.json");
        builder.layer("colours").shader("colours.frag");
        RenderGraph graph = builder.build();
        try (Framebuffer canvas = new Framebuffer(16, 16)) {
            canvas.bind();
            ArtworkException error = assertThrows(ArtworkException.class, () -> graph.setup(canvas));
            assertTrue(error.getMessage().contains("colours.frag") && error.getMessage().contains("'Colours'")
                    && error.getMessage().contains("NodeBuilder.uniformBlock"), error.getMessage());
        } finally {
            graph.dispose();
        }
    }

    @Test
    void aBlockOfAnotherSizeIsRefusedWithTheDeclarationExpected() throws Exception {
        write(folder, "colours.frag", TWO_COLOURS);
        GraphBuilder builder = new GraphBuilder(folder, gainLayout(), "test.json");
        builder.layer("colours").shader("colours.frag").uniformBlock("Colours", 3);
        RenderGraph graph = builder.build();
        try (Framebuffer canvas = new Framebuffer(16, 16)) {
            canvas.bind();
            ArtworkException error = assertThrows(ArtworkException.class, () -> graph.setup(canvas));
            assertTrue(error.getMessage().contains("takes 32 bytes but the artwork fills 48")
                    && error.getMessage().contains("uniform Colours { vec4 values[3]; }"), error.getMessage());
        } finally {
            graph.dispose();
        }
    }

    @Test
    void aBlockIsCheckedWhenDeclared() {
        GraphBuilder builder = new GraphBuilder(folder, gainLayout(), "test.json");
        GraphBuilder.NodeBuilder node = builder.layer("colours").shader("colours.frag");
        assertThrows(IllegalArgumentException.class, () -> node.uniformBlock("Colours", 0));
        assertThrows(IllegalArgumentException.class, () -> node.uniformBlock("Colours", FrameBlock.MAX_VEC4S + 1));
        assertThrows(IllegalArgumentException.class, () -> node.uniformBlock("not a name", 1));
        FrameBlock block = node.uniformBlock("Colours", 2);
        assertThrows(IllegalArgumentException.class, () -> node.uniformBlock("Colours", 2));
        assertThrows(IllegalArgumentException.class, () -> block.set(new float[7]));
    }
}
