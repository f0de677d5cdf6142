package org.vernissage.engine.artwork;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.render.TargetFormat;
import org.vernissage.engine.render.graph.BlendMode;

/**
 * One layer a manifest declares under {@code layers}: a fragment shader (plain GLSL, or an ISF
 * file, {@code .fs}) drawn into an image of its own, composited over the layers before it.
 *
 * <p>Immutable; made by {@link LayersReader} at load.
 *
 * @param name the layer's name: its image's sampler name for the layers above it, and the prefix
 *     of its {@code <name>_opacity} and {@code <name>_blend} parameters
 * @param shader the fragment shader, resolved against the folder and known to exist
 * @param blend the blend mode's default
 * @param opacity the opacity's default, 0..1
 * @param feedback whether the shader reads its previous frame as {@code FEEDBACK}
 * @param format the layer image's pixel format
 * @param scale the layer's size as a fraction of the artwork's render resolution
 * @param inputs for an ISF layer, the parameters its value INPUTS add, each called
 *     {@code <name>_<INPUT NAME>} (those the manifest declares itself left out); empty otherwise
 * @param imageLayers for an ISF layer, image input name to the earlier layer whose image it reads
 * @param imageFiles for an ISF layer, image input name to a still image file in the folder
 */
public record LayerSpec(String name, Path shader, BlendMode blend, float opacity, boolean feedback,
                        TargetFormat format, double scale, List<ParameterSpec> inputs,
                        Map<String, String> imageLayers, Map<String, Path> imageFiles) {

    public LayerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shader, "shader");
        Objects.requireNonNull(blend, "blend");
        Objects.requireNonNull(format, "format");
        inputs = List.copyOf(inputs);
        imageLayers = Map.copyOf(imageLayers);
        imageFiles = Map.copyOf(imageFiles);
    }

    /** A plain GLSL layer. */
    public LayerSpec(String name, Path shader, BlendMode blend, float opacity, boolean feedback,
                     TargetFormat format, double scale) {
        this(name, shader, blend, opacity, feedback, format, scale, List.of(), Map.of(), Map.of());
    }

    /** Whether the shader is an ISF file, played by an ISF player rather than as plain GLSL. */
    public boolean isf() {
        return ArtworkManifest.isIsfFile(shader);
    }

    /** The prefix of the parameters this layer adds: {@code <name>_}. */
    public String parameterPrefix() {
        return name + "_";
    }
}
