package org.vernissage.bench.cppn;

import static org.lwjgl.opengl.GL11C.glFinish;
import static org.lwjgl.opengl.GL20C.*;
import static org.lwjgl.opengl.GL15C.*;
import static org.lwjgl.opengl.GL31C.*;
import static org.lwjgl.opengl.GL30C.glBindBufferBase;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.vernissage.artworks.lineage.LineagePiece;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.FullscreenTriangle;
import org.vernissage.engine.render.ShaderProgram;

/**
 * Where a CPPN's weights may come from, on the driver at hand: Lineage's {@code lineage.frag} with
 * its weights in a uniform block (as the piece runs), in a default-block uniform array
 * ({@code uniform vec4 w[144]}, {@code glUniform4fv}) and inlined as constants, drawn by bare GL
 * calls (no graph, no compositor) with the same random weights. Prints each one's render-thread
 * CPU time per frame, p50 of 60 after 20 warm-up draws: run with {@code LP_NUM_THREADS=0} so that
 * llvmpipe rasterises on this thread and CPU time is the frame's whole work.
 *
 * <p>Run: {@code LP_NUM_THREADS=0 bench/run-cppn-sources.sh [width height]}. Main thread only.
 */
public final class CppnWeightSources {

    private CppnWeightSources() {
    }

    public static void main(String[] args) throws Exception {
        int w = args.length > 0 ? Integer.parseInt(args[0]) : 160;
        int h = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        String source = Files.readString(Path.of("artworks/lineage/lineage.frag"));
        String line = "layout(std140) uniform CppnWeights { vec4 w[144]; };";
        float[] weights = new float[LineagePiece.weightCount()];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < weights.length; i++) weights[i] = (float) r.nextGaussian();
        StringBuilder c = new StringBuilder("const vec4 w[144] = vec4[144](");
        for (int v = 0; v < 144; v++) {
            c.append(v == 0 ? "" : ",").append("vec4(").append(weights[4*v]).append(',').append(weights[4*v+1]).append(',').append(weights[4*v+2]).append(',').append(weights[4*v+3]).append(')');
        }
        c.append(");");
        String[] variants = {source, source.replace(line, "uniform vec4 w[144];"), source.replace(line, c)};
        String[] names = {"ubo", "uniform array", "constants"};
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (EglSurfacelessContext ctx = EglSurfacelessContext.open(w, h); Framebuffer fb = new Framebuffer(w, h);
             FullscreenTriangle tri = new FullscreenTriangle()) {
            fb.bind();
            int buffer = glGenBuffers();
            glBindBuffer(GL_UNIFORM_BUFFER, buffer);
            glBufferData(GL_UNIFORM_BUFFER, weights, GL_DYNAMIC_DRAW);
            for (int k = 0; k < 3; k++) {
                ShaderProgram p = ShaderProgram.build(FullscreenTriangle.VERTEX_SHADER, variants[k], names[k], UnaryOperator.identity());
                p.use();
                glUniform2f(glGetUniformLocation(p.id(), "RENDERSIZE"), w, h);
                glUniform2f(glGetUniformLocation(p.id(), "clock"), 0.3f, 0.9f);
                glUniform1f(glGetUniformLocation(p.id(), "zoom"), 2f);
                glUniform1f(glGetUniformLocation(p.id(), "latent_a"), 0.5f);
                glUniform1f(glGetUniformLocation(p.id(), "latent_b"), 0.4f);
                glUniform1f(glGetUniformLocation(p.id(), "latent_c"), 0.6f);
                if (k == 0) {
                    glUniformBlockBinding(p.id(), glGetUniformBlockIndex(p.id(), "CppnWeights"), 0);
                    glBindBufferBase(GL_UNIFORM_BUFFER, 0, buffer);
                } else if (k == 1) {
                    glUniform4fv(glGetUniformLocation(p.id(), "w"), weights);
                }
                for (int i = 0; i < 20; i++) { tri.draw(); }
                glFinish();
                long[] t = new long[60];
                for (int i = 0; i < t.length; i++) {
                    long s = cpu.getCurrentThreadCpuTime();
                    tri.draw();
                    glFinish();
                    t[i] = cpu.getCurrentThreadCpuTime() - s;
                }
                Arrays.sort(t);
                System.out.printf(java.util.Locale.ROOT, "%-14s %dx%d render thread cpu p50 %.3f ms%n", names[k], w, h, t[30] / 1e6);
                p.close();
            }
        }
    }
}
