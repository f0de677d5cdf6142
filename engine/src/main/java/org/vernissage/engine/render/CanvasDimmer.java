package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL30C.*;

import java.util.function.UnaryOperator;

/**
 * Darkens the finished canvas to a level (a fade to or from standby): one fullscreen draw whose
 * blending multiplies what is there by the level ({@code glBlendColor}, no texture read). Nothing
 * is drawn at level 1, so a work that never closes pays nothing; the program is built on first use.
 *
 * <p>Render thread only; owned by the render loop.
 */
final class CanvasDimmer implements AutoCloseable {

    private static final String FRAGMENT = """
            #version 330 core
            out vec4 colour;
            void main() {
                colour = vec4(0.0);
            }
            """;

    private ShaderProgram program;
    private FullscreenTriangle triangle;

    /** Multiplies every pixel of {@code canvas} (bound) by {@code level}, 0 to 1. */
    void dim(RenderTarget canvas, float level) {
        if (program == null) {
            try {
                program = ShaderProgram.build(FullscreenTriangle.VERTEX_SHADER, FRAGMENT, "the engine's dimmer",
                        UnaryOperator.identity());
            } catch (ShaderBuildException e) {
                throw new IllegalStateException("the engine's own dimmer did not compile: " + e.getMessage(), e);
            }
            triangle = new FullscreenTriangle();
        }
        glViewport(0, 0, canvas.width(), canvas.height());
        glEnable(GL_BLEND);
        glBlendColor(level, level, level, level);
        glBlendFunc(GL_ZERO, GL_CONSTANT_COLOR); // destination x level; the source adds nothing
        program.use();
        triangle.draw();
        glDisable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ZERO);
    }

    @Override
    public void close() {
        if (program != null) {
            program.close();
            triangle.close();
        }
    }
}
