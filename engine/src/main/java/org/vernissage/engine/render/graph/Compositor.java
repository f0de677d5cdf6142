package org.vernissage.engine.render.graph;

import static org.lwjgl.opengl.GL13C.GL_TEXTURE0;
import static org.lwjgl.opengl.GL13C.glActiveTexture;
import static org.lwjgl.opengl.GL20C.glGetUniformLocation;
import static org.lwjgl.opengl.GL20C.glUniform1f;
import static org.lwjgl.opengl.GL20C.glUniform1i;
import static org.lwjgl.opengl.GL30C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL30C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL30C.glBindTexture;
import static org.lwjgl.opengl.GL30C.glClear;
import static org.lwjgl.opengl.GL30C.glClearColor;
import static org.lwjgl.opengl.GL30C.glViewport;

import java.util.function.UnaryOperator;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.render.FullscreenTriangle;
import org.vernissage.engine.render.RenderTarget;
import org.vernissage.engine.render.ShaderProgram;

/**
 * Composites a stack of layers onto the canvas in one draw: a fragment shader generated for the
 * stack's size samples every layer (at its own resolution, with linear filtering) and folds them
 * bottom to top over opaque black, each with its {@link BlendMode} and opacity. One pass instead of
 * one per layer: no intermediate images, and each canvas pixel is written once.
 *
 * <p>Per layer, with {@code b} the backdrop, {@code s} the layer's colour and
 * {@code a = clamp(opacity) * s.a}: {@code rgb = mix(b.rgb, blend(b.rgb, s.rgb), a)} and
 * {@code alpha = a + b.a * (1 - a)}. The values are blended as the shaders wrote them
 * (sRGB-encoded, like VJ tools and image editors), not converted to linear light.
 *
 * <p>Render thread only, with the GL context current; owned by the {@link RenderGraph}. Drawing
 * allocates nothing.
 */
final class Compositor implements AutoCloseable {

    /** Texture units every GL 3.3 fragment stage has: the most layers one stack may hold. */
    static final int MAX_LAYERS = 16;

    private final ShaderProgram program;
    private final int[] layerLocations;
    private final int[] opacityLocations;
    private final int[] blendLocations;
    private final FullscreenTriangle triangle = new FullscreenTriangle();
    private int left;
    private int bottom;
    private int width;
    private int height;
    private boolean bars;

    Compositor(int layers) throws ArtworkException {
        if (layers < 1 || layers > MAX_LAYERS) {
            throw new ArtworkException("a render graph composites 1 to " + MAX_LAYERS + " layers, got " + layers);
        }
        program = ShaderProgram.build(FullscreenTriangle.VERTEX_SHADER, source(layers),
                "the engine's layer compositor", UnaryOperator.identity());
        layerLocations = new int[layers];
        opacityLocations = new int[layers];
        blendLocations = new int[layers];
        for (int i = 0; i < layers; i++) {
            layerLocations[i] = glGetUniformLocation(program.id(), "layer" + i);
            opacityLocations[i] = glGetUniformLocation(program.id(), "opacity" + i);
            blendLocations[i] = glGetUniformLocation(program.id(), "blend" + i);
        }
    }

    /** The compositing shader for {@code layers} layers, unrolled (GLSL 3.30 cannot index sampler arrays). */
    static String source(int layers) {
        StringBuilder glsl = new StringBuilder("""
                #version 330 core
                in vec2 isf_FragNormCoord;
                out vec4 fragColor;
                vec3 blendColor(int mode, vec3 b, vec3 s) {
                    if (mode == 1) return b + s;
                    if (mode == 2) return b * s;
                    if (mode == 3) return b + s - b * s;
                    if (mode == 4) return max(b, s);
                    if (mode == 5) return min(b, s);
                    if (mode == 6) return abs(b - s);
                    if (mode == 7) return mix(2.0 * b * s, 1.0 - 2.0 * (1.0 - b) * (1.0 - s), step(0.5, b));
                    if (mode == 8) return max(b - s, 0.0);
                    if (mode == 9) return b + s - 2.0 * b * s;
                    return s;
                }
                vec4 over(vec4 backdrop, vec4 layer, int mode, float opacity) {
                    float a = clamp(opacity, 0.0, 1.0) * layer.a;
                    return vec4(mix(backdrop.rgb, blendColor(mode, backdrop.rgb, layer.rgb), a),
                                a + backdrop.a * (1.0 - a));
                }
                """);
        for (int i = 0; i < layers; i++) {
            glsl.append("uniform sampler2D layer").append(i).append(";\n")
                    .append("uniform float opacity").append(i).append(";\n")
                    .append("uniform int blend").append(i).append(";\n");
        }
        glsl.append("void main() {\n    vec4 c = vec4(0.0, 0.0, 0.0, 1.0);\n");
        for (int i = 0; i < layers; i++) {
            glsl.append("    c = over(c, texture(layer").append(i).append(", isf_FragNormCoord), blend")
                    .append(i).append(", opacity").append(i).append(");\n");
        }
        return glsl.append("    fragColor = c;\n}\n").toString();
    }

    /**
     * Places a graph of {@code graphWidth x graphHeight} on a canvas: the whole canvas when the
     * shapes match, else as large as fits, centred, with black bars (never stretched).
     */
    void place(int graphWidth, int graphHeight, int canvasWidth, int canvasHeight) {
        double scale = Math.min(canvasWidth / (double) graphWidth, canvasHeight / (double) graphHeight);
        width = Math.min(canvasWidth, (int) Math.round(graphWidth * scale));
        height = Math.min(canvasHeight, (int) Math.round(graphHeight * scale));
        left = (canvasWidth - width) / 2;
        bottom = (canvasHeight - height) / 2;
        bars = width != canvasWidth || height != canvasHeight;
    }

    /** Draws the layers (bottom first) onto {@code canvas}, which is bound. */
    void draw(RenderTarget canvas, GraphNode[] layers) {
        if (bars) {
            glClearColor(0, 0, 0, 1);
            glClear(GL_COLOR_BUFFER_BIT);
        }
        glViewport(left, bottom, width, height);
        program.use();
        for (int i = 0; i < layers.length; i++) {
            LayerControl control = layers[i].layer();
            glActiveTexture(GL_TEXTURE0 + i);
            glBindTexture(GL_TEXTURE_2D, layers[i].output().textureId());
            glUniform1i(layerLocations[i], i);
            glUniform1f(opacityLocations[i], control.opacity());
            glUniform1i(blendLocations[i], control.blend());
        }
        triangle.draw();
        for (int i = layers.length - 1; i >= 0; i--) {
            glActiveTexture(GL_TEXTURE0 + i);
            glBindTexture(GL_TEXTURE_2D, 0);
        }
        glViewport(0, 0, canvas.width(), canvas.height());
    }

    @Override
    public void close() {
        triangle.close();
        program.close();
    }
}
