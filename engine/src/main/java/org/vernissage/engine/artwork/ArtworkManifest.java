package org.vernissage.engine.artwork;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;

/**
 * An artwork folder's manifest ({@code artwork.json}), checked: who made the piece, what it
 * shows, the parameters it exposes and how its inputs reach them.
 *
 * <p>Immutable; made once by {@link ManifestLoader} on the loading thread and shared freely.
 *
 * @param folder the artwork folder the manifest was read from
 * @param shader the fragment shader, resolved against the folder and known to exist
 * @param bindings every input binding, OSC first, then MIDI, audio and phones: a binding's index
 *     here is its channel number on the input ring
 * @param id the artwork's name in addresses ({@code /vernissage/<id>/...}): the folder's name, or
 *     for an ISF file played without a manifest, the file's name without {@code .fs}
 * @param images still image files for an ISF shader's image inputs, by input name
 */
public record ArtworkManifest(Path folder, String title, String artist, int year, String description,
                              Path shader, List<ParameterSpec> parameters,
                              List<BindingSpec> bindings, String id, Map<String, Path> images) {

    /** The file name every artwork folder keeps its manifest under. */
    public static final String FILE_NAME = "artwork.json";

    public ArtworkManifest {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(artist, "artist");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(shader, "shader");
        parameters = List.copyOf(parameters);
        bindings = List.copyOf(bindings);
        Objects.requireNonNull(id, "id");
        images = Map.copyOf(images);
    }

    /** Whether the shader is an ISF file ({@code .fs}): its parameters come from its INPUTS. */
    public boolean isIsf() {
        return isIsfFile(shader);
    }

    /** Whether {@code file} is named as an ISF fragment shader. */
    public static boolean isIsfFile(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().endsWith(".fs");
    }

    /** The manifest file itself, for messages. */
    public Path file() {
        return folder.resolve(FILE_NAME);
    }

    /** A new slot layout of the declared parameters. */
    public ParameterLayout layout() {
        return new ParameterLayout(parameters);
    }
}
