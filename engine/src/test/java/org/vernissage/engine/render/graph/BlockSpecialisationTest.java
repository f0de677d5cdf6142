package org.vernissage.engine.render.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.engine.render.graph.GraphGl.byteOf;
import static org.vernissage.engine.render.graph.GraphGl.pixel;
import static org.vernissage.engine.render.graph.GraphGl.write;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.Framebuffer;

/**
 * A shader node whose uniform block is compiled in while still ({@link BlockSpecialisation}) on
 * real GL (headless EGL): the rewrite keeps every other line where it was; after the still frames
 * the node draws a program with the values as constants, the same colour; a change of the values
 * draws the block again in that very frame, and so does a reload of the shader; a specialised program that does not build (values
 * with no GLSL literal) is counted once and the block keeps drawing, right.
 */
class BlockSpecialisationTest {

    @RegisterExtension
    static final GraphGl GL = new GraphGl();

    @TempDir
    Path folder;

    private final FrameInfo frame = new FrameInfo();

    private static final String TWO_COLOURS = """
            #version 330 core
            layout(std140) uniform Colours { vec4 values[2]; };
            uniform float gain;
            out vec4 fragColor;
            void main() { fragColor = vec4((values[0].rgb + values[1].rgb) * gain, 1.0); }
            """;

    /** Built on the render thread after 3 still frames: a frame count, not a wait. */
    private static final BlockSpecialisation.Policy AFTER_THREE =
            new BlockSpecialisation.Policy(BlockSpecialisation.Mode.ON, 3, 3, false);

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

    private static void assertPixel(double r, double g, double b, int[] actual, String what) {
        int[] expected = {byteOf(r), byteOf(g), byteOf(b), 255};
        for (int c = 0; c < 4; c++) {
            assertTrue(Math.abs(expected[c] - actual[c]) <= 1, what + ": expected " + Arrays.toString(expected)
                    + ", got " + Arrays.toString(actual));
        }
    }

    @Test
    void theRewriteKeepsTheOtherLinesAndEveryBit() {
        String source = "#version 330 core\nlayout(std140) uniform W {\n  vec4 w[1];\n};\nvoid main() {}\n";
        float[] values = {0.1f, -3.0e-7f, 1234567.8f, Float.MIN_VALUE};
        String inlined = ConstantBlock.inline(source, "W", values);
        assertEquals(source.lines().count(), inlined.lines().count(), inlined);
        assertEquals("void main() {}", inlined.lines().toList().get(4));
        assertTrue(inlined.contains("const vec4 w[1] = vec4[1](vec4(0.1, -3.0E-7, 1234567.8, 1.4E-45));"), inlined);
        for (int i = 0; i < values.length; i++) {
            String literal = Float.toString(values[i]);
            assertEquals(Float.floatToRawIntBits(values[i]), Float.floatToRawIntBits(Float.parseFloat(literal)),
                    "the literal " + literal + " reads back as the same bits");
        }
        assertThrows(IllegalArgumentException.class, () -> ConstantBlock.inline(source, "Other", values));
        assertThrows(IllegalArgumentException.class, () -> ConstantBlock.inline(source, "W", new float[8]));
    }

    @Test
    void stillValuesAreCompiledInAndAChangeDrawsTheBlockInThatFrame() throws Exception {
        write(folder, "colours.frag", TWO_COLOURS);
        ParameterLayout layout = gainLayout();
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json");
        GraphBuilder.NodeBuilder node = builder.layer("colours").shader("colours.frag");
        FrameBlock colours = node.uniformBlock("Colours", 2);
        BlockSpecialisation specialisation = node.specialiseWhileStill(colours, AFTER_THREE);
        colours.set(new float[] {0.1f, 0.2f, 0.3f, 0f, 0.2f, 0.2f, 0.2f, 0f});
        RenderGraph graph = builder.build();
        try (Framebuffer canvas = new Framebuffer(16, 16)) {
            canvas.bind();
            graph.setup(canvas);
            ParameterSnapshot parameters = defaults(layout);
            for (int i = 0; i < 3; i++) {
                draw(graph, canvas, parameters, i);
                assertFalse(specialisation.specialisedNow(), "frame " + i + ": not still long enough yet");
            }
            draw(graph, canvas, parameters, 3);
            assertTrue(specialisation.specialisedNow(), "three still frames: " + specialisation.describe());
            assertEquals(1, specialisation.swaps());
            assertPixel(0.3, 0.4, 0.5, pixel(canvas, 8, 8), "the values compiled in");

            colours.values()[0] = 0.6f;
            colours.changed();
            draw(graph, canvas, parameters, 4);
            assertFalse(specialisation.specialisedNow(), "a change draws the block in the same frame");
            assertEquals(1, specialisation.backToBlock());
            assertPixel(0.8, 0.4, 0.5, pixel(canvas, 8, 8), "the block's new values");
            for (int i = 5; i < 9; i++) {
                draw(graph, canvas, parameters, i);
            }
            assertEquals(2, specialisation.swaps(), specialisation.describe());
            assertPixel(0.8, 0.4, 0.5, pixel(canvas, 8, 8), "the new values compiled in");
        } finally {
            graph.dispose();
        }
    }

    @Test
    void aReloadedShaderDropsTheProgramMadeFromTheOldSource() throws Exception {
        write(folder, "colours.frag", TWO_COLOURS);
        ParameterLayout layout = gainLayout();
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json");
        GraphBuilder.NodeBuilder node = builder.layer("colours").shader("colours.frag");
        FrameBlock colours = node.uniformBlock("Colours", 2);
        BlockSpecialisation specialisation = node.specialiseWhileStill(colours, AFTER_THREE);
        colours.set(new float[] {0.1f, 0.2f, 0.3f, 0f, 0.2f, 0.2f, 0.2f, 0f});
        RenderGraph graph = builder.build();
        try (Framebuffer canvas = new Framebuffer(16, 16)) {
            canvas.bind();
            graph.setup(canvas);
            ParameterSnapshot parameters = defaults(layout);
            for (int i = 0; i < 4; i++) {
                draw(graph, canvas, parameters, i);
            }
            assertTrue(specialisation.specialisedNow(), specialisation.describe());
            write(folder, "colours.frag", TWO_COLOURS.replace("* gain", "* gain * 0.5"));
            graph.reload();
            draw(graph, canvas, parameters, 4);
            assertFalse(specialisation.specialisedNow(), "the reloaded source's block program draws");
            assertPixel(0.15, 0.2, 0.25, pixel(canvas, 8, 8), "the new source, from the block");
            for (int i = 5; i < 9; i++) {
                draw(graph, canvas, parameters, i);
            }
            assertEquals(2, specialisation.swaps(), specialisation.describe());
            assertPixel(0.15, 0.2, 0.25, pixel(canvas, 8, 8), "the new source, values compiled in");
        } finally {
            graph.dispose();
        }
    }

    @Test
    void aSpecialisedProgramThatDoesNotBuildLeavesTheBlockDrawing() throws Exception {
        write(folder, "colours.frag", TWO_COLOURS);
        ParameterLayout layout = gainLayout();
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json");
        GraphBuilder.NodeBuilder node = builder.layer("colours").shader("colours.frag");
        FrameBlock colours = node.uniformBlock("Colours", 2);
        BlockSpecialisation specialisation = node.specialiseWhileStill(colours, AFTER_THREE);
        // Unused lanes (w) may hold anything the block can: NaN has no GLSL literal.
        colours.set(new float[] {0.1f, 0.2f, 0.3f, Float.NaN, 0.2f, 0.2f, 0.2f, Float.POSITIVE_INFINITY});
        RenderGraph graph = builder.build();
        try (Framebuffer canvas = new Framebuffer(16, 16)) {
            canvas.bind();
            graph.setup(canvas);
            ParameterSnapshot parameters = defaults(layout);
            for (int i = 0; i < 20; i++) {
                draw(graph, canvas, parameters, i);
            }
            assertEquals(1, specialisation.failures(), "one failed build, then off: " + specialisation.describe());
            assertEquals(0, specialisation.swaps());
            assertFalse(specialisation.specialisedNow());
            assertPixel(0.3, 0.4, 0.5, pixel(canvas, 8, 8), "the block keeps drawing");
            colours.changed();
            for (int i = 20; i < 30; i++) {
                draw(graph, canvas, parameters, i);
            }
            assertEquals(1, specialisation.failures(), "not tried again");
        } finally {
            graph.dispose();
        }
    }

    @Test
    void offDrawsTheBlockEveryFrame() throws Exception {
        write(folder, "colours.frag", TWO_COLOURS);
        ParameterLayout layout = gainLayout();
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json");
        GraphBuilder.NodeBuilder node = builder.layer("colours").shader("colours.frag");
        FrameBlock colours = node.uniformBlock("Colours", 2);
        BlockSpecialisation specialisation = node.specialiseWhileStill(colours,
                AFTER_THREE.withMode(BlockSpecialisation.Mode.OFF));
        RenderGraph graph = builder.build();
        try (Framebuffer canvas = new Framebuffer(16, 16)) {
            canvas.bind();
            graph.setup(canvas);
            for (int i = 0; i < 10; i++) {
                draw(graph, canvas, defaults(layout), i);
            }
            assertEquals(0, specialisation.swaps());
            assertTrue(specialisation.describe().startsWith("off"), specialisation.describe());
        } finally {
            graph.dispose();
        }
    }
}
