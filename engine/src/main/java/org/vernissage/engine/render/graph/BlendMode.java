package org.vernissage.engine.render.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a layer's colour combines with what the layers below it made (the backdrop). Each mode has a
 * stable integer code: the value of a layer's {@code <layer>_blend} parameter, which OSC, sensors
 * and cues send, and which journals keep; the codes never change meaning.
 *
 * <p>Formulas are per channel on the values the shaders write (sRGB-encoded, as VJ tools and
 * image editors blend), with {@code b} the backdrop and {@code s} the layer; the result is then
 * mixed over the backdrop by the layer's opacity times its alpha. The GLSL of each is in
 * {@link Compositor}.
 *
 * <p>Immutable.
 */
public enum BlendMode {
    /** {@code s}. */
    NORMAL(0, "normal"),
    /** {@code b + s}. */
    ADD(1, "add"),
    /** {@code b * s}. */
    MULTIPLY(2, "multiply"),
    /** {@code b + s - b * s}. */
    SCREEN(3, "screen"),
    /** {@code max(b, s)}. */
    LIGHTEN(4, "lighten"),
    /** {@code min(b, s)}. */
    DARKEN(5, "darken"),
    /** {@code |b - s|}. */
    DIFFERENCE(6, "difference"),
    /** {@code b < 0.5 ? 2 b s : 1 - 2 (1 - b)(1 - s)}. */
    OVERLAY(7, "overlay"),
    /** {@code max(b - s, 0)}. */
    SUBTRACT(8, "subtract"),
    /** {@code b + s - 2 b s}. */
    EXCLUSION(9, "exclusion");

    private final int code;
    private final String manifestName;

    BlendMode(int code, String manifestName) {
        this.code = code;
        this.manifestName = manifestName;
    }

    /** The stable code: what the {@code _blend} parameter holds. */
    public int code() {
        return code;
    }

    /** The name an {@code artwork.json} writes, e.g. {@code "screen"}. */
    public String manifestName() {
        return manifestName;
    }

    /** The largest code, the {@code _blend} parameter's maximum. */
    public static int maxCode() {
        return values().length - 1;
    }

    /** Every manifest name, in code order, for messages. */
    public static List<String> manifestNames() {
        return Arrays.stream(values()).map(BlendMode::manifestName).toList();
    }

    public static Optional<BlendMode> fromManifestName(String name) {
        return Arrays.stream(values()).filter(m -> m.manifestName.equals(name)).findFirst();
    }
}
