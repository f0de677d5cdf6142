package org.vernissage.shaders.isf;

import java.nio.file.Path;
import java.util.List;

/**
 * An ISF shader read from disk: its header and its two stages as core-profile GLSL.
 *
 * <p>Immutable; made by {@link IsfLoader} on the loading thread, compiled on the render thread.
 *
 * @param document the header
 * @param program the vertex and fragment shaders, translated
 * @param files every file it was made from (the {@code .fs}, its {@code .vs}, includes, images),
 *     for a watcher that reloads it when one changes
 */
public record IsfShader(IsfDocument document, IsfTranslator.Program program, List<Path> files) {

    public IsfShader {
        files = List.copyOf(files);
    }
}
