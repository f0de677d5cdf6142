package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL30C.*;

/**
 * Draws one triangle that covers the whole frame, its corners made from {@code gl_VertexID}: no
 * vertex buffer to upload. A core profile still needs a vertex array object bound to draw.
 *
 * <p>Render thread only; owned by the artwork that draws with it.
 */
public final class FullscreenTriangle implements AutoCloseable {

    /**
     * The vertex shader every fragment-shader artwork runs with. It hands the fragment shader
     * {@code isf_FragNormCoord}, the pixel's position in 0..1 (the ISF convention).
     */
    public static final String VERTEX_SHADER = """
            #version 330 core
            out vec2 isf_FragNormCoord;
            void main() {
                vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
                isf_FragNormCoord = corner;
                gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
            }
            """;

    private final int vertexArray = glGenVertexArrays();

    public void draw() {
        glBindVertexArray(vertexArray);
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }

    @Override
    public void close() {
        glDeleteVertexArrays(vertexArray);
    }
}
