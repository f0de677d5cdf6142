package org.vernissage.engine.artwork;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vernissage.engine.param.ParameterSpec;

/**
 * Reads the manifest's {@code osc} array into {@link OscBindingSpec}s, checking each address and
 * resolving each binding against the declared parameters (name, component, input range).
 *
 * <p>Used on the loading thread only. Holds no shared state: one instance per load.
 */
final class OscBindingReader {

    private static final List<String> FIELDS = List.of("address", "parameter", "component", "input");

    private final Map<String, ParameterSpec> parameters = new LinkedHashMap<>();
    private final FirstUses addresses = new FirstUses();

    /** A reader for bindings to the parameters {@code declared} by the same manifest. */
    OscBindingReader(List<ParameterSpec> declared) {
        for (ParameterSpec spec : declared) {
            parameters.put(spec.name(), spec);
        }
    }

    /** The bindings declared in the top-level object {@code top}; empty when there are none. */
    List<OscBindingSpec> readAll(ManifestFields top) throws ManifestException {
        return top.optionalObjects("osc", "an array of bindings [ {\"address\": ...} ]",
                "a binding object {\"address\": ...}", this::read);
    }

    private OscBindingSpec read(ManifestFields f) throws ManifestException {
        f.allowOnly(FIELDS);
        String address = address(f);
        ParameterSpec parameter = parameter(f);
        int components = parameter.type().components();
        String expected = "an integer from 0 to " + (components - 1) + " (" + parameter.name() + " is a "
                + parameter.type().manifestName() + " with " + components + " component"
                + (components == 1 ? "" : "s") + ")";
        int component = f.optionalInt("component", 0, components - 1, 0, expected);
        float[] input = input(f, parameter);
        return new OscBindingSpec(address, parameter.name(), component, input[0], input[1]);
    }

    private String address(ManifestFields f) throws ManifestException {
        String expected = "a literal OSC address like \"/vernissage/piece/energy\"";
        JsonNode value = f.required("address", expected);
        if (!value.isTextual()) {
            throw f.error("address", expected, Found.json(value));
        }
        String address = value.textValue();
        String problem = OscAddresses.problemWith(address);
        if (problem != null) {
            throw f.error("address", expected, Found.json(value) + " (" + problem + ")");
        }
        addresses.claim(f, "address", address, "an address no other binding uses", Found.json(value),
                "already bound by");
        return address;
    }

    private ParameterSpec parameter(ManifestFields f) throws ManifestException {
        String declared = parameters.isEmpty() ? "none are declared" : String.join(", ", parameters.keySet());
        String expected = "the name of a declared parameter (" + declared + ")";
        JsonNode value = f.required("parameter", expected);
        ParameterSpec spec = value.isTextual() ? parameters.get(value.textValue()) : null;
        if (spec == null) {
            String hint = value.isTextual()
                    ? Suggestion.of(value.textValue(), List.copyOf(parameters.keySet())) : "";
            throw f.error("parameter", expected, Found.json(value) + hint);
        }
        return spec;
    }

    private static float[] input(ManifestFields f, ParameterSpec parameter) throws ManifestException {
        String expected = "[lo, hi]: two numbers with lo != hi";
        JsonNode value = f.get("input");
        if (value == null) {
            if (parameter.min() == parameter.max()) {
                // The default maps the parameter's own range, which is empty here.
                throw f.error("input", expected + " (" + parameter.name() + " has min == max, so an input"
                        + " range must be given)", Found.MISSING);
            }
            return new float[] {parameter.min(), parameter.max()};
        }
        if (!value.isArray() || value.size() != 2 || !ManifestFields.isFiniteNumber(value.get(0))
                || !ManifestFields.isFiniteNumber(value.get(1))) {
            throw f.error("input", expected, Found.json(value));
        }
        float lo = (float) value.get(0).doubleValue();
        float hi = (float) value.get(1).doubleValue();
        if (lo == hi) {
            throw f.error("input", expected, Found.json(value));
        }
        return new float[] {lo, hi};
    }
}
