package org.vernissage.bench;

import static org.lwjgl.opengl.GL30C.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.artwork.IsfParameters;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.FullscreenTriangle;
import org.vernissage.engine.render.ShaderProgram;
import org.vernissage.engine.render.isf.IsfArtwork;
import org.vernissage.shaders.isf.IsfLoader;
import org.vernissage.shaders.isf.IsfShader;

/**
 * Frame time of the engine playing an ISF shader ({@link IsfArtwork}: update + render) against a
 * bare LWJGL loop drawing the same translated GLSL into the same framebuffer (use the program, set
 * TIME, RENDERSIZE and the inputs by location, draw one triangle), at the same size, in the same
 * run: rounds alternate between the two so that drift of the shared machine hits both. Each frame
 * ends with {@code glFinish}, so a frame's time is the GPU's (llvmpipe's) work as well as the CPU's.
 * Prints p50 and p99 of each and their ratios.
 *
 * <p>Run: {@code bench/run-isf.sh [WIDTHxHEIGHT] [frames per round] [rounds]} from the repository
 * root. Main thread only (it is the render thread).
 */
public final class IsfFrameTime {

    private static final String SHADER = """
            /*{
              "ISFVSN": "2.0",
              "DESCRIPTION": "benchmark plasma",
              "INPUTS": [
                {"NAME": "speed", "TYPE": "float", "DEFAULT": 0.7},
                {"NAME": "scale", "TYPE": "float", "MIN": 1, "MAX": 20, "DEFAULT": 8},
                {"NAME": "tint", "TYPE": "color", "DEFAULT": [1.0, 0.6, 0.3, 1.0]},
                {"NAME": "centre", "TYPE": "point2D", "DEFAULT": [0.5, 0.5], "MIN": [0, 0], "MAX": [1, 1]}
              ]
            }*/
            void main() {
                vec2 p = (isf_FragNormCoord - centre) * scale;
                float t = TIME * speed;
                float v = sin(p.x + t) + sin(p.y * 1.3 - t) + sin(length(p) * 1.7 + t * 0.5);
                gl_FragColor = vec4(tint.rgb * (0.5 + 0.5 * sin(v * 3.14159)), 1.0);
            }
            """;

    private IsfFrameTime() {
    }

    public static void main(String[] args) throws Exception {
        String[] size = (args.length > 0 ? args[0] : "320x180").split("x");
        int width = Integer.parseInt(size[0]);
        int height = Integer.parseInt(size[1]);
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        Path folder = Files.createTempDirectory("isf-bench");
        Path file = folder.resolve("plasma.fs");
        Files.writeString(file, SHADER);
        IsfShader shader = new IsfLoader().load(folder, file);
        ParameterLayout layout = new ParameterLayout(IsfParameters.specs(shader.document()));
        float[] values = new float[layout.slotCount()];
        layout.copyDefaultsInto(values);

        try (EglSurfacelessContext context = EglSurfacelessContext.open(width, height);
             Framebuffer canvas = new Framebuffer(width, height);
             FullscreenTriangle triangle = new FullscreenTriangle()) {
            ShaderProgram bare = ShaderProgram.build(shader.program().vertex().text(), "vertex", log -> log,
                    shader.program().fragment().text(), "plasma.fs", log -> log);
            int time = glGetUniformLocation(bare.id(), "TIME");
            int renderSize = glGetUniformLocation(bare.id(), "RENDERSIZE");
            int speed = glGetUniformLocation(bare.id(), "speed");
            int scale = glGetUniformLocation(bare.id(), "scale");
            int tint = glGetUniformLocation(bare.id(), "tint");
            int centre = glGetUniformLocation(bare.id(), "centre");

            IsfArtwork artwork = new IsfArtwork(folder, file, layout, Map.of(), LocalDateTime.of(2026, 1, 1, 0, 0));
            canvas.bind();
            artwork.setup(canvas);
            SnapshotExchange snapshots = new SnapshotExchange(values);
            FrameInfo frame = new FrameInfo();

            Histogram bareTimes = new Histogram(3);
            Histogram engineTimes = new Histogram(3);
            long index = 0;
            for (int round = -1; round < rounds; round++) { // round -1 warms both up, unrecorded
                for (int side = 0; side < 2; side++) {
                    for (int f = 0; f < frames; f++, index++) {
                        double t = index / 60.0;
                        long start = System.nanoTime();
                        canvas.bind();
                        if (side == 0) {
                            bare.use();
                            glUniform1f(time, (float) t);
                            glUniform2f(renderSize, width, height);
                            glUniform1f(speed, values[0]);
                            glUniform1f(scale, values[1]);
                            glUniform4f(tint, values[2], values[3], values[4], values[5]);
                            glUniform2f(centre, values[6], values[7]);
                            triangle.draw();
                        } else {
                            frame.set(index, t, 1 / 60.0, width, height);
                            artwork.update(frame, snapshots.latch());
                            artwork.render(frame, canvas);
                        }
                        glFinish();
                        long took = System.nanoTime() - start;
                        if (round >= 0) {
                            (side == 0 ? bareTimes : engineTimes).recordValue(took);
                        }
                    }
                }
            }
            artwork.dispose();
            bare.close();
            report(width, height, frames, rounds, bareTimes, engineTimes);
        }
    }

    private static void report(int width, int height, int frames, int rounds, Histogram bare, Histogram engine) {
        double bare50 = bare.getValueAtPercentile(50) / 1e6;
        double bare99 = bare.getValueAtPercentile(99) / 1e6;
        double engine50 = engine.getValueAtPercentile(50) / 1e6;
        double engine99 = engine.getValueAtPercentile(99) / 1e6;
        System.out.printf(Locale.ROOT, "ISF plasma %dx%d, %d rounds of %d frames each side, glFinish per frame%n",
                width, height, rounds, frames);
        System.out.printf(Locale.ROOT, "bare LWJGL loop: p50 %.3f ms, p99 %.3f ms%n", bare50, bare99);
        System.out.printf(Locale.ROOT, "IsfArtwork:      p50 %.3f ms, p99 %.3f ms%n", engine50, engine99);
        System.out.printf(Locale.ROOT, "ratio engine/bare: p50 %.3f, p99 %.3f%n", engine50 / bare50, engine99 / bare99);
    }
}
