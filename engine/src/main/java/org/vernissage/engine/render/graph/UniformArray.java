package org.vernissage.engine.render.graph;

import static org.lwjgl.opengl.GL20C.GL_FLOAT_VEC4;
import static org.lwjgl.opengl.GL20C.glUniform4fv;

/**
 * A {@code uniform vec4 NAME[N]} a Java artwork fills (a network's weights, a palette): declared
 * once on a node through {@link GraphBuilder.NodeBuilder#uniformArray}, {@link #set} whenever the
 * artwork has new values (on the render thread, e.g. in its update), applied by the node every
 * frame it draws. The shader must declare exactly {@code N} elements (checked at setup, with the
 * driver's limit on uniform vectors named when the array is too long for it).
 *
 * <p>Render thread only; owned by the Java artwork that declared it. Setting and applying allocate
 * nothing.
 */
public final class UniformArray {

    private final String name;
    private final float[] values;

    UniformArray(String name, int vec4Count) {
        if (vec4Count < 1 || vec4Count > 16_384) {
            throw new IllegalArgumentException("uniform array '" + name + "': 1 to 16384 vec4s, got " + vec4Count);
        }
        this.name = name;
        this.values = new float[4 * vec4Count];
    }

    public String name() {
        return name;
    }

    /** How many vec4s the shader declares. */
    public int length() {
        return values.length / 4;
    }

    /** Copies {@code source} (exactly {@code 4 * length()} floats) in. */
    public void set(float[] source) {
        if (source.length != values.length) {
            throw new IllegalArgumentException("uniform array '" + name + "' takes " + values.length
                    + " floats (" + length() + " vec4s), got " + source.length);
        }
        System.arraycopy(source, 0, values, 0, values.length);
    }

    /** Component {@code i} of the flat array. */
    public float get(int i) {
        return values[i];
    }

    int glType() {
        return GL_FLOAT_VEC4;
    }

    /** Sets the array at {@code location} of the program in use. */
    void apply(int location) {
        glUniform4fv(location, values);
    }
}
