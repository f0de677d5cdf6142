package org.vernissage.shaders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a shader's files must stay inside: the artwork's. A path is inside when, with
 * {@code .} and {@code ..} removed, it starts with the folder, and when its real path (symbolic
 * links followed) starts with the folder's real path. The first test refuses
 * {@code ../../../../etc/passwd} before anything is looked for; the second a link inside the
 * folder that points out of it.
 *
 * <p>Immutable; made for one {@link ShaderSourceLoader#load(Path, Path)} call, on its thread.
 */
final class FolderBounds {

    private static final String ALLOWED = "includes must name a file inside the artwork folder, relative to"
            + " the including file, or a file of the Vernissage shader library such as \"noise.glsl\"";

    private final Path folder;
    private final Path realFolder;

    private FolderBounds(Path folder, Path realFolder) {
        this.folder = folder;
        this.realFolder = realFolder;
    }

    /**
     * @param root the artwork folder
     * @param blame the file to name when the folder itself cannot be read
     */
    static FolderBounds of(Path root, String blame) throws ShaderSourceException {
        Path folder = root.toAbsolutePath().normalize();
        try {
            return new FolderBounds(folder, folder.toRealPath());
        } catch (IOException e) {
            throw new ShaderSourceException(blame, 0, "cannot read the artwork folder " + root + ": " + e, e);
        }
    }

    /** Refuses a shader file (the manifest's {@code shader}) outside the folder. */
    void checkShader(Path file) throws ShaderSourceException {
        Path absolute = file.toAbsolutePath().normalize();
        String where = whereOutside(absolute);
        if (where != null) {
            throw new ShaderSourceException(file.toString(), 0, "the shader " + where + " the artwork folder "
                    + folder + "; the manifest's \"shader\" must name a file inside it", null);
        }
    }

    /**
     * Refuses an include that leads outside the folder.
     *
     * @param from the including file
     * @param line the {@code #include} line in it
     * @param name the path as the include wrote it
     * @param candidate that path resolved against the including file's folder and normalised
     */
    void checkInclude(ShaderFile from, int line, String name, Path candidate) throws ShaderSourceException {
        String where = whereOutside(candidate.toAbsolutePath().normalize());
        if (where != null) {
            throw new ShaderSourceException(from.name(), line, "#include \"" + name + "\" " + where
                    + " the artwork folder " + folder + "; " + ALLOWED, null);
        }
    }

    /** Null when {@code absolute} (normalised) is inside; otherwise how it leaves, for messages. */
    private String whereOutside(Path absolute) {
        if (!absolute.startsWith(folder)) {
            return "is outside";
        }
        if (!Files.exists(absolute)) {
            return null; // nothing to follow: "cannot find" is the message then
        }
        try {
            return absolute.toRealPath().startsWith(realFolder) ? null : "leads (through a symbolic link) outside";
        } catch (IOException e) {
            return null; // unreadable: reading it fails next, with the reason
        }
    }
}
