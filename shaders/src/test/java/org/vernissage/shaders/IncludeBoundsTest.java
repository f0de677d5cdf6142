package org.vernissage.shaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input: a shader's {@code #include} must not read files outside its artwork's folder,
 * by {@code ..}, by an absolute path or through a symbolic link, while the library and paths that
 * stay inside (even up and down through subfolders) keep working.
 */
class IncludeBoundsTest {

    private static final String MAIN = "void main() {}";
    private static final String ALLOWED = "includes must name a file inside the artwork folder, relative to"
            + " the including file, or a file of the Vernissage shader library such as \"noise.glsl\"";
    /** A line no include may ever bring into a shader. */
    private static final String SECRET = "float secret() { return 42.0; } // outside the artwork";

    private final ShaderSourceLoader loader = new ShaderSourceLoader();

    @TempDir
    Path temp;
    private Path folder;
    private Path shader;
    private Path outside;

    @BeforeEach
    void createArtworkFolderWithASecretBesideIt() throws IOException {
        folder = Files.createDirectories(temp.resolve("artworks").resolve("tide"));
        shader = folder.resolve("field.frag");
        outside = temp.resolve("artworks").resolve("secret.glsl");
        Files.writeString(outside, SECRET + "\n");
    }

    @Test
    void dotDotOutOfTheFolderIsRefusedNamingFileLineAndPath() throws IOException {
        String escape = "../../../../../../../../../../etc/passwd";
        write("field.frag", "#version 330 core", "#include \"" + escape + "\"", MAIN);

        ShaderSourceException e = assertThrows(ShaderSourceException.class, () -> loader.load(folder, shader));

        assertEquals(shader + ":2: #include \"" + escape + "\" is outside the artwork folder " + folder + "; "
                + ALLOWED, e.getMessage());
        assertEquals(shader.toString(), e.file());
        assertEquals(2, e.line());
    }

    @Test
    void anExistingFileBesideTheFolderIsRefusedAndNotRead() throws IOException {
        write("field.frag", "#include \"../secret.glsl\"", MAIN);

        ShaderSourceException e = assertThrows(ShaderSourceException.class, () -> loader.load(folder, shader));

        assertTrue(e.getMessage().startsWith(shader + ":1: #include \"../secret.glsl\" is outside the artwork folder "),
                e.getMessage());
        assertFalse(e.getMessage().contains("42.0"), e.getMessage());
    }

    @Test
    void theOneArgumentLoadBoundsIncludesToTheShadersFolder() throws IOException {
        write("field.frag", "#include \"../secret.glsl\"", MAIN);

        ShaderSourceException e = assertThrows(ShaderSourceException.class, () -> loader.load(shader));

        assertTrue(e.getMessage().contains("is outside the artwork folder " + folder), e.getMessage());
    }

    @Test
    void anAbsolutePathIsRefused() throws IOException {
        write("field.frag", "#include \"" + outside + "\"", MAIN);

        ShaderSourceException e = assertThrows(ShaderSourceException.class, () -> loader.load(folder, shader));

        assertEquals(shader + ":1: #include \"" + outside + "\" is outside the artwork folder " + folder + "; "
                + ALLOWED, e.getMessage());
    }

    @Test
    void aNestedIncludeThatClimbsOutIsBlamedOnItsOwnFile() throws IOException {
        Files.createDirectories(folder.resolve("glsl"));
        write("glsl/outer.glsl", "float outer() { return 1.0; }", "#include \"../../secret.glsl\"");
        write("field.frag", "#include \"glsl/outer.glsl\"", MAIN);

        ShaderSourceException e = assertThrows(ShaderSourceException.class, () -> loader.load(folder, shader));

        assertTrue(e.getMessage().startsWith(folder.resolve("glsl/outer.glsl") + ":2: #include \"../../secret.glsl\""
                + " is outside the artwork folder "), e.getMessage());
    }

    @Test
    void climbingOutOfASubfolderButStayingInsideIsAllowed() throws Exception {
        Files.createDirectories(folder.resolve("glsl"));
        write("common.glsl", "const float TAU = 6.28318530718;");
        write("glsl/outer.glsl", "#include \"../common.glsl\"", "float outer() { return TAU; }");
        write("field.frag", "#include \"glsl/outer.glsl\"", "#include \"noise.glsl\"", MAIN);

        ShaderSource source = loader.load(folder, shader);

        assertTrue(source.text().contains("const float TAU"), source.text());
        assertTrue(source.text().contains("float snoise(vec2 p)"), "the library stays reachable");
    }

    @Test
    void aSymbolicLinkToAFileOutsideIsRefused() throws IOException {
        Files.createSymbolicLink(folder.resolve("innocent.glsl"), outside);
        write("field.frag", "#include \"innocent.glsl\"", MAIN);

        ShaderSourceException e = assertThrows(ShaderSourceException.class, () -> loader.load(folder, shader));

        assertEquals(shader + ":1: #include \"innocent.glsl\" leads (through a symbolic link) outside the artwork"
                + " folder " + folder + "; " + ALLOWED, e.getMessage());
    }

    @Test
    void aSymbolicLinkToAFolderOutsideIsRefused() throws IOException {
        Files.createSymbolicLink(folder.resolve("shared"), outside.getParent());
        write("field.frag", "#include \"shared/secret.glsl\"", MAIN);

        ShaderSourceException e = assertThrows(ShaderSourceException.class, () -> loader.load(folder, shader));

        assertTrue(e.getMessage().contains("leads (through a symbolic link) outside the artwork folder"),
                e.getMessage());
    }

    @Test
    void aSymbolicLinkThatStaysInsideIsAllowed() throws Exception {
        Files.createDirectories(folder.resolve("glsl"));
        write("glsl/waves.glsl", "float waves() { return 0.5; }");
        Files.createSymbolicLink(folder.resolve("current.glsl"), folder.resolve("glsl/waves.glsl"));
        write("field.frag", "#include \"current.glsl\"", MAIN);

        ShaderSource source = loader.load(folder, shader);

        assertTrue(source.text().contains("float waves()"), source.text());
    }

    @Test
    void theShaderItselfMayNotLinkOutOfTheFolder() throws IOException {
        Path elsewhere = temp.resolve("elsewhere.frag");
        Files.writeString(elsewhere, MAIN + "\n");
        Files.createSymbolicLink(shader, elsewhere);

        ShaderSourceException e = assertThrows(ShaderSourceException.class, () -> loader.load(folder, shader));

        assertEquals(shader + ": the shader leads (through a symbolic link) outside the artwork folder " + folder
                + "; the manifest's \"shader\" must name a file inside it", e.getMessage());
    }

    @Test
    void theArtworkFolderMayItselfBeALink() throws Exception {
        Path linked = Files.createSymbolicLink(temp.resolve("linked-tide"), folder);
        write("util.glsl", "float half(float x) { return x * 0.5; }");
        write("field.frag", "#include \"util.glsl\"", MAIN);

        ShaderSource source = loader.load(linked, linked.resolve("field.frag"));

        assertTrue(source.text().contains("float half(float x)"), source.text());
    }

    private void write(String name, String... lines) throws IOException {
        Files.writeString(folder.resolve(name), String.join("\n", lines) + "\n");
    }
}
