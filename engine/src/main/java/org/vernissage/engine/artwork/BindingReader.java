package org.vernissage.engine.artwork;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.InputSelector;
import org.vernissage.engine.param.ParameterSpec;

/**
 * Reads the manifest's binding arrays ({@code osc}, {@code midi}, {@code audio}, {@code phones}),
 * in that order, into {@link BindingSpec}s: each binding's source-specific selector (through its
 * {@link SelectorReader}), its target (parameter and component) and its conditioning. The order
 * fixes each binding's channel number.
 *
 * <p>Used on the loading thread only. Holds no shared state: one instance per load.
 */
final class BindingReader {

    /** The sources, in channel order. */
    static final List<SelectorReader> SOURCES = List.of(new OscSelectorReader(), new MidiSelectorReader(),
            new AudioSelectorReader(), new PhoneSelectorReader());

    private final Map<String, ParameterSpec> parameters = new LinkedHashMap<>();
    private final FirstUses targets = new FirstUses();

    /** A reader for bindings to the parameters {@code declared} by the same manifest. */
    BindingReader(List<ParameterSpec> declared) {
        for (ParameterSpec spec : declared) {
            parameters.put(spec.name(), spec);
        }
    }

    /** The names of the top-level arrays this reader owns. */
    static List<String> arrayNames() {
        List<String> names = new ArrayList<>();
        for (SelectorReader source : SOURCES) {
            names.add(source.arrayName());
        }
        return names;
    }

    /** Every binding the top-level object {@code top} declares, in channel order. */
    List<BindingSpec> readAll(ManifestFields top) throws ManifestException {
        List<BindingSpec> bindings = new ArrayList<>();
        for (SelectorReader source : SOURCES) {
            bindings.addAll(top.optionalObjects(source.arrayName(),
                    "an array of bindings [ " + source.example() + " ]",
                    "a binding object " + source.example(), f -> read(f, source)));
        }
        return bindings;
    }

    private BindingSpec read(ManifestFields f, SelectorReader source) throws ManifestException {
        List<String> allowed = new ArrayList<>(source.fields());
        allowed.add("parameter");
        allowed.add("component");
        allowed.addAll(ConditioningReader.FIELDS);
        f.allowOnly(allowed);
        InputSelector selector = source.read(f);
        ParameterSpec parameter = parameter(f);
        int component = component(f, parameter);
        // The same signal driving the same component twice is a copy-paste slip, never a design.
        targets.claim(f, "parameter", selector.describe() + " -> " + parameter.name() + "[" + component + "]",
                "a signal and component no other binding uses", Found.json(f.get("parameter")),
                "the same signal already drives it in");
        ConditioningSpec conditioning = new ConditioningReader(f, parameter, selector.naturalRange()).read();
        return new BindingSpec(selector, parameter.name(), component, conditioning);
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

    private static int component(ManifestFields f, ParameterSpec parameter) throws ManifestException {
        int components = parameter.type().components();
        String expected = "an integer from 0 to " + (components - 1) + " (" + parameter.name() + " is a "
                + parameter.type().manifestName() + " with " + components + " component"
                + (components == 1 ? "" : "s") + ")";
        return f.optionalInt("component", 0, components - 1, 0, expected);
    }
}
