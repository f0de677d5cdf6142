package org.vernissage.shaders.isf;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of ISF input, as named by an input's {@code TYPE}. The first six become parameters
 * that consoles move; the last three are images a shader samples.
 *
 * <p>Immutable.
 */
public enum IsfInputType {
    EVENT("event", "bool"),
    BOOL("bool", "bool"),
    LONG("long", "int"),
    FLOAT("float", "float"),
    POINT2D("point2D", "vec2"),
    COLOR("color", "vec4"),
    IMAGE("image", "sampler2D"),
    AUDIO("audio", "sampler2D"),
    AUDIO_FFT("audioFFT", "sampler2D");

    private final String isfName;
    private final String glslType;

    IsfInputType(String isfName, String glslType) {
        this.isfName = isfName;
        this.glslType = glslType;
    }

    /** The name in an ISF header's {@code TYPE}. */
    public String isfName() {
        return isfName;
    }

    /** The uniform's GLSL type. */
    public String glslType() {
        return glslType;
    }

    /** True for inputs that are textures (image, audio, audioFFT) rather than values. */
    public boolean isImage() {
        return glslType.equals("sampler2D");
    }

    public static Optional<IsfInputType> fromIsfName(String name) {
        return Arrays.stream(values()).filter(type -> type.isfName.equals(name)).findFirst();
    }

    /** Every accepted name, for messages. */
    public static String isfNames() {
        return Arrays.stream(values()).map(IsfInputType::isfName).collect(Collectors.joining(", "));
    }
}
