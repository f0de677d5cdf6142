package org.vernissage.engine.param;

import java.util.Locale;
import java.util.Optional;

/**
 * The types a declared parameter may have, each with the number of float components it occupies
 * in a snapshot and the GLSL type of the uniform it drives.
 *
 * <p>Immutable; shared by all threads.
 */
public enum ParameterType {
    FLOAT(1, "float"),
    INT(1, "int"),
    BOOL(1, "bool"),
    VEC2(2, "vec2"),
    VEC3(3, "vec3"),
    /** An RGBA colour, components in 0..1, driving a {@code vec4} uniform. */
    COLOR(4, "vec4"),
    /**
     * A trigger (ISF's {@code event}): its value counts the triggers so far, the conductor adding
     * one per message, so that no trigger is lost between two frames and a replay sees the same
     * ones. A shader sees a {@code bool} that is true in the first frame drawn after the count
     * changed, false otherwise.
     */
    EVENT(1, "bool");

    private final int components;
    private final String glslType;

    ParameterType(int components, String glslType) {
        this.components = components;
        this.glslType = glslType;
    }

    /** How many float slots a value of this type occupies in a snapshot. */
    public int components() {
        return components;
    }

    /** The GLSL type of the uniform this parameter must be declared as. */
    public String glslType() {
        return glslType;
    }

    /** The name used in manifests, e.g. {@code "float"} or {@code "color"}. */
    public String manifestName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a manifest type name; empty when the name is not a known type. */
    public static Optional<ParameterType> fromManifestName(String name) {
        for (ParameterType type : values()) {
            if (type.manifestName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The manifest names of all types, for error messages. */
    public static String manifestNames() {
        StringBuilder names = new StringBuilder();
        for (ParameterType type : values()) {
            if (!names.isEmpty()) {
                names.append(", ");
            }
            names.append(type.manifestName());
        }
        return names.toString();
    }
}
