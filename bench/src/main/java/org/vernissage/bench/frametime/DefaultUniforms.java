package org.vernissage.bench.frametime;

import static org.lwjgl.opengl.GL20C.glGetUniformLocation;
import static org.lwjgl.opengl.GL20C.glUniform1f;
import static org.lwjgl.opengl.GL20C.glUniform1i;
import static org.lwjgl.opengl.GL20C.glUniform2f;
import static org.lwjgl.opengl.GL20C.glUniform3f;
import static org.lwjgl.opengl.GL20C.glUniform4f;

import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;

/**
 * Sets each parameter's uniform to its default, once, for the bare loop (the engine sets them
 * every frame from the snapshot). Render thread, with the program in use.
 */
final class DefaultUniforms {

    private DefaultUniforms() {
    }

    static void set(int program, ParameterLayout layout) {
        for (ParameterSpec spec : layout.specs()) {
            int location = glGetUniformLocation(program, spec.name());
            float[] v = spec.defaultValue();
            switch (spec.type()) {
                case FLOAT -> glUniform1f(location, v[0]);
                case INT -> glUniform1i(location, Math.round(v[0]));
                case BOOL -> glUniform1i(location, v[0] >= 0.5f ? 1 : 0);
                case EVENT -> glUniform1i(location, 0);
                case VEC2 -> glUniform2f(location, v[0], v[1]);
                case VEC3 -> glUniform3f(location, v[0], v[1], v[2]);
                case COLOR -> glUniform4f(location, v[0], v[1], v[2], v[3]);
            }
        }
    }
}
