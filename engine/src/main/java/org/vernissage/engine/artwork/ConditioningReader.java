package org.vernissage.engine.artwork;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.Curve;
import org.vernissage.engine.binding.IdleSpec;
import org.vernissage.engine.binding.OneEuroSpec;
import org.vernissage.engine.param.ParameterSpec;

/**
 * Reads how one binding conditions its signal: {@code input} and {@code output} ranges,
 * {@code clamp}, {@code curve}, {@code deadZone}, {@code smoothing} (One Euro), {@code rateLimit}
 * and {@code idle}. What each means, and the order they apply in, is {@link ConditioningSpec}'s.
 *
 * <p>Used on the loading thread only. Holds no shared state: one instance per binding.
 */
final class ConditioningReader {

    /** The binding fields this reader owns. */
    static final List<String> FIELDS =
            List.of("input", "output", "clamp", "curve", "deadZone", "smoothing", "rateLimit", "idle");

    private static final double MAX_SECONDS = 24 * 3600;
    private static final double MAX_HZ = 1000;

    private final ManifestFields f;
    private final ParameterSpec parameter;
    private final float[] naturalRange;

    /**
     * @param naturalRange the source's own raw range (MIDI 0..127 ...), or null when the
     *     parameter's range is the natural default
     */
    ConditioningReader(ManifestFields binding, ParameterSpec parameter, float[] naturalRange) {
        this.f = binding;
        this.parameter = parameter;
        this.naturalRange = naturalRange;
    }

    ConditioningSpec read() throws ManifestException {
        float[] input = input();
        float[] output = range("output", "[lo, hi]: two numbers, in " + parameter.name() + "'s units",
                new float[] {parameter.min(), parameter.max()}, true);
        boolean clamp = f.optionalBoolean("clamp", true);
        float exponent = 1;
        Curve curve = Curve.LINEAR;
        JsonNode curveValue = f.get("curve");
        if (curveValue != null && curveValue.isNumber()) {
            exponent = (float) f.requiredNumber("curve", 1e-3, 1e3, "an exponent from 0.001 to 1000 (or a curve name)");
            curve = Curve.POWER;
        } else if (curveValue != null) {
            curve = Curve.values()[f.choice("curve", curveNames(), -1)];
        }
        float[] deadZone = deadZone();
        return new ConditioningSpec(input[0], input[1], output[0], output[1], clamp, curve, exponent,
                deadZone[0], deadZone[1], smoothing(), rateLimit(), idle());
    }

    private float[] input() throws ManifestException {
        String expected = "[lo, hi]: two numbers with lo != hi";
        if (!f.has("input") && naturalRange == null && parameter.min() == parameter.max()) {
            // The default maps the parameter's own range, which is empty here.
            throw f.error("input", expected + " (" + parameter.name() + " has min == max, so an input"
                    + " range must be given)", Found.MISSING);
        }
        float[] fallback = naturalRange != null ? naturalRange : new float[] {parameter.min(), parameter.max()};
        return range("input", expected, fallback, false);
    }

    private float[] range(String field, String expected, float[] fallback, boolean mayBeEqual)
            throws ManifestException {
        JsonNode value = f.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isArray() || value.size() != 2 || !ManifestFields.isFiniteNumber(value.get(0))
                || !ManifestFields.isFiniteNumber(value.get(1))) {
            throw f.error(field, expected, Found.json(value));
        }
        float lo = (float) value.get(0).doubleValue();
        float hi = (float) value.get(1).doubleValue();
        if (lo == hi && !mayBeEqual) {
            throw f.error(field, expected, Found.json(value));
        }
        return new float[] {lo, hi};
    }

    private static List<String> curveNames() {
        List<String> names = new ArrayList<>();
        for (Curve curve : Curve.values()) {
            if (curve != Curve.POWER) {
                names.add(curve.manifestName());
            }
        }
        return names;
    }

    /** {centre, width}: a number is a width around 0; an object gives both. */
    private float[] deadZone() throws ManifestException {
        String widthExpected = "a width from 0 to 0.99 of the normalised input";
        JsonNode value = f.get("deadZone");
        if (value == null) {
            return new float[] {0, 0};
        }
        if (value.isNumber()) {
            return new float[] {0, (float) f.requiredNumber("deadZone", 0, 0.99, widthExpected)};
        }
        ManifestFields zone = f.optionalObject("deadZone",
                "a width, or {\"center\": 0.5, \"width\": 0.1} in normalised input units");
        zone.allowOnly(List.of("center", "width"));
        float center = (float) zone.optionalNumber("center", 0, 1, 0, "a centre from 0 to 1");
        float width = (float) zone.requiredNumber("width", 0, 0.99, widthExpected);
        return new float[] {center, width};
    }

    private Optional<OneEuroSpec> smoothing() throws ManifestException {
        ManifestFields s = f.optionalObject("smoothing",
                "a One Euro filter {\"minCutoff\": 1.0, \"beta\": 0.01} (Hz, and per normalised unit/s)");
        if (s == null) {
            return Optional.empty();
        }
        s.allowOnly(List.of("minCutoff", "beta", "derivativeCutoff"));
        String hz = "a cutoff frequency in Hz, from 0.001 to " + (int) MAX_HZ;
        double minCutoff = s.requiredNumber("minCutoff", 1e-3, MAX_HZ, hz);
        double beta = s.optionalNumber("beta", 0, 1e6, 0, "a number >= 0 (0: a plain low-pass)");
        double derivativeCutoff = s.optionalNumber("derivativeCutoff", 1e-3, MAX_HZ, 1, hz);
        return Optional.of(new OneEuroSpec(minCutoff, beta, derivativeCutoff));
    }

    private float rateLimit() throws ManifestException {
        return (float) f.optionalNumber("rateLimit", 1e-6, 1e6, 0,
                "a number > 0: how much of the full range the value may move per second");
    }

    private Optional<IdleSpec> idle() throws ManifestException {
        ManifestFields idle = f.optionalObject("idle",
                "{\"after\": 30, \"value\": 0.2, \"ease\": 5} (seconds, the parameter's units, seconds)");
        if (idle == null) {
            return Optional.empty();
        }
        idle.allowOnly(List.of("after", "value", "ease"));
        double after = idle.requiredNumber("after", 1e-3, MAX_SECONDS,
                "seconds of silence before easing to the idle value, from 0.001 to " + (long) MAX_SECONDS);
        float lo = Math.min(parameter.min(), parameter.max());
        float hi = Math.max(parameter.min(), parameter.max());
        float value = (float) idle.requiredNumber("value", lo, hi,
                "a value of " + parameter.name() + " from " + lo + " to " + hi);
        double ease = idle.optionalNumber("ease", 0, MAX_SECONDS, 2, "seconds to ease over, from 0");
        return Optional.of(new IdleSpec(after, value, ease));
    }
}
