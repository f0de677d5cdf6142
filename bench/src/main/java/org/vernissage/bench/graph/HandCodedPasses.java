package org.vernissage.bench.graph;

import static org.lwjgl.opengl.GL30C.*;

import java.nio.ByteBuffer;
import org.vernissage.engine.render.FullscreenTriangle;

/**
 * The benchmark's baseline: the same four passes as the render graph, written as a programmer
 * would by hand in a bare LWJGL loop: programs, textures and framebuffers made once, uniform
 * locations looked up once, and per frame the ping-pong swap, four draws, and one copy draw of the
 * colour pass onto the canvas (the graph's compositor does that draw with one layer at normal,
 * opacity 1). Uses no engine class beyond the fullscreen triangle's vertex shader text.
 *
 * <p>Render thread only, with the GL context current; owned by {@link GraphFrameTime}.
 */
final class HandCodedPasses implements AutoCloseable {

    private static final String COPY = """
            #version 330 core
            in vec2 isf_FragNormCoord;
            uniform sampler2D image;
            out vec4 fragColor;
            void main() { fragColor = texture(image, isf_FragNormCoord); }
            """;

    private final int width;
    private final int height;
    private final int vertexArray = glGenVertexArrays();
    private final int sim;
    private final int blurX;
    private final int blurY;
    private final int color;
    private final int copy;
    private final int[] simTextures = new int[2];
    private final int[] simFramebuffers = new int[2];
    private final int blurXTexture;
    private final int blurXFramebuffer;
    private final int blurYTexture;
    private final int blurYFramebuffer;
    private final int colorTexture;
    private final int colorFramebuffer;
    private final int simFeedback;
    private final int simSize;
    private final int simTime;
    private final int blurXInput;
    private final int blurXSize;
    private final int blurYInput;
    private final int blurYSize;
    private final int colorBlur;
    private final int colorSim;
    private final int colorSize;
    private final int copyImage;
    private int current;

    HandCodedPasses(int width, int height) {
        this.width = width;
        this.height = height;
        sim = link(FeedbackPasses.SIM);
        blurX = link(FeedbackPasses.BLUR_X);
        blurY = link(FeedbackPasses.BLUR_Y);
        color = link(FeedbackPasses.COLOR);
        copy = link(COPY);
        for (int i = 0; i < 2; i++) {
            simTextures[i] = texture(GL_RGBA16F, GL_HALF_FLOAT);
            simFramebuffers[i] = framebuffer(simTextures[i]);
        }
        blurXTexture = texture(GL_RGBA16F, GL_HALF_FLOAT);
        blurXFramebuffer = framebuffer(blurXTexture);
        blurYTexture = texture(GL_RGBA16F, GL_HALF_FLOAT);
        blurYFramebuffer = framebuffer(blurYTexture);
        colorTexture = texture(GL_RGBA8, GL_UNSIGNED_BYTE);
        colorFramebuffer = framebuffer(colorTexture);
        simFeedback = glGetUniformLocation(sim, "FEEDBACK");
        simSize = glGetUniformLocation(sim, "RENDERSIZE");
        simTime = glGetUniformLocation(sim, "TIME");
        blurXInput = glGetUniformLocation(blurX, "sim");
        blurXSize = glGetUniformLocation(blurX, "RENDERSIZE");
        blurYInput = glGetUniformLocation(blurY, "blurX");
        blurYSize = glGetUniformLocation(blurY, "RENDERSIZE");
        colorBlur = glGetUniformLocation(color, "blurY");
        colorSim = glGetUniformLocation(color, "sim");
        colorSize = glGetUniformLocation(color, "RENDERSIZE");
        copyImage = glGetUniformLocation(copy, "image");
    }

    private static int link(String fragment) {
        int program = glCreateProgram();
        int vs = compile(GL_VERTEX_SHADER, FullscreenTriangle.VERTEX_SHADER);
        int fs = compile(GL_FRAGMENT_SHADER, fragment);
        glAttachShader(program, vs);
        glAttachShader(program, fs);
        glLinkProgram(program);
        glDeleteShader(vs);
        glDeleteShader(fs);
        if (glGetProgrami(program, GL_LINK_STATUS) == GL_FALSE) {
            throw new IllegalStateException(glGetProgramInfoLog(program));
        }
        return program;
    }

    private static int compile(int stage, String source) {
        int shader = glCreateShader(stage);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == GL_FALSE) {
            throw new IllegalStateException(glGetShaderInfoLog(shader));
        }
        return shader;
    }

    private int texture(int internalFormat, int type) {
        int texture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexImage2D(GL_TEXTURE_2D, 0, internalFormat, width, height, 0, GL_RGBA, type, (ByteBuffer) null);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glBindTexture(GL_TEXTURE_2D, 0);
        return texture;
    }

    private static int framebuffer(int texture) {
        int framebuffer = glGenFramebuffers();
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
        glClearColor(0, 0, 0, 0);
        glClear(GL_COLOR_BUFFER_BIT);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        return framebuffer;
    }

    /** One frame at {@code time} into the canvas framebuffer {@code canvas}. */
    void frame(float time, int canvas) {
        int previous = current;
        current = 1 - current;
        glBindVertexArray(vertexArray);
        glViewport(0, 0, width, height);

        glBindFramebuffer(GL_FRAMEBUFFER, simFramebuffers[current]);
        glUseProgram(sim);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, simTextures[previous]);
        glUniform1i(simFeedback, 0);
        glUniform2f(simSize, width, height);
        glUniform1f(simTime, time);
        glDrawArrays(GL_TRIANGLES, 0, 3);

        glBindFramebuffer(GL_FRAMEBUFFER, blurXFramebuffer);
        glUseProgram(blurX);
        glBindTexture(GL_TEXTURE_2D, simTextures[current]);
        glUniform1i(blurXInput, 0);
        glUniform2f(blurXSize, width, height);
        glDrawArrays(GL_TRIANGLES, 0, 3);

        glBindFramebuffer(GL_FRAMEBUFFER, blurYFramebuffer);
        glUseProgram(blurY);
        glBindTexture(GL_TEXTURE_2D, blurXTexture);
        glUniform1i(blurYInput, 0);
        glUniform2f(blurYSize, width, height);
        glDrawArrays(GL_TRIANGLES, 0, 3);

        glBindFramebuffer(GL_FRAMEBUFFER, colorFramebuffer);
        glUseProgram(color);
        glBindTexture(GL_TEXTURE_2D, blurYTexture);
        glUniform1i(colorBlur, 0);
        glActiveTexture(GL_TEXTURE1);
        glBindTexture(GL_TEXTURE_2D, simTextures[current]);
        glUniform1i(colorSim, 1);
        glUniform2f(colorSize, width, height);
        glDrawArrays(GL_TRIANGLES, 0, 3);

        glBindFramebuffer(GL_FRAMEBUFFER, canvas);
        glUseProgram(copy);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, colorTexture);
        glUniform1i(copyImage, 0);
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }

    @Override
    public void close() {
        glDeleteFramebuffers(simFramebuffers);
        glDeleteTextures(simTextures);
        glDeleteFramebuffers(new int[] {blurXFramebuffer, blurYFramebuffer, colorFramebuffer});
        glDeleteTextures(new int[] {blurXTexture, blurYTexture, colorTexture});
        for (int program : new int[] {sim, blurX, blurY, color, copy}) {
            glDeleteProgram(program);
        }
        glDeleteVertexArrays(vertexArray);
    }
}
