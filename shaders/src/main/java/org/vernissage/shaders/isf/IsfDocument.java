package org.vernissage.shaders.isf;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ISF file's JSON header, read and checked: what a host needs to play the shader besides its
 * GLSL. A version 1 file is read as the spec's converter reads it ({@code PERSISTENT_BUFFERS}
 * folded into its passes), so the rest of the engine sees only version 2.
 *
 * <p>Immutable; made by {@link IsfParser}, read by any thread.
 *
 * @param file the {@code .fs} file, as messages name it
 * @param version 1 for a file without {@code ISFVSN} (the first spec), else 2
 * @param description {@code DESCRIPTION}, or empty
 * @param credit {@code CREDIT}, or empty
 * @param categories {@code CATEGORIES}
 * @param inputs {@code INPUTS}, in order
 * @param passes {@code PASSES}, at least one (a file without passes draws once into the frame)
 * @param imports {@code IMPORTED}
 * @param kind filter, transition or generator, by the inputs it has
 */
public record IsfDocument(Path file, int version, String description, String credit, List<String> categories,
                          List<IsfInput> inputs, List<IsfPass> passes, List<IsfImport> imports, IsfKind kind) {

    public IsfDocument {
        Objects.requireNonNull(file, "file");
        categories = List.copyOf(categories);
        inputs = List.copyOf(inputs);
        passes = List.copyOf(passes);
        imports = List.copyOf(imports);
    }

    public Optional<IsfInput> input(String name) {
        return inputs.stream().filter(input -> input.name().equals(name)).findFirst();
    }

    /** The inputs that are values (every type but image and audio): the artwork's parameters. */
    public List<IsfInput> valueInputs() {
        return inputs.stream().filter(input -> !input.type().isImage()).toList();
    }

    /** The inputs that are textures: images and audio. */
    public List<IsfInput> imageInputs() {
        return inputs.stream().filter(input -> input.type().isImage()).toList();
    }
}
