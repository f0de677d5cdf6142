package org.vernissage.engine.render.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.engine.render.graph.GraphGl.texel;
import static org.vernissage.engine.render.graph.GraphGl.write;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.TargetFormat;
import org.vernissage.engine.render.TextureImage;

/**
 * A node of fixed size (a simulation grid) keeps its size through canvas resizes, and a
 * {@code uniform vec4 NAME[N]} set from Java reaches the shader element by element; a shader
 * declaring another length is refused at setup with the expected declaration.
 */
class NodeSizeAndArrayTest {

    @RegisterExtension
    static final GraphGl GL = new GraphGl();

    @TempDir
    Path folder;

    @Test
    void aFixedSizeNodeKeepsItsSizeAndReadsTheArray() throws Exception {
        // Texel x of the 6x2 node shows element x of the array.
        write(folder, "grid.frag", """
                uniform vec4 TABLE[6];
                out vec4 fragColor;
                void main() { fragColor = TABLE[int(gl_FragCoord.x)]; }
                """);
        write(folder, "show.frag", "out vec4 fragColor;\nvoid main() { fragColor = vec4(1.0); }\n");
        ParameterLayout layout = new ParameterLayout(List.of());
        GraphBuilder builder = new GraphBuilder(folder, layout, "test.json");
        UniformArray table = builder.node("grid").shader("grid.frag").format(TargetFormat.RGBA32F).size(6, 2)
                .uniformArray("TABLE", 6);
        float[] values = new float[24];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5f - 3f;
        }
        table.set(values);
        builder.layer("show").shader("show.frag");
        TextureImage grid = builder.output("grid");
        RenderGraph graph = builder.build();
        FrameInfo frame = new FrameInfo();
        try (Framebuffer canvas = new Framebuffer(40, 30); Framebuffer larger = new Framebuffer(80, 50)) {
            canvas.bind();
            graph.setup(canvas);
            try {
                assertEquals(6, grid.width());
                assertEquals(2, grid.height());
                frame.set(0, 0, 0, 40, 30);
                graph.update(frame, new SnapshotExchange(new float[0]).latch());
                graph.render(frame, canvas);
                for (int x = 0; x < 6; x++) {
                    float[] t = texel(grid, x, 1);
                    for (int c = 0; c < 4; c++) {
                        assertEquals(values[4 * x + c], t[c], 1e-6f, "element " + x + " component " + c);
                    }
                }
                graph.resized(larger);
                assertEquals(6, grid.width(), "a fixed-size node is not rescaled with the canvas");
                assertEquals(2, grid.height());
            } finally {
                graph.dispose();
            }
        }
    }

    @Test
    void anArrayOfAnotherLengthIsRefusedWithTheDeclarationExpected() throws Exception {
        write(folder, "grid.frag", """
                uniform vec4 TABLE[5];
                out vec4 fragColor;
                void main() { fragColor = TABLE[int(gl_FragCoord.x) % 5]; }
                """);
        GraphBuilder builder = new GraphBuilder(folder, new ParameterLayout(List.of()), "test.json");
        builder.layer("grid").shader("grid.frag").uniformArray("TABLE", 6);
        RenderGraph graph = builder.build();
        try (Framebuffer canvas = new Framebuffer(8, 8)) {
            canvas.bind();
            ArtworkException e = assertThrows(ArtworkException.class, () -> graph.setup(canvas));
            assertTrue(e.getMessage().contains("uniform vec4 TABLE[6];"), e.getMessage());
        } finally {
            graph.dispose();
        }
    }

    @Test
    void aSizeOutOfRangeIsRefused() {
        GraphBuilder builder = new GraphBuilder(folder, new ParameterLayout(List.of()), "test.json");
        assertThrows(IllegalArgumentException.class, () -> builder.node("grid").size(0, 4));
    }
}
