package org.vernissage.shaders;

import java.nio.file.Path;
import java.util.List;

/**
 * One file of GLSL as read, before its includes are expanded.
 *
 * <p>Immutable; lives for one {@link ShaderSourceLoader#load} call.
 *
 * @param key what makes two includes the same file (an absolute path, or the library name)
 * @param name how messages name the file
 * @param folder where its relative includes are looked up first; null for a library file, whose
 *     includes come from the library
 * @param lines its lines, without line terminators
 */
record ShaderFile(String key, String name, Path folder, List<String> lines) {

    ShaderFile {
        lines = List.copyOf(lines);
    }

    /** Splits {@code text} into lines; a byte-order mark would otherwise reach the driver. */
    static List<String> linesOf(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return body.lines().toList();
    }

    boolean inLibrary() {
        return folder == null;
    }
}
