package org.vernissage.engine.artwork;

import java.nio.file.Path;
import java.util.Objects;
import org.vernissage.engine.render.TargetFormat;
import org.vernissage.engine.render.graph.BlendMode;

/**
 * One layer a manifest declares under {@code layers}: a fragment shader drawn into an image of its
 * own, composited over the layers before it.
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
 */
public record LayerSpec(String name, Path shader, BlendMode blend, float opacity, boolean feedback,
                        TargetFormat format, double scale) {

    public LayerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shader, "shader");
        Objects.requireNonNull(blend, "blend");
        Objects.requireNonNull(format, "format");
    }
}
