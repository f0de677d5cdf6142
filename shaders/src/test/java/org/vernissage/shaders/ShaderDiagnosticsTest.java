package org.vernissage.shaders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vernissage.shaders.GlslLineNumbering.NumberedLine;

class ShaderDiagnosticsTest {

    private static final String SNOISE_2D = "float snoise(vec2 p)";
    private static final String MAIN_ERROR_LINE = "    color = vec4(foo);";

    @TempDir
    Path temp;
    private Path shader;
    private ShaderSource source;
    /** Where the driver sees noise.glsl's "float snoise(vec2 p)" line. */
    private NumberedLine snoiseAsDriverSees;
    /** That line's number in noise.glsl itself. */
    private int snoiseLineInFile;

    @BeforeEach
    void loadShaderWithAnInclude() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("artworks").resolve("tide"));
        shader = folder.resolve("field.frag");
        Files.writeString(shader, String.join("\n", "#version 330 core", "#include \"noise.glsl\"",
                "out vec4 color;", "void main() {", "    float n = snoise(gl_FragCoord.xy);", MAIN_ERROR_LINE, "}"));
        source = new ShaderSourceLoader().load(shader);
        snoiseAsDriverSees = GlslLineNumbering.find(GlslLineNumbering.number(source.text(), true), SNOISE_2D);
        snoiseLineInFile = libraryLines("noise.glsl").indexOf(SNOISE_2D) + 1;
    }

    @Test
    void mesaSemanticErrorInALibraryFileNamesThatFileAndLine() {
        // Mesa reports source string 0 for most errors, whatever #line said: the line must suffice.
        String log = "0:" + snoiseAsDriverSees.line() + "(7): error: `foo' undeclared";

        assertEquals("<vernissage>/noise.glsl:" + snoiseLineInFile + ":7: error: `foo' undeclared",
                ShaderDiagnostics.mapLine(log, source));
    }

    @Test
    void mesaSyntaxErrorWithItsSourceStringNamesTheSameFileAndLine() {
        String log = snoiseAsDriverSees.sourceString() + ":" + snoiseAsDriverSees.line()
                + "(23): error: syntax error, unexpected ';'";

        assertEquals("<vernissage>/noise.glsl:" + snoiseLineInFile + ":23: error: syntax error, unexpected ';'",
                ShaderDiagnostics.mapLine(log, source));
    }

    @Test
    void nvidiaErrorNamesFileAndLine() {
        String log = snoiseAsDriverSees.sourceString() + "(" + snoiseAsDriverSees.line()
                + ") : error C1008: undefined variable \"foo\"";

        assertEquals("<vernissage>/noise.glsl:" + snoiseLineInFile + ": error C1008: undefined variable \"foo\"",
                ShaderDiagnostics.mapLine(log, source));
    }

    @Test
    void glslangStyleErrorNamesFileAndLine() {
        String log = "ERROR: " + snoiseAsDriverSees.sourceString() + ":" + snoiseAsDriverSees.line()
                + ": 'foo' : undeclared identifier";

        assertEquals("<vernissage>/noise.glsl:" + snoiseLineInFile + ": error: 'foo' : undeclared identifier",
                ShaderDiagnostics.mapLine(log, source));
    }

    @Test
    void errorInTheArtistsFileKeepsItsOwnLineNumber() {
        NumberedLine line = GlslLineNumbering.find(GlslLineNumbering.number(source.text(), true), MAIN_ERROR_LINE);

        assertEquals(shader + ":6:5: error: 'foo' : undeclared identifier",
                ShaderDiagnostics.mapLine("0:" + line.line() + "(5): error: 'foo' : undeclared identifier", source));
        assertEquals(shader + ":6: error C1008: undefined variable \"foo\"",
                ShaderDiagnostics.mapLine("0(" + line.line() + ") : error C1008: undefined variable \"foo\"", source));
    }

    @ParameterizedTest
    @ValueSource(strings = {"error: linking failed", "", "   ", "warning: something general",
            "0:0(0): error: no line at all", "7:3(1): error: a source string this shader does not have",
            "0:9900001(1): error: a line no file of this shader has", "12(99999999999) : error C0000: overflow"})
    void linesInNoKnownFormOrPlaceAreKept(String line) {
        assertEquals(line, ShaderDiagnostics.mapLine(line, source));
    }

    @Test
    void wholeLogIsMappedLineByLineInOrder() {
        int driverLine = snoiseAsDriverSees.line();
        String log = "0:" + driverLine + "(7): error: `foo' undeclared\n"
                + "the driver's own remark\n"
                + "0:3(1): warning: unused";

        assertEquals(List.of("<vernissage>/noise.glsl:" + snoiseLineInFile + ":7: error: `foo' undeclared",
                        "the driver's own remark", shader + ":3:1: warning: unused"),
                ShaderDiagnostics.lines(log, source));
        assertEquals(String.join("\n", ShaderDiagnostics.lines(log, source)), ShaderDiagnostics.map(log, source));
    }

    private static List<String> libraryLines(String name) throws IOException {
        try (InputStream in = ShaderSourceLoader.class.getResourceAsStream(ShaderSourceLoader.LIBRARY_ROOT + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
