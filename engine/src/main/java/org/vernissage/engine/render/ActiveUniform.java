package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL20C.*;

/**
 * A uniform the linked program really uses, as the driver reports it (unused declarations are
 * optimised away and never appear).
 *
 * <p>Immutable; read at setup on the render thread.
 *
 * @param glType the GL type enum, e.g. {@code GL_FLOAT_VEC2}
 * @param size the array length, 1 for a plain uniform
 */
public record ActiveUniform(String name, int glType, int size, int location) {

    /** The GLSL spelling of {@link #glType}, for messages; {@code "other"} for types we never bind. */
    public String glslType() {
        return glslTypeOf(glType);
    }

    static String glslTypeOf(int glType) {
        return switch (glType) {
            case GL_FLOAT -> "float";
            case GL_FLOAT_VEC2 -> "vec2";
            case GL_FLOAT_VEC3 -> "vec3";
            case GL_FLOAT_VEC4 -> "vec4";
            case GL_INT -> "int";
            case GL_BOOL -> "bool";
            case GL_SAMPLER_2D -> "sampler2D";
            default -> "other (GL type 0x" + Integer.toHexString(glType) + ")";
        };
    }
}
