package org.vernissage.engine.artwork;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.render.TargetFormat;
import org.vernissage.engine.render.graph.BlendMode;
import org.vernissage.engine.render.graph.RenderResolution;

/** The manifest's {@code layers}, {@code resolution} and {@code class}: what is read, and each refusal's line. */
class LayersReaderTest {

    @TempDir
    Path folder;

    @BeforeEach
    void shaders() throws IOException {
        Files.writeString(folder.resolve("sea.frag"), "out vec4 fragColor;\nvoid main() { fragColor = vec4(1.0); }\n");
        Files.writeString(folder.resolve("glow.frag"), "out vec4 fragColor;\nvoid main() { fragColor = vec4(1.0); }\n");
        Files.writeString(folder.resolve("fx.fs"), """
                /*{ "ISFVSN": "2", "INPUTS": [ {"NAME": "inputImage", "TYPE": "image"},
                    {"NAME": "gain", "TYPE": "float", "DEFAULT": 0.5, "MIN": 0, "MAX": 2},
                    {"NAME": "hue", "TYPE": "color", "DEFAULT": [1, 0.5, 1, 1]} ] }*/
                void main() { gl_FragColor = IMG_THIS_PIXEL(inputImage) * gain * hue; }
                """);
        Files.writeString(folder.resolve("op.fs"), """
                /*{ "INPUTS": [ {"NAME": "opacity", "TYPE": "float"} ] }*/
                void main() { gl_FragColor = vec4(opacity); }
                """);
        Files.write(folder.resolve("still.png"), new byte[] {1});
    }

    @Test
    void anIsfLayerAddsItsInputsUnderItsNameAndReadsEarlierLayersOrFiles() throws Exception {
        ArtworkManifest m = load("""
                "parameters": [{"name": "fx_gain", "type": "float", "min": 0, "max": 4, "default": 3}],
                "layers": [
                  {"name": "sea", "shader": "sea.frag"},
                  {"name": "fx", "shader": "fx.fs", "images": {"inputImage": "sea"}, "blend": "add"},
                  {"name": "still", "shader": "fx.fs", "images": {"inputImage": "still.png"}}
                ],
                "osc": [{"address": "/fx/hue", "parameter": "fx_hue"}]
                """);
        LayerSpec fx = m.graph().layers().get(1);
        assertEquals(true, fx.isf());
        assertEquals(Map.of("inputImage", "sea"), fx.imageLayers());
        assertEquals(Map.of(), fx.imageFiles());
        assertEquals(Map.of("inputImage", folder.resolve("still.png")), m.graph().layers().get(2).imageFiles());
        assertEquals(false, m.graph().layers().get(0).isf());
        // fx_gain is declared (another range and default): it stands in for the input's own.
        assertEquals(List.of("fx_gain", "sea_opacity", "sea_blend", "fx_hue", "fx_opacity", "fx_blend",
                        "still_gain", "still_hue", "still_opacity", "still_blend"),
                m.parameters().stream().map(ParameterSpec::name).toList());
        assertEquals(4f, m.parameters().get(0).max());
        ParameterSpec hue = m.parameters().get(3);
        assertEquals(ParameterType.COLOR, hue.type());
        assertArrayEquals(new float[] {1f, 0.5f, 1f, 1f}, hue.defaultValue());
        assertEquals(2f, m.parameters().get(6).max());
        assertEquals(1, m.bindings().size());
    }

    private ArtworkManifest load(String body) throws Exception {
        Files.writeString(folder.resolve(ArtworkManifest.FILE_NAME), """
                {"title": "Layers", "artist": "Test", "year": 2026, "description": "Layers.",
                """ + body + "}");
        return ManifestLoader.load(folder);
    }

    private String refused(String body) {
        return assertThrows(ManifestException.class, () -> load(body)).getMessage();
    }

    @Test
    void layersAreReadWithTheirDefaultsAndAddOpacityAndBlendParameters() throws Exception {
        ArtworkManifest m = load("""
                "resolution": [320, 180],
                "parameters": [{"name": "level", "type": "float", "min": 0, "max": 1, "default": 0.5}],
                "layers": [
                  {"name": "sea", "shader": "sea.frag"},
                  {"name": "glow", "shader": "glow.frag", "blend": "screen", "opacity": 0.75, "feedback": true,
                   "format": "rgba32f", "scale": 0.5}
                ],
                "osc": [{"address": "/glow/opacity", "parameter": "glow_opacity"},
                        {"address": "/glow/blend", "parameter": "glow_blend"}]
                """);
        assertNull(m.shader());
        assertEquals(RenderResolution.fixed(320, 180), m.graph().resolution());
        assertEquals(List.of(
                new LayerSpec("sea", folder.resolve("sea.frag"), BlendMode.NORMAL, 1f, false, TargetFormat.RGBA8, 1.0),
                new LayerSpec("glow", folder.resolve("glow.frag"), BlendMode.SCREEN, 0.75f, true, TargetFormat.RGBA32F,
                        0.5)), m.graph().layers());
        assertEquals(List.of("level", "sea_opacity", "sea_blend", "glow_opacity", "glow_blend"),
                m.parameters().stream().map(ParameterSpec::name).toList());
        ParameterSpec blend = m.parameters().get(4);
        assertEquals(ParameterType.INT, blend.type());
        assertEquals(BlendMode.maxCode(), blend.max());
        assertArrayEquals(new float[] {BlendMode.SCREEN.code()}, blend.defaultValue());
        assertArrayEquals(new float[] {0.75f}, m.parameters().get(3).defaultValue());
        assertEquals(2, m.bindings().size());
    }

    @Test
    void aFractionalResolution() throws Exception {
        assertEquals(RenderResolution.ofCanvas(0.5),
                load("\"resolution\": 0.5, \"layers\": [{\"name\": \"sea\", \"shader\": \"sea.frag\"}]").graph().resolution());
    }

    @Test
    void anIsfLayerWithABadHeaderIsRefusedNamingTheShaderFile() throws Exception {
        Files.writeString(folder.resolve("bad.fs"), "/*{ \"INPUTS\": [ {\"NAME\": \"x\", \"TYPE\": \"colour\"} ] }*/\n"
                + "void main() { gl_FragColor = vec4(1.0); }\n");
        String message = refused("\"layers\": [{\"name\": \"fx\", \"shader\": \"bad.fs\"}]");
        assertTrue(message.startsWith(folder.resolve("bad.fs").toString()), message);
        assertTrue(message.contains("colour"), message);
        assertEquals(1, message.lines().count(), message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "shader": "sea.frag", "layers": [{"name": "sea", "shader": "sea.frag"}] | layers: expected only one of "shader", "layers" or "class", found both "shader" and "layers"
            "layers": [] | layers: expected a non-empty array of layer objects [ {"name": ..., "shader": ...} ], found []
            "layers": {"name": "sea"} | layers: expected a non-empty array of layer objects [ {"name": ..., "shader": ...} ], found {"name":"sea"}
            "layers": [{"name": "sea"}] | layers[0].shader: expected a non-blank string, found nothing (the field is missing)
            "layers": [{"name": "sea", "shader": "none.frag"}] | layers[0].shader: expected an existing shader file in FOLDER, found no file at FOLDER/none.frag
            "layers": [{"name": "sea", "shader": "../sea.frag"}] | layers[0].shader: expected a path relative to the artwork folder that stays inside it, found "../sea.frag" (it leaves the folder with ..)
            "layers": [{"name": "sea", "shader": "sea.frag", "blend": "burn"}] | layers[0].blend: expected one of normal, add, multiply, screen, lighten, darken, difference, overlay, subtract, exclusion, found "burn"
            "layers": [{"name": "sea", "shader": "sea.frag", "blend": "screne"}] | layers[0].blend: expected one of normal, add, multiply, screen, lighten, darken, difference, overlay, subtract, exclusion, found "screne" (did you mean "screen"?)
            "layers": [{"name": "sea", "shader": "sea.frag", "opacity": 1.5}] | layers[0].opacity: expected a number within [0, 1], found 1.5
            "layers": [{"name": "sea", "shader": "sea.frag", "format": "rgb8"}] | layers[0].format: expected one of rgba8, rgba16f, rgba32f, found "rgb8" (did you mean "rgba8"?)
            "layers": [{"name": "sea", "shader": "sea.frag", "feedback": "yes"}] | layers[0].feedback: expected true or false, found "yes"
            "layers": [{"name": "sea", "shader": "sea.frag", "scale": 0}] | layers[0].scale: expected a fraction of the resolution from 0.0625 to 4, found 0
            "layers": [{"name": "sea", "shader": "sea.frag", "opactiy": 1}] | layers[0].opactiy: unknown field (did you mean "opacity"?); allowed here: name, shader, blend, opacity, feedback, format, scale, images
            "layers": [{"name": "2sea", "shader": "sea.frag"}] | layers[0].name: expected a layer name (letters and digits, single underscores between them, starting with a letter), found "2sea"
            "layers": [{"name": "FEEDBACK", "shader": "sea.frag"}] | layers[0].name: expected a name the shaders above it may sample, found "FEEDBACK" (reserved: the engine or GLSL uses it)
            "layers": [{"name": "sea", "shader": "sea.frag"}, {"name": "sea", "shader": "glow.frag"}] | layers[1].name: expected a name no other layer uses, found "sea" (already the name of layers[0])
            "parameters": [{"name": "sea_opacity", "type": "float", "min": 0, "max": 1, "default": 1}], "layers": [{"name": "sea", "shader": "sea.frag"}] | layers[0].name: expected a name apart from the parameters (the layer adds sea_opacity and sea_blend), found "sea" (parameter 'sea_opacity' is declared)
            "resolution": [0, 180], "layers": [{"name": "sea", "shader": "sea.frag"}] | resolution: expected [width, height] in pixels (1 to 16384) or a fraction of the canvas (above 0, at most 4), found [0,180]
            "resolution": 0.5, "shader": "sea.frag" | resolution: expected a resolution only beside "layers" (a Java piece declares its own), found 0.5
            "class": "org.example.Missing" | class: expected the name of a public class implementing org.vernissage.engine.render.graph.GraphPiece with a public no-argument constructor, found "org.example.Missing" (not on the class path)
            "class": "java.lang.String" | class: expected the name of a public class implementing org.vernissage.engine.render.graph.GraphPiece with a public no-argument constructor, found "java.lang.String" (it does not implement GraphPiece)
            "layers": [{"name": "sea", "shader": "sea.frag"}], "osc": [{"address": "/x", "parameter": "sea_opacty"}] | osc[0].parameter: expected the name of a declared parameter (sea_opacity, sea_blend), found "sea_opacty" (did you mean "sea_opacity"?)
            "layers": [{"name": "sea", "shader": "sea.frag"}, {"name": "fx", "shader": "fx.fs", "images": {"inputImag": "sea"}}] | layers[1].images.inputImag: expected the NAME of an image input of FOLDER/fx.fs [inputImage], found "inputImag"
            "layers": [{"name": "sea", "shader": "sea.frag"}, {"name": "fx", "shader": "fx.fs", "images": {"gain": "sea"}}] | layers[1].images.gain: expected the NAME of an image input of FOLDER/fx.fs [inputImage], found "gain"
            "layers": [{"name": "fx", "shader": "fx.fs", "images": {"inputImage": "sea"}}, {"name": "sea", "shader": "sea.frag"}] | layers[0].images.inputImage: expected an earlier layer's name [] or an image file, found "sea" (a later layer: it is drawn after this one)
            "layers": [{"name": "sea", "shader": "sea.frag"}, {"name": "fx", "shader": "fx.fs", "images": {"inputImage": "fx"}}] | layers[1].images.inputImage: expected an earlier layer's name [sea] or an image file, found "fx" (this layer itself)
            "layers": [{"name": "sea", "shader": "sea.frag"}, {"name": "fx", "shader": "fx.fs", "images": {"inputImage": "nope.png"}}] | layers[1].images.inputImage: expected an existing image file (or an earlier layer's name [sea]) in FOLDER, found no file at FOLDER/nope.png
            "layers": [{"name": "sea", "shader": "sea.frag"}, {"name": "fx", "shader": "fx.fs", "images": {"inputImage": 3}}] | layers[1].images.inputImage: expected a non-blank string, found 3
            "layers": [{"name": "fx", "shader": "fx.fs", "images": "sea"}] | layers[0].images: expected an object {"inputImage": "an earlier layer's name or picture.png"}, found "sea"
            "layers": [{"name": "sea", "shader": "sea.frag", "images": {"inputImage": "still.png"}}] | layers[0].images: expected no "images" (image inputs are for ISF layers, .fs), found {"inputImage":"still.png"}
            "layers": [{"name": "fx", "shader": "fx.fs", "feedback": true}] | layers[0].feedback: expected false for an ISF layer (an ISF shader keeps its own PERSISTENT buffers), found true
            "parameters": [{"name": "fx_gain", "type": "int", "min": 0, "max": 4, "default": 1}], "layers": [{"name": "fx", "shader": "fx.fs"}] | layers[0].shader: expected an ISF file whose input gain has type "int" (parameter 'fx_gain' is declared so), found a "float" input in FOLDER/fx.fs
            "layers": [{"name": "x", "shader": "op.fs"}] | layers[0].name: expected a layer whose parameters' names are not taken, found "x" (it adds x_opacity) (already added by layers[0])
            """)
    void badLayersAreRefusedWithOneLine(String body, String message) {
        String expected = folder.resolve(ArtworkManifest.FILE_NAME) + ": " + message.replace("FOLDER", folder.toString());
        assertEquals(expected, refused(body));
    }
}
