package org.vernissage.shaders.isf;

import java.nio.file.Path;

/**
 * One entry of an ISF header's {@code IMPORTED}: an image file the shader samples by name.
 *
 * <p>Immutable; made by {@link IsfParser}, read by any thread.
 *
 * @param name the sampler's name
 * @param path the file, resolved against the shader's folder
 */
public record IsfImport(String name, Path path) {
}
