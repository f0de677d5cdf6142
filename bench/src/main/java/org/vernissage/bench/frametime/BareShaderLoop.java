package org.vernissage.bench.frametime;

import static org.lwjgl.opengl.GL33C.*;

import java.util.function.IntConsumer;

/**
 * The baseline: the least a program can do to show a fragment shader each frame, in plain LWJGL
 * calls. Its own RGBA8 framebuffer of the run's size, one vertex array, the program compiled from
 * the same vertex and fragment sources the engine runs; per frame: bind the framebuffer and
 * viewport, use the program, set {@code TIME} (frame / 60, as the engine's stepped pacer gives),
 * {@code RENDERSIZE} and {@code FRAMEINDEX}, draw three vertices, {@code glFinish}. The shader's
 * other uniforms are set once, to their defaults, by {@code constantUniforms}.
 *
 * <p>Render thread only (the thread the context is current on); owned by the benchmark.
 */
final class BareShaderLoop implements AutoCloseable {

    private static final double FRAMES_PER_SECOND = 60;

    private final int width;
    private final int height;
    private final int program;
    private final int framebuffer;
    private final int colorTexture;
    private final int vertexArray;
    private final int timeLocation;
    private final int renderSizeLocation;
    private final int frameIndexLocation;

    /**
     * @param constantUniforms sets, with the program in use, every uniform that does not change
     *                         per frame; given the program id
     */
    BareShaderLoop(String vertexSource, String fragmentSource, int width, int height, IntConsumer constantUniforms) {
        this.width = width;
        this.height = height;
        this.program = link(compile(GL_VERTEX_SHADER, vertexSource), compile(GL_FRAGMENT_SHADER, fragmentSource));
        glUseProgram(program);
        constantUniforms.accept(program);
        timeLocation = glGetUniformLocation(program, "TIME");
        renderSizeLocation = glGetUniformLocation(program, "RENDERSIZE");
        frameIndexLocation = glGetUniformLocation(program, "FRAMEINDEX");
        colorTexture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, colorTexture);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, (java.nio.ByteBuffer) null);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        framebuffer = glGenFramebuffers();
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colorTexture, 0);
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            throw new IllegalStateException("bare loop: incomplete framebuffer " + width + "x" + height);
        }
        vertexArray = glGenVertexArrays();
    }

    /**
     * Renders frames {@code first} to {@code first + frames - 1} as fast as it can, marking each
     * end in {@code intervals}.
     */
    void run(int first, int frames, FrameIntervals intervals) {
        for (int frame = first; frame < first + frames; frame++) {
            glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
            glViewport(0, 0, width, height);
            glUseProgram(program);
            glUniform1f(timeLocation, (float) (frame / FRAMES_PER_SECOND));
            glUniform2f(renderSizeLocation, width, height);
            glUniform1i(frameIndexLocation, frame);
            glBindVertexArray(vertexArray);
            glDrawArrays(GL_TRIANGLES, 0, 3);
            glFinish();
            intervals.frameEnded();
        }
    }

    private static int compile(int kind, String source) {
        int shader = glCreateShader(kind);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == GL_FALSE) {
            throw new IllegalStateException("bare loop: the shader does not compile: " + glGetShaderInfoLog(shader));
        }
        return shader;
    }

    private static int link(int vertex, int fragment) {
        int linked = glCreateProgram();
        glAttachShader(linked, vertex);
        glAttachShader(linked, fragment);
        glLinkProgram(linked);
        glDeleteShader(vertex);
        glDeleteShader(fragment);
        if (glGetProgrami(linked, GL_LINK_STATUS) == GL_FALSE) {
            throw new IllegalStateException("bare loop: the program does not link: " + glGetProgramInfoLog(linked));
        }
        return linked;
    }

    @Override
    public void close() {
        glDeleteVertexArrays(vertexArray);
        glDeleteFramebuffers(framebuffer);
        glDeleteTextures(colorTexture);
        glDeleteProgram(program);
    }
}
