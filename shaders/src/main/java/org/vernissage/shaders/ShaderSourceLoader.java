package org.vernissage.shaders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a fragment shader file into a {@link ShaderSource}: {@code #include "name.glsl"} lines
 * expanded (looked up beside the including file, then in the Vernissage shader library bundled
 * under {@value #LIBRARY_ROOT}), {@code #version} first ({@code #version 330 core} when the file
 * has none), and {@code #line} directives so driver messages can name the artist's file and line.
 *
 * <p>Every file read must lie inside the artwork's folder (the {@code root} of
 * {@link #load(Path, Path)}), compared by real path so that a symbolic link cannot lead out either:
 * an artwork is a folder copied between gallery machines, and a shader reading
 * {@code ../../../../etc/passwd} would both break that and read what the show has no business with.
 * The manifest's {@code shader} field is held to the same rule.
 *
 * <p>Called on whichever thread loads an artwork's shaders (the render thread at setup, or a
 * loading thread); holds no state between calls, so one instance may serve every load. Owned by
 * whoever builds shader programs. Reads the disk: never call it while drawing a frame.
 */
public final class ShaderSourceLoader {

    /** Where the bundled library files live on the classpath. */
    public static final String LIBRARY_ROOT = "/org/vernissage/shaders/lib/";
    /** How library files are named in messages, so that they are not taken for the artist's. */
    static final String LIBRARY_PREFIX = "<vernissage>/";

    /**
     * Reads {@code file} and everything it includes.
     *
     * @param file the shader; messages name it, and files beside it, by this path as given
     * @throws ShaderSourceException when a file cannot be read, an include cannot be found, or
     *     includes form a cycle; the message names the file and line
     */
    public ShaderSource load(Path file) throws ShaderSourceException {
        Path parent = file.toAbsolutePath().getParent();
        return load(parent == null ? file.toAbsolutePath() : parent, file);
    }

    /**
     * Reads {@code file} and everything it includes, none of which may lie outside {@code root}.
     *
     * @param root the artwork's folder: the shader and its includes must be inside it (real paths),
     *     except library files
     * @param file the shader; messages name it, and files beside it, by this path as given
     * @throws ShaderSourceException as {@link #load(Path)}, and when the shader or an include lies
     *     outside {@code root}; the message names the including file, line and path, and what is
     *     allowed
     */
    public ShaderSource load(Path root, Path file) throws ShaderSourceException {
        FolderBounds bounds = FolderBounds.of(root, file.toString());
        bounds.checkShader(file);
        ShaderFile main = readFile(file, file.toString(), 0, file.toString());
        return new IncludeExpander((from, line, name) -> findInclude(bounds, from, line, name)).expand(main);
    }

    private ShaderFile findInclude(FolderBounds bounds, ShaderFile from, int line, String name)
            throws ShaderSourceException {
        Optional<Path> beside = from.inLibrary() ? Optional.empty() : besideIncluder(bounds, from, line, name);
        if (beside.isPresent()) {
            Path path = beside.get();
            return readFile(path, path.toString(), line, from.name());
        }
        Optional<ShaderFile> bundled = fromLibrary(name);
        if (bundled.isPresent()) {
            return bundled.get();
        }
        String lookedIn = from.inLibrary() ? "the Vernissage shader library"
                : folderName(from.folder()) + " and the Vernissage shader library";
        throw new ShaderSourceException(from.name(), line,
                "cannot find include \"" + name + "\" (looked in " + lookedIn + ")", null);
    }

    private static Optional<Path> besideIncluder(FolderBounds bounds, ShaderFile from, int line, String name)
            throws ShaderSourceException {
        Path candidate;
        try {
            candidate = from.folder().resolve(name).normalize();
        } catch (InvalidPathException e) {
            return Optional.empty(); // not a name this file system can hold: try the library
        }
        // Checked before the file is even looked for: whether a file exists out there is none of
        // the shader's business either.
        bounds.checkInclude(from, line, name, candidate);
        return Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    private Optional<ShaderFile> fromLibrary(String name) throws ShaderSourceException {
        // Library names are flat and relative: anything else could reach other classpath resources.
        if (name.contains("..") || name.startsWith("/") || name.contains("\\")) {
            return Optional.empty();
        }
        try (InputStream in = ShaderSourceLoader.class.getResourceAsStream(LIBRARY_ROOT + name)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(new ShaderFile("library:" + name, LIBRARY_PREFIX + name, null,
                    ShaderFile.linesOf(text)));
        } catch (IOException | UncheckedIOException e) {
            throw new ShaderSourceException(LIBRARY_PREFIX + name, 0, "cannot read the library file: " + e, e);
        }
    }

    /**
     * @param line the including line, or 0 for the loaded file itself
     * @param blame the file to name when {@code path} cannot be read
     */
    private static ShaderFile readFile(Path path, String name, int line, String blame) throws ShaderSourceException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            String why = e instanceof CharacterCodingException ? "it is not UTF-8 text" : e.toString();
            String problem = line == 0 ? "cannot read the shader: " + why : "cannot read include " + path + ": " + why;
            throw new ShaderSourceException(blame, line, problem, e);
        }
        Path folder = path.getParent() == null ? Path.of("") : path.getParent();
        return new ShaderFile(path.toAbsolutePath().normalize().toString(), name, folder, ShaderFile.linesOf(text));
    }

    private static String folderName(Path folder) {
        String shown = folder.toString();
        return shown.isEmpty() ? "." : shown;
    }
}
