package org.vernissage.shaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vernissage.shaders.GlslLineNumbering.NumberedLine;

class ShaderSourceLoaderTest {

    private static final String MAIN = "void main() {}";

    private final ShaderSourceLoader loader = new ShaderSourceLoader();

    @TempDir
    Path temp;
    private Path folder;
    private Path shader;

    @BeforeEach
    void createArtworkFolder() throws IOException {
        folder = Files.createDirectories(temp.resolve("artworks").resolve("tide"));
        shader = folder.resolve("field.frag");
    }

    // ---- #version

    @Test
    void versionIsAddedWhenTheFileHasNone() throws Exception {
        write("field.frag", "out vec4 color;", MAIN);

        ShaderSource source = loader.load(shader);

        assertTrue(source.text().startsWith("#version 330 core\n"), source.text());
        assertEquals(1, count(source.text(), "#version"));
    }

    @Test
    void versionLineStaysFirstAndOnlyCommentsMayPrecedeIt() throws Exception {
        write("field.frag", "// Tide, 2026", "/* a sea", "   that listens */", "#version 410 core", MAIN);

        ShaderSource source = loader.load(shader);

        assertTrue(source.text().startsWith("// Tide, 2026\n/* a sea\n   that listens */\n#version 410 core\n"),
                source.text());
        assertEquals(1, count(source.text(), "#version"));
        assertEveryLineMapsBack(source, true);
    }

    @Test
    void versionAfterCodeIsMovedToTheTop() throws Exception {
        write("field.frag", "#define WAVES 3", "#version 330 core", MAIN);

        ShaderSource source = loader.load(shader);

        assertTrue(source.text().startsWith("#version 330 core\n"), source.text());
        assertEquals(1, count(source.text(), "#version"));
        assertEveryLineMapsBack(source, true);
    }

    @Test
    void versionOfAnIncludedFileIsDropped() throws Exception {
        write("util.glsl", "#version 330 core", "float half(float x) { return x * 0.5; }");
        write("field.frag", "#version 330 core", "#include \"util.glsl\"", MAIN);

        ShaderSource source = loader.load(shader);

        assertEquals(1, count(source.text(), "#version"));
        assertTrue(source.text().contains("float half(float x)"));
    }

    // ---- includes

    @Test
    void includeIsFoundBesideTheIncludingFile() throws Exception {
        write("util.glsl", "float half(float x) { return x * 0.5; }");
        write("field.frag", "#include \"util.glsl\"", MAIN);

        ShaderSource source = loader.load(shader);

        assertTrue(source.text().contains("float half(float x)"), source.text());
        assertFalse(source.text().contains("#include"), source.text());
        assertEquals(List.of(shader.toString(), folder.resolve("util.glsl").toString()), source.origins());
    }

    @Test
    void nestedIncludeIsFoundBesideItsOwnFile() throws Exception {
        Files.createDirectories(folder.resolve("glsl"));
        write("glsl/outer.glsl", "#include \"inner.glsl\"", "float outer() { return inner(); }");
        write("glsl/inner.glsl", "float inner() { return 1.0; }");
        write("field.frag", "#include \"glsl/outer.glsl\"", MAIN);

        ShaderSource source = loader.load(shader);

        assertTrue(source.text().indexOf("float inner()") < source.text().indexOf("float outer()"), source.text());
        assertEquals(folder.resolve("glsl/inner.glsl").toString(), source.origins().get(2));
    }

    @Test
    void includeFallsBackToTheBundledLibrary() throws Exception {
        write("field.frag", "#include \"noise.glsl\"", "#include \"color.glsl\"", MAIN);

        ShaderSource source = loader.load(shader);

        assertTrue(source.text().contains("float snoise(vec2 p)"), source.text());
        assertTrue(source.text().contains("vec3 hsv2rgb(vec3 hsv)"), source.text());
        assertEquals(List.of(shader.toString(), "<vernissage>/noise.glsl", "<vernissage>/color.glsl"),
                source.origins());
    }

    @Test
    void fileBesideTheShaderWinsOverTheLibrary() throws Exception {
        write("noise.glsl", "float myOwnNoise() { return 0.0; }");
        write("field.frag", "#include \"noise.glsl\"", MAIN);

        ShaderSource source = loader.load(shader);

        assertTrue(source.text().contains("myOwnNoise"));
        assertFalse(source.text().contains("snoise"));
    }

    @Test
    void eachFileIsIncludedOnce() throws Exception {
        write("common.glsl", "const float TAU = 6.28318530718;");
        write("a.glsl", "#include \"common.glsl\"", "float a() { return TAU; }");
        write("b.glsl", "#include \"common.glsl\"", "float b() { return TAU; }");
        write("field.frag", "#include \"a.glsl\"", "#include \"b.glsl\"", "#include \"./a.glsl\"", MAIN);

        ShaderSource source = loader.load(shader);

        assertEquals(1, count(source.text(), "const float TAU"), source.text());
        assertEquals(1, count(source.text(), "float a()"), source.text());
        assertEquals(4, source.origins().size(), source.origins().toString());
        assertEveryLineMapsBack(source, true);
    }

    @Test
    void libraryFileIncludedTwiceAppearsOnce() throws Exception {
        write("a.glsl", "#include \"noise.glsl\"", "float a(vec2 p) { return snoise(p); }");
        write("field.frag", "#include \"noise.glsl\"", "#include \"a.glsl\"", MAIN);

        ShaderSource source = loader.load(shader);

        assertEquals(1, count(source.text(), "\nfloat snoise(vec2 p)\n{"), source.text());
    }

    @Test
    void includeCycleIsAnError() throws IOException {
        write("a.glsl", "#include \"b.glsl\"");
        write("b.glsl", "// b needs a", "#include \"a.glsl\"");
        write("field.frag", "#include \"a.glsl\"", MAIN);

        ShaderSourceException e = assertThrows(ShaderSourceException.class, () -> loader.load(shader));

        Path a = folder.resolve("a.glsl");
        Path b = folder.resolve("b.glsl");
        assertEquals(b + ":2: include cycle: " + shader + " -> " + a + " -> " + b + " -> " + a, e.getMessage());
        assertEquals(b.toString(), e.file());
        assertEquals(2, e.line());
    }

    @Test
    void fileIncludingItselfIsACycle() throws IOException {
        write("field.frag", MAIN, "#include \"field.frag\"");

        ShaderSourceException e = assertThrows(ShaderSourceException.class, () -> loader.load(shader));

        assertTrue(e.getMessage().startsWith(shader + ":2: include cycle: "), e.getMessage());
    }

    @Test
    void missingIncludeNamesTheIncludingFileLineAndWhereItLooked() throws IOException {
        write("field.frag", "#version 330 core", "out vec4 color;", "#include \"nosie.glsl\"", MAIN);

        ShaderSourceException e = assertThrows(ShaderSourceException.class, () -> loader.load(shader));

        assertEquals(shader + ":3: cannot find include \"nosie.glsl\" (looked in " + folder
                + " and the Vernissage shader library)", e.getMessage());
        assertEquals(shader.toString(), e.file());
        assertEquals(3, e.line());
    }

    @Test
    void includeMustNameAQuotedFile() throws IOException {
        write("field.frag", "#include <noise.glsl>", MAIN);

        ShaderSourceException e = assertThrows(ShaderSourceException.class, () -> loader.load(shader));

        assertEquals(shader + ":1: expected #include \"file.glsl\", found #include <noise.glsl>", e.getMessage());
    }

    @Test
    void missingShaderFileIsNamed() {
        ShaderSourceException e = assertThrows(ShaderSourceException.class,
                () -> loader.load(folder.resolve("nope.frag")));

        assertTrue(e.getMessage().startsWith(folder.resolve("nope.frag") + ": cannot read the shader: "),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"// #include \"nope.glsl\"", "/* #include \"nope.glsl\" */", "/*\n#include \"nope.glsl\"\n*/"})
    void includesInCommentsAreLeftAlone(String commented) throws Exception {
        write("field.frag", commented, MAIN);

        ShaderSource source = loader.load(shader);

        assertTrue(source.text().contains(commented + "\n" + MAIN), source.text());
    }

    @Test
    void commentOpenedOnAnIncludeLineStaysOpen() throws Exception {
        write("util.glsl", "float half(float x) { return x * 0.5; }");
        write("field.frag", "#include \"util.glsl\" /* what follows", "is prose, not code */", MAIN);

        ShaderSource source = loader.load(shader);

        String text = source.text();
        assertTrue(text.indexOf("/*", text.indexOf("float half")) < text.indexOf("is prose"), text);
        assertEveryLineMapsBack(source, true);
    }

    // ---- line numbering

    @Test
    void everyLineOfNestedIncludesMapsBackToItsFileAndLine() throws Exception {
        Files.createDirectories(folder.resolve("glsl"));
        write("glsl/outer.glsl", "// outer", "#include \"inner.glsl\"", "float outer() { return inner(); }",
                "#include \"noise.glsl\"", "float outer2() { return snoise(vec2(1.0)); }");
        write("glsl/inner.glsl", "// inner", "float inner() { return 1.0; }");
        write("field.frag", "#version 330 core", "out vec4 color;", "#include \"glsl/outer.glsl\"",
                "#include \"color.glsl\"", "void main() {", "    color = vec4(hsv2rgb(vec3(outer())), 1.0);", "}");

        ShaderSource source = loader.load(shader);

        assertEquals(5, source.origins().size(), source.origins().toString());
        assertEveryLineMapsBack(source, true);
    }

    @Test
    void linesBeforeGlsl330AreNumberedByTheOlderLineRule() throws Exception {
        write("util.glsl", "float half(float x) { return x * 0.5; }");
        write("field.frag", "#version 150", "#include \"util.glsl\"", "out vec4 color;", MAIN);

        ShaderSource source = loader.load(shader);

        assertEveryLineMapsBack(source, false);
    }

    @Test
    void addedVersionKeepsTheFilesLineNumbers() throws Exception {
        write("field.frag", "out vec4 color;", "#include \"noise.glsl\"", MAIN);

        ShaderSource source = loader.load(shader);

        List<NumberedLine> lines = GlslLineNumbering.number(source.text(), true);
        NumberedLine main = GlslLineNumbering.find(lines, MAIN);
        assertEquals(new ShaderSource.Location(shader.toString(), 3), source.locate(0, main.line()).orElseThrow());
    }

    // ---- helpers

    private void write(String name, String... lines) throws IOException {
        Files.writeString(folder.resolve(name), String.join("\n", lines) + "\n");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /**
     * Numbers the text as a driver would and checks that every line the loader did not make up
     * itself leads, through {@link ShaderSource#locate}, to the same text in the original file:
     * once as Mesa reports it for most errors (source string 0) and once with the real string.
     */
    private void assertEveryLineMapsBack(ShaderSource source, boolean lineNamesNextLine) throws IOException {
        Map<String, List<String>> files = new HashMap<>();
        for (String origin : source.origins()) {
            files.put(origin, readOrigin(origin));
        }
        int checked = 0;
        for (NumberedLine line : GlslLineNumbering.number(source.text(), lineNamesNextLine)) {
            if (isMadeUp(line, source)) {
                continue;
            }
            ShaderSource.Location asMesa = source.locate(0, line.line()).orElseThrow(
                    () -> new AssertionError("unmapped output line " + line));
            assertEquals(asMesa, source.locate(line.sourceString(), line.line()).orElseThrow());
            assertEquals(files.get(asMesa.file()).get(asMesa.line() - 1), line.text(),
                    "output line " + line.index() + " maps to " + asMesa);
            checked++;
        }
        assertTrue(checked > 0);
    }

    /**
     * The lines the loader writes itself: a #version it added or moved to the top (then a #line
     * follows it) and the stand-ins for dropped lines.
     */
    private static boolean isMadeUp(NumberedLine line, ShaderSource source) {
        boolean placedVersion = line.index() == 0 && source.text().lines().skip(1).findFirst()
                .orElse("").startsWith("#line ");
        return placedVersion || line.text().isEmpty() || line.text().equals("/*") || line.text().equals("*/");
    }

    private List<String> readOrigin(String origin) throws IOException {
        if (origin.startsWith("<vernissage>/")) {
            String name = ShaderSourceLoader.LIBRARY_ROOT + origin.substring("<vernissage>/".length());
            try (InputStream in = ShaderSourceLoader.class.getResourceAsStream(name)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
        }
        return Files.readAllLines(Path.of(origin));
    }
}
