package org.vernissage.shaders.isf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vernissage.shaders.ShaderSource;
import org.vernissage.shaders.ShaderSourceException;
import org.vernissage.shaders.ShaderSourceLoader;

/**
 * Reads an ISF {@code .fs} file, its optional {@code .vs} beside it (same base name) and their
 * includes into an {@link IsfShader}: header parsed by {@link IsfParser}, GLSL read by
 * {@link ShaderSourceLoader} (so includes and folder bounds work as for any shader), translated by
 * {@link IsfTranslator}. Imported images are checked to exist here, so a missing one stops the
 * load with a message rather than a black sampler.
 *
 * <p>Stateless; any thread, but it reads the disk: never while drawing a frame.
 */
public final class IsfLoader {

    private final IsfParser parser = new IsfParser();
    private final ShaderSourceLoader sources = new ShaderSourceLoader();
    private final IsfTranslator translator = new IsfTranslator();

    /** Loads {@code file} with its folder as the bounds its includes must stay in. */
    public IsfShader load(Path file) throws ShaderSourceException {
        Path parent = file.toAbsolutePath().getParent();
        return load(parent, file);
    }

    /**
     * @param root the artwork's folder: the shader and its includes must lie inside it
     * @param file the {@code .fs} file, named in messages as given
     * @throws ShaderSourceException one line naming the file, line or header key, and what was
     *     expected
     */
    public IsfShader load(Path root, Path file) throws ShaderSourceException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ShaderSourceException(file.toString(), 0, "cannot read the ISF shader: " + e, e);
        }
        IsfDocument document = parser.parse(file, text);
        List<Path> files = new ArrayList<>();
        files.add(file);
        for (IsfImport image : document.imports()) {
            if (!Files.isRegularFile(image.path())) {
                throw new ShaderSourceException(file.toString(), 0, "IMPORTED." + image.name()
                        + ".PATH: expected an image file, found none at " + image.path(), null);
            }
            files.add(image.path());
        }
        ShaderSource fragment = sources.load(root, file);
        Optional<Path> vertexFile = vertexFileOf(file);
        Optional<ShaderSource> vertex = Optional.empty();
        if (vertexFile.isPresent()) {
            vertex = Optional.of(sources.load(root, vertexFile.get()));
            files.add(vertexFile.get());
        }
        new IsfPassOrder(document, file.toString()).check(text);
        return new IsfShader(document, translator.translate(document, fragment, vertex), files);
    }

    /** The {@code .vs} with the same base name, when there is one. */
    static Optional<Path> vertexFileOf(Path fragment) {
        String name = fragment.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        Path vertex = fragment.resolveSibling(base + ".vs");
        return Files.isRegularFile(vertex) ? Optional.of(vertex) : Optional.empty();
    }
}
