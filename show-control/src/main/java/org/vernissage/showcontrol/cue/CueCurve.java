package org.vernissage.showcontrol.cue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The shape of a fade: how far along (0..1) a fade is at a fraction {@code u} (0..1) of its time.
 * Each curve starts at 0 and ends at 1; {@link #maxSlope()} bounds how far it may move per unit of
 * {@code u}, so a test can check that no frame of a fade steps further than its slope allows.
 *
 * <p>Stateless; any thread. The names are those of {@code cues.json} and of the control
 * dictionary's fade command.
 */
public enum CueCurve {
    LINEAR("linear", 1f),
    /** Slow start: u squared. */
    EASE_IN("ease-in", 2f),
    /** Slow end: 1 - (1 - u) squared. */
    EASE_OUT("ease-out", 2f),
    /** Slow at both ends (QLab's S-curve): 3u^2 - 2u^3. */
    SMOOTHSTEP("smoothstep", 1.5f);

    private final String fileName;
    private final float maxSlope;

    CueCurve(String fileName, float maxSlope) {
        this.fileName = fileName;
        this.maxSlope = maxSlope;
    }

    /** How far along the fade is at fraction {@code u} of its time (u clamped to 0..1). */
    public float at(double u) {
        double x = u <= 0 ? 0 : u >= 1 ? 1 : u;
        double y = switch (this) {
            case LINEAR -> x;
            case EASE_IN -> x * x;
            case EASE_OUT -> 1 - (1 - x) * (1 - x);
            case SMOOTHSTEP -> x * x * (3 - 2 * x);
        };
        return (float) y;
    }

    /** The steepest the curve gets: d(at)/du never exceeds it. */
    public float maxSlope() {
        return maxSlope;
    }

    /** The name used in files and commands, e.g. "ease-in". */
    public String fileName() {
        return fileName;
    }

    /** The curve called {@code name} in a file or a command. */
    public static Optional<CueCurve> named(String name) {
        return Arrays.stream(values()).filter(c -> c.fileName.equals(name)).findFirst();
    }

    /** The names, for messages: "linear, ease-in, ease-out or smoothstep". */
    public static String names() {
        return "linear, ease-in, ease-out or smoothstep";
    }
}
