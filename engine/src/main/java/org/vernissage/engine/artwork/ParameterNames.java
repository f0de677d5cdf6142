package org.vernissage.engine.artwork;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules for a parameter's {@code name}: the shader declares it as a uniform, so it must be a
 * GLSL identifier that GLSL and the engine do not reserve, and unique within the manifest.
 *
 * <p>Used on the loading thread only. Holds no shared state: one instance per load remembers the
 * names seen so far in that load.
 */
final class ParameterNames {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Uniforms the engine itself sets on every shader; a parameter may not shadow them. */
    private static final List<String> ENGINE_UNIFORMS = List.of("TIME", "RENDERSIZE", "FRAMEINDEX");

    private final FirstUses seen = new FirstUses();

    /** The {@code name} field of the parameter object {@code f}, checked. */
    String read(ManifestFields f) throws ManifestException {
        String expected = "a GLSL identifier (letters, digits, _; not starting with a digit)";
        JsonNode value = f.required("name", expected);
        if (!value.isTextual() || !IDENTIFIER.matcher(value.textValue()).matches()) {
            throw f.error("name", expected, Found.json(value));
        }
        String name = value.textValue();
        checkNotReserved(f, name);
        seen.claim(f, "name", name, "a name no other parameter uses", Found.json(value), "already the name of");
        return name;
    }

    private static void checkNotReserved(ManifestFields f, String name) throws ManifestException {
        String expected = "a name the shader may declare";
        if (name.startsWith("gl_")) {
            throw f.error("name", expected, "\"" + name + "\" (names starting with gl_ are reserved by GLSL)");
        }
        if (name.contains("__")) {
            throw f.error("name", expected, "\"" + name + "\" (names containing __ are reserved by GLSL)");
        }
        if (GlslKeywords.contains(name)) {
            throw f.error("name", expected, "\"" + name + "\" (a reserved GLSL keyword)");
        }
        if (ENGINE_UNIFORMS.contains(name)) {
            throw f.error("name", expected, "\"" + name + "\" (reserved: the engine sets the uniform "
                    + name + " itself; its built-ins are " + String.join(", ", ENGINE_UNIFORMS) + ")");
        }
    }
}
