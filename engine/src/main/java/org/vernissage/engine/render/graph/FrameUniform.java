package org.vernissage.engine.render.graph;

import static org.lwjgl.opengl.GL20C.GL_FLOAT;
import static org.lwjgl.opengl.GL20C.GL_FLOAT_VEC2;
import static org.lwjgl.opengl.GL20C.GL_FLOAT_VEC3;
import static org.lwjgl.opengl.GL20C.GL_FLOAT_VEC4;
import static org.lwjgl.opengl.GL20C.glUniform1f;
import static org.lwjgl.opengl.GL20C.glUniform2f;
import static org.lwjgl.opengl.GL20C.glUniform3f;
import static org.lwjgl.opengl.GL20C.glUniform4f;

/**
 * A uniform a Java artwork sets every frame from its own state (a simulation's value, a smoothed
 * parameter): declared once on a node through {@link GraphBuilder.NodeBuilder#uniform}, then
 * {@code set} in the artwork's update; the node applies the latest value when it draws. A float
 * or a vecN of 1 to 4 components, checked against the shader's declaration at setup.
 *
 * <p>Render thread only; owned by the Java artwork that declared it. Setting allocates nothing.
 */
public final class FrameUniform {

    private final String name;
    private final int components;
    private final float[] value = new float[4];

    FrameUniform(String name, int components) {
        if (components < 1 || components > 4) {
            throw new IllegalArgumentException("uniform '" + name + "': 1 to 4 components, got " + components);
        }
        this.name = name;
        this.components = components;
    }

    public String name() {
        return name;
    }

    public int components() {
        return components;
    }

    public void set(float x) {
        value[0] = x;
    }

    public void set(float x, float y) {
        value[0] = x;
        value[1] = y;
    }

    public void set(float x, float y, float z) {
        value[0] = x;
        value[1] = y;
        value[2] = z;
    }

    public void set(float x, float y, float z, float w) {
        value[0] = x;
        value[1] = y;
        value[2] = z;
        value[3] = w;
    }

    /** Component {@code component} of the latest value. */
    public float get(int component) {
        return value[component];
    }

    /** The GL type a shader must declare it with. */
    int glType() {
        return switch (components) {
            case 1 -> GL_FLOAT;
            case 2 -> GL_FLOAT_VEC2;
            case 3 -> GL_FLOAT_VEC3;
            default -> GL_FLOAT_VEC4;
        };
    }

    /** The GLSL spelling, for messages. */
    String glslType() {
        return components == 1 ? "float" : "vec" + components;
    }

    /** Sets the uniform at {@code location} of the program in use. */
    void apply(int location) {
        switch (components) {
            case 1 -> glUniform1f(location, value[0]);
            case 2 -> glUniform2f(location, value[0], value[1]);
            case 3 -> glUniform3f(location, value[0], value[1], value[2]);
            default -> glUniform4f(location, value[0], value[1], value[2], value[3]);
        }
    }
}
