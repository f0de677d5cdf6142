package org.vernissage.shaders.isf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.shaders.ShaderSourceException;

/** Broken ISF files: each refused with one line naming the file, the line or key, and what was expected. */
class IsfBadInputTest {

    @TempDir
    Path temp;

    private String failure(String text) throws Exception {
        Path file = temp.resolve("bad.fs");
        Files.writeString(file, text);
        ShaderSourceException e = assertThrows(ShaderSourceException.class, () -> new IsfLoader().load(temp, file));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage().substring(file.toString().length());
    }

    @Test
    void invalidJsonNamesTheLineInTheFile() throws Exception {
        String message = failure("// a comment\n/*{\n  \"ISFVSN\": \"2.0\",\n  \"INPUTS\": [ {\"NAME\": } ]\n}*/\nvoid main() {}\n");
        assertEquals(":4: the ISF header is not valid JSON: Unexpected character ('}' (code 125)): expected a valid value"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false') (expected /*{ \"INPUTS\": [...] }*/)", message);
    }

    @Test
    void noHeaderAtAll() throws Exception {
        assertEquals(":1: no ISF header: expected the file to start with a comment /*{ ... }*/ holding its JSON",
                failure("void main() { gl_FragColor = vec4(1.0); }\n"));
    }

    @Test
    void unknownInputTypeNamesItsJsonPath() throws Exception {
        assertEquals(": INPUTS[1].TYPE: expected one of event, bool, long, float, point2D, color, image, audio,"
                + " audioFFT, found \"vec5\"", failure("""
                /*{"ISFVSN": "2", "INPUTS": [{"NAME": "a", "TYPE": "float"}, {"NAME": "b", "TYPE": "vec5"}]}*/
                void main() {}
                """));
    }

    @Test
    void aDefaultOfTheWrongShape() throws Exception {
        assertEquals(": INPUTS[0].DEFAULT: expected 2 numbers, found 3", failure("""
                /*{"ISFVSN": "2", "INPUTS": [{"NAME": "p", "TYPE": "point2D", "DEFAULT": [1, 2, 3]}]}*/
                void main() {}
                """));
    }

    @Test
    void aTargetReadBeforeItIsWrittenNamesTheLine() throws Exception {
        assertEquals(":5: pass 0 reads \"later\", the TARGET of PASSES[1], before that pass writes it (expected a"
                + " TARGET of an earlier pass, or \"PERSISTENT\": true on PASSES[1])", failure("""
                /*{"ISFVSN": "2", "PASSES": [{"TARGET": "early"}, {"TARGET": "later"}, {}]}*/
                void main() {
                    // the first pass may not sample a buffer a later pass draws
                    if (PASSINDEX == 0) {
                        gl_FragColor = IMG_THIS_PIXEL(later);
                    } else if (PASSINDEX == 1) {
                        gl_FragColor = IMG_THIS_PIXEL(early);
                    } else {
                        gl_FragColor = IMG_THIS_PIXEL(later);
                    }
                }
                """));
    }

    @Test
    void aPersistentTargetMayBeReadBeforeItIsWritten() throws Exception {
        Path file = temp.resolve("feedback.fs");
        Files.writeString(file, """
                /*{"ISFVSN": "2", "PASSES": [{"TARGET": "b"}, {"TARGET": "last", "PERSISTENT": true}, {}]}*/
                void main() {
                    if (PASSINDEX == 0) { gl_FragColor = IMG_THIS_PIXEL(last); }
                    else { gl_FragColor = IMG_THIS_PIXEL(b); }
                }
                """);
        assertEquals(3, new IsfLoader().load(temp, file).document().passes().size());
    }

    @Test
    void aMissingImportedImage() throws Exception {
        String message = failure("""
                /*{"ISFVSN": "2", "IMPORTED": {"noise": {"PATH": "noise.png"}}}*/
                void main() {}
                """);
        assertEquals(": IMPORTED.noise.PATH: expected an image file, found none at " + temp.resolve("noise.png"),
                message);
    }

    @Test
    void anExpressionThatDoesNotParse() throws Exception {
        assertEquals(": PASSES[0].WIDTH: expected an expression: \"$WIDTH * / 2\" at character 10: expected a"
                + " number, $WIDTH, $HEIGHT, $input, a function or (, found '/'", failure("""
                /*{"ISFVSN": "2", "PASSES": [{"TARGET": "a", "WIDTH": "$WIDTH * / 2"}, {}]}*/
                void main() {}
                """));
    }

    @Test
    void anExpressionNamingNoInput() throws Exception {
        assertEquals(": PASSES[0].HEIGHT: expected $WIDTH, $HEIGHT or the name of a number input in"
                + " \"$HEIGHT / $zoom\", found $zoom", failure("""
                /*{"ISFVSN": "2", "PASSES": [{"TARGET": "a", "HEIGHT": "$HEIGHT / $zoom"}, {}]}*/
                void main() {}
                """));
    }

    @Test
    void aPersistentBufferNoPassDraws() throws Exception {
        assertEquals(": PERSISTENT_BUFFERS.ghost: expected the TARGET of a pass (no pass draws into \"ghost\")",
                failure("""
                /*{"PERSISTENT_BUFFERS": ["ghost"], "PASSES": [{}]}*/
                void main() {}
                """));
    }
}
