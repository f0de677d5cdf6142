package org.vernissage.engine.render.graph;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A uniform block a Java artwork fills from its own state (a network's weights, a palette, a
 * simulation's constants) and a node's shader reads as
 * {@code layout(std140) uniform NAME { vec4 values[N]; };}: declared once on a shader node through
 * {@link GraphBuilder.NodeBuilder#uniformBlock}, then written in the artwork's update (into
 * {@link #values()}, followed by {@link #changed()}). The node owns the GL buffer and copies the
 * values into it before it draws, only after a change, so a block that stays the same costs one
 * bind per frame. Its size is checked against the shader's declaration at setup.
 *
 * <p>Vec4s because std140 pads every array element to 16 bytes: an array of vec4s is the one
 * layout in which the Java array and the buffer have the same bytes, on every driver. At most
 * {@link #MAX_VEC4S} (16 KiB, the size every GL 3.1+ driver must accept).
 *
 * <p>Render thread only; owned by the Java artwork that declared it. Writing allocates nothing.
 */
public final class FrameBlock {

    /** 16 KiB: the smallest {@code GL_MAX_UNIFORM_BLOCK_SIZE} OpenGL allows. */
    public static final int MAX_VEC4S = 1024;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String name;
    private final int vec4s;
    private final float[] values;
    private int version;

    FrameBlock(String name, int vec4s) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a uniform block's name is a GLSL identifier, got '" + name + "'");
        }
        if (vec4s < 1 || vec4s > MAX_VEC4S) {
            throw new IllegalArgumentException("uniform block '" + name + "': 1 to " + MAX_VEC4S + " vec4s, got "
                    + vec4s);
        }
        this.name = name;
        this.vec4s = vec4s;
        this.values = new float[4 * vec4s];
    }

    /** The block's name in the shader. */
    public String name() {
        return name;
    }

    /** How many vec4s the block holds. */
    public int vec4s() {
        return vec4s;
    }

    /** The bytes the shader's block must take: 16 per vec4. */
    public int bytes() {
        return 16 * vec4s;
    }

    /**
     * The block's values, 4 per vec4 (element i's component c at {@code 4 * i + c}): the artwork
     * writes into this array, then calls {@link #changed()}.
     */
    public float[] values() {
        return values;
    }

    /** Copies {@code from} (exactly {@code 4 * vec4s()} floats) into the block and marks it changed. */
    public void set(float[] from) {
        if (from.length != values.length) {
            throw new IllegalArgumentException("uniform block '" + name + "' holds " + values.length
                    + " floats, got " + from.length);
        }
        System.arraycopy(from, 0, values, 0, values.length);
        changed();
    }

    /** Says the values changed: the node copies them to the GPU before it next draws. */
    public void changed() {
        version++;
    }

    /** Counts the changes: the node compares it with the version it last copied. */
    int version() {
        return version;
    }

    @Override
    public String toString() {
        return "FrameBlock[" + name + ", " + vec4s + " vec4s, first " + Arrays.toString(Arrays.copyOf(values,
                Math.min(4, values.length))) + "]";
    }
}
