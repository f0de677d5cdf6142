package org.vernissage.shaders.isf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.shaders.ShaderSource;

/** What the translator hands the driver: declarations, renames, and line numbers kept. */
class IsfTranslatorTest {

    @TempDir
    Path temp;

    @Test
    void legacyNamesAreRenamedAndTheFileKeepsItsLineNumbers() throws Exception {
        Path file = temp.resolve("legacy.fs");
        Files.writeString(file, """
                /*{"INPUTS": [{"NAME": "img", "TYPE": "image"}, {"NAME": "amount", "TYPE": "float"}]}*/
                varying vec2 other;
                void main() {
                    gl_FragColor = texture2D(img, vv_FragNormCoord) * amount + texture2DRect(img, vec2(1.0));
                }
                """);
        IsfShader shader = new IsfLoader().load(temp, file);
        ShaderSource fragment = shader.program().fragment();
        String text = fragment.text();
        assertTrue(text.startsWith("#version 330 core\n"), text);
        assertTrue(text.contains("uniform sampler2D img;\nuniform float amount;\n"), text);
        assertTrue(text.contains("out vec4 isf_FragColor;"), text);
        assertTrue(text.contains("in vec2 other;"), text);
        assertTrue(text.contains("isf_FragColor = texture(img, isf_FragNormCoord) * amount"
                + " + isf_texture2DRect(img, vec2(1.0));"), text);
        // The line after "#line 1 0" is the file's line 1, so line 4 of the file is 3 lines further.
        List<String> lines = text.lines().toList();
        int announced = lines.indexOf("#line 1 0");
        assertTrue(lines.get(announced + 4).contains("isf_FragColor = texture("), lines.get(announced + 4));
        assertEquals(List.of(file.toString()), fragment.origins());
        assertEquals(List.of(IsfTranslator.DEFAULT_VERTEX_NAME), shader.program().vertex().origins());
        assertEquals(IsfKind.FILTER.equals(shader.document().kind()), false, "img is not inputImage");
    }

    @Test
    void kindsFollowTheSpecsInputNames() throws Exception {
        IsfParser parser = new IsfParser();
        Path file = temp.resolve("k.fs");
        assertEquals(IsfKind.FILTER, parser.parse(file,
                "/*{\"INPUTS\": [{\"NAME\": \"inputImage\", \"TYPE\": \"image\"}]}*/").kind());
        assertEquals(IsfKind.TRANSITION, parser.parse(file, "/*{\"INPUTS\": [{\"NAME\": \"startImage\", \"TYPE\":"
                + " \"image\"}, {\"NAME\": \"endImage\", \"TYPE\": \"image\"}, {\"NAME\": \"progress\", \"TYPE\":"
                + " \"float\"}]}*/").kind());
        assertEquals(IsfKind.GENERATOR, parser.parse(file, "/*{}*/").kind());
        assertEquals(1, parser.parse(file, "/*{}*/").version());
        assertEquals(2, parser.parse(file, "/*{\"ISFVSN\": \"2.0\"}*/").version());
    }

    @Test
    void versionOnePersistentBuffersBecomePersistentPasses() throws Exception {
        IsfDocument document = new IsfParser().parse(temp.resolve("v1.fs"), """
                /*{"PERSISTENT_BUFFERS": {"acc": {"FLOAT": true, "WIDTH": "$WIDTH/2"}},
                    "PASSES": [{"TARGET": "acc"}, {"TARGET": "plain"}, {}]}*/
                """);
        IsfPass acc = document.passes().get(0);
        assertTrue(acc.persistent() && acc.floatingPoint());
        assertEquals("$WIDTH/2", acc.width().orElseThrow().text());
        assertEquals(false, document.passes().get(1).persistent());
    }
}
