package org.vernissage.engine.render.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.engine.render.graph.GraphGl.byteOf;
import static org.vernissage.engine.render.graph.GraphGl.pixel;
import static org.vernissage.engine.render.graph.GraphGl.write;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.Framebuffer;

/**
 * A manifest's layers where some shaders are ISF files: an ISF filter reading a GLSL layer's image
 * as its {@code inputImage}, composited with a blend mode; its inputs moved through the graph's
 * snapshot under the layer's prefix; two layers of one ISF file kept apart; an image file as an
 * input; and a reload of the ISF file through the graph, all or nothing. Real GL (headless EGL);
 * expected pixels are worked out from the shaders' own arithmetic.
 */
class IsfLayerTest {

    @RegisterExtension
    static final GraphGl GL = new GraphGl();

    /** A filter: the input image's pixel times {@code gain}, times {@code tint}. */
    static final String FILTER = """
            /*{ "ISFVSN": "2", "CATEGORIES": ["Test"],
                "INPUTS": [ {"NAME": "inputImage", "TYPE": "image"},
                            {"NAME": "gain", "TYPE": "float", "DEFAULT": 0.5, "MIN": 0, "MAX": 2},
                            {"NAME": "tint", "TYPE": "color", "DEFAULT": [1.0, 0.5, 1.0, 1.0]} ] }*/
            void main() {
                vec4 c = IMG_THIS_PIXEL(inputImage);
                gl_FragColor = vec4(c.rgb * gain * tint.rgb, 1.0);
            }
            """;
    /** The GLSL layer under it: (level, 0.5, 0.25). */
    static final String SEA = "uniform float level;\nout vec4 fragColor;\n"
            + "void main() { fragColor = vec4(level, 0.5, 0.25, 1.0); }\n";
    private static final double[] TINT = {1.0, 0.5, 1.0};

    @TempDir
    Path folder;

    private final FrameInfo frame = new FrameInfo();

    private RenderGraph load(String layers) throws Exception {
        write(folder, ArtworkManifest.FILE_NAME, """
                {"title": "ISF layers", "artist": "Test", "year": 2026, "description": "A test.",
                 "parameters": [{"name": "level", "type": "float", "min": 0, "max": 1, "default": 0.4}],
                 "layers": %s}
                """.formatted(layers));
        ArtworkManifest manifest = ManifestLoader.load(folder);
        return (RenderGraph) GraphArtworks.forManifest(manifest, manifest.layout(), LocalDateTime.of(2026, 1, 1, 20, 0))
                .orElseThrow();
    }

    private static ParameterSnapshot snapshot(ParameterLayout layout, Object... nameValue) {
        float[] slots = new float[layout.slotCount()];
        layout.copyDefaultsInto(slots);
        for (int i = 0; i < nameValue.length; i += 2) {
            slots[layout.offset(layout.indexOf((String) nameValue[i]).orElseThrow())] = ((Number) nameValue[i + 1]).floatValue();
        }
        return new SnapshotExchange(slots).latch();
    }

    private void play(RenderGraph graph, Framebuffer canvas, ParameterSnapshot parameters) {
        frame.set(0, 0, 0, canvas.width(), canvas.height());
        graph.update(frame, parameters);
        canvas.bind();
        graph.render(frame, canvas);
    }

    /** The filter's output for a source pixel, per channel, in an RGBA8 image. */
    private static double[] filtered(double[] source, double gain) {
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            out[c] = quantised(source[c] * gain * TINT[c]);
        }
        return out;
    }

    private static double quantised(double value) {
        return byteOf(value) / 255.0;
    }

    private static void assertPixel(double[] expected, int[] actual, String what) {
        for (int c = 0; c < 3; c++) {
            assertEquals(byteOf(expected[c]), actual[c], 1, what + ", channel " + c);
        }
    }

    @Test
    void anIsfFilterReadsTheGlslLayerIsAddedAtHalfOpacityAndItsInputMovesThroughTheSnapshot() throws Exception {
        write(folder, "sea.frag", SEA);
        write(folder, "fx.fs", FILTER);
        RenderGraph graph = load("""
                [{"name": "sea", "shader": "sea.frag"},
                 {"name": "fx", "shader": "fx.fs", "images": {"inputImage": "sea"}, "blend": "add", "opacity": 0.5}]""");
        ParameterLayout layout = ManifestLoader.load(folder).layout();
        assertEquals(List.of("level", "sea_opacity", "sea_blend", "fx_gain", "fx_tint", "fx_opacity", "fx_blend"),
                layout.specs().stream().map(ParameterSpec::name).toList());
        try (Framebuffer canvas = new Framebuffer(16, 16)) {
            canvas.bind();
            graph.setup(canvas);
            double[] sea = {quantised(0.4), quantised(0.5), quantised(0.25)};
            for (double gain : new double[] {0.5, 1.5}) {
                play(graph, canvas, snapshot(layout, "fx_gain", gain));
                double[] fx = filtered(sea, gain);
                double[] expected = new double[3];
                for (int c = 0; c < 3; c++) {
                    expected[c] = sea[c] + fx[c] * 0.5; // add, at opacity 0.5
                }
                assertPixel(expected, pixel(canvas, 8, 8), "gain " + gain);
            }
        } finally {
            graph.dispose();
        }
    }

    @Test
    void twoLayersOfOneIsfFileReadTheirOwnPrefixedInputs() throws Exception {
        write(folder, "sea.frag", SEA);
        write(folder, "fx.fs", FILTER);
        RenderGraph graph = load("""
                [{"name": "sea", "shader": "sea.frag"},
                 {"name": "fx", "shader": "fx.fs", "images": {"inputImage": "sea"}, "opacity": 0},
                 {"name": "glint", "shader": "fx.fs", "images": {"inputImage": "fx"}, "blend": "multiply"}]""");
        ParameterLayout layout = ManifestLoader.load(folder).layout();
        assertEquals(List.of("level", "fx_gain", "fx_tint", "fx_opacity", "fx_blend", "glint_gain", "glint_tint",
                        "glint_opacity", "glint_blend"),
                layout.specs().stream().map(ParameterSpec::name).filter(n -> !n.startsWith("sea_")).toList());
        try (Framebuffer canvas = new Framebuffer(16, 16)) {
            canvas.bind();
            graph.setup(canvas);
            play(graph, canvas, snapshot(layout, "fx_gain", 1.5, "glint_gain", 0.25, "level", 0.8));
            double[] sea = {quantised(0.8), quantised(0.5), quantised(0.25)};
            double[] fx = filtered(sea, 1.5);
            double[] glint = filtered(fx, 0.25);
            double[] expected = new double[3];
            for (int c = 0; c < 3; c++) {
                expected[c] = sea[c] * glint[c]; // fx at opacity 0 leaves sea; glint multiplies it
            }
            assertPixel(expected, pixel(canvas, 3, 3), "sea x glint(fx(sea))");
        } finally {
            graph.dispose();
        }
    }

    @Test
    void anImageFileFeedsAnIsfLayersImageInput() throws Exception {
        BufferedImage still = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                still.setRGB(x, y, 0x806040);
            }
        }
        ImageIO.write(still, "png", folder.resolve("still.png").toFile());
        write(folder, "sea.frag", SEA);
        write(folder, "fx.fs", FILTER);
        RenderGraph graph = load("""
                [{"name": "sea", "shader": "sea.frag", "opacity": 0},
                 {"name": "fx", "shader": "fx.fs", "images": {"inputImage": "still.png"}}]""");
        ParameterLayout layout = ManifestLoader.load(folder).layout();
        try (Framebuffer canvas = new Framebuffer(8, 8)) {
            canvas.bind();
            graph.setup(canvas);
            play(graph, canvas, snapshot(layout, "fx_gain", 1.0));
            assertPixel(filtered(new double[] {0x80 / 255.0, 0x60 / 255.0, 0x40 / 255.0}, 1.0), pixel(canvas, 4, 4),
                    "the still through the filter");
        } finally {
            graph.dispose();
        }
    }

    @Test
    void theIsfLayersFileReloadsThroughTheGraphAllOrNothing() throws Exception {
        write(folder, "sea.frag", SEA);
        Path fx = write(folder, "fx.fs", FILTER);
        RenderGraph graph = load("""
                [{"name": "sea", "shader": "sea.frag", "opacity": 0},
                 {"name": "fx", "shader": "fx.fs", "images": {"inputImage": "sea"}}]""");
        ParameterLayout layout = ManifestLoader.load(folder).layout();
        double[] sea = {quantised(0.4), quantised(0.5), quantised(0.25)};
        try (Framebuffer canvas = new Framebuffer(8, 8)) {
            canvas.bind();
            graph.setup(canvas);
            assertTrue(graph.sourceFiles().containsAll(List.of(folder.resolve("sea.frag"), fx)), graph.sourceFiles().toString());
            ParameterSnapshot parameters = snapshot(layout, "fx_gain", 1.0);
            play(graph, canvas, parameters);
            assertPixel(filtered(sea, 1.0), pixel(canvas, 2, 2), "before the reload");

            // A good ISF edit beside a broken GLSL layer: neither is swapped in.
            write(folder, "fx.fs", FILTER.replace("c.rgb * gain", "c.rgb * gain * 0.5"));
            write(folder, "sea.frag", SEA.replace("1.0); }", "1.0) }"));
            ArtworkException broken = assertThrows(ArtworkException.class, graph::reload);
            assertTrue(broken.getMessage().contains("sea.frag"), broken.getMessage());
            play(graph, canvas, parameters);
            assertPixel(filtered(sea, 1.0), pixel(canvas, 2, 2), "a failed reload keeps the ISF layer's program too");

            // A syntax error in the ISF file: reported with the file, the old program stays.
            write(folder, "sea.frag", SEA);
            write(folder, "fx.fs", FILTER.replace("vec4 c =", "vec4 c ="
                    + " nonsense +"));
            ArtworkException isfError = assertThrows(ArtworkException.class, graph::reload);
            assertTrue(isfError.getMessage().contains("fx.fs"), isfError.getMessage());
            play(graph, canvas, parameters);
            assertPixel(filtered(sea, 1.0), pixel(canvas, 2, 2), "a failed ISF reload keeps the last good image");

            write(folder, "fx.fs", FILTER.replace("c.rgb * gain", "c.rgb * gain * 0.5"));
            graph.reload();
            play(graph, canvas, parameters);
            assertPixel(filtered(sea, 0.5), pixel(canvas, 2, 2), "the fixed ISF file plays");
        } finally {
            graph.dispose();
        }
    }
}
