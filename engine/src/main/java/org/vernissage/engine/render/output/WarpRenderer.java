package org.vernissage.engine.render.output;

import static org.lwjgl.opengl.GL33C.*;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.function.UnaryOperator;
import org.lwjgl.system.MemoryUtil;
import org.vernissage.engine.render.ShaderBuildException;
import org.vernissage.engine.render.ShaderProgram;

/**
 * Draws one output's canvas region through its warp with its blend ramps: the grid mesh,
 * subdivided {@value #SUBDIVISIONS} times per cell (bilinear between control points), placed by the
 * corner-pin's homography. Everything a frame needs is made here once: the programs (picture and
 * test card), the vertex and index buffers, a clamping sampler; a frame sets uniforms and draws,
 * and re-uploads the vertices only after a mesh edit.
 *
 * <p>Render thread only, made and used with the GL context it draws in current (vertex array objects
 * are not shared between contexts, so each window's output has its own renderer); owned by its
 * output, which closes it.
 */
final class WarpRenderer implements AutoCloseable {

    /** Sub-quads per mesh cell along each side: smooth enough for a gently bent mesh. */
    static final int SUBDIVISIONS = 8;
    private static final int FLOATS_PER_VERTEX = 4;

    private final OutputSettings settings;
    private final WarpProgram picture;
    private final WarpProgram testCard;
    private final int vertexArray;
    private final int vertexBuffer;
    private final int indexBuffer;
    private final int sampler;
    private final int indexCount;
    private final int gridColumns;
    private final int gridRows;
    private final FloatBuffer vertices;
    private final long verticesAddress;
    private int uploadedMeshVersion = -1;

    /** One linked program of the warp and its uniforms' locations (-1 for those it does not use). */
    private static final class WarpProgram implements AutoCloseable {
        final ShaderProgram program;
        final int pinRow0;
        final int pinRow1;
        final int pinRow2;
        final int region;
        final int blendWidths;
        final int gamma;
        final int curve;
        final int outputNumber;
        final int outputSize;

        WarpProgram(boolean testCard) throws ShaderBuildException {
            program = ShaderProgram.build(WarpShaders.VERTEX, WarpShaders.fragment(testCard),
                    testCard ? "the warp output's test card shader" : "the warp output's shader",
                    UnaryOperator.identity());
            int id = program.id();
            pinRow0 = glGetUniformLocation(id, "pinRow0");
            pinRow1 = glGetUniformLocation(id, "pinRow1");
            pinRow2 = glGetUniformLocation(id, "pinRow2");
            region = glGetUniformLocation(id, "region");
            blendWidths = glGetUniformLocation(id, "blendWidths");
            gamma = glGetUniformLocation(id, "gamma");
            curve = glGetUniformLocation(id, "curve");
            outputNumber = glGetUniformLocation(id, "outputNumber");
            outputSize = glGetUniformLocation(id, "outputSize");
            program.use();
            glUniform1i(glGetUniformLocation(id, "canvas"), 0);
        }

        @Override
        public void close() {
            program.close();
        }
    }

    WarpRenderer(OutputSettings settings) throws ShaderBuildException {
        this.settings = settings;
        this.picture = new WarpProgram(false);
        try {
            this.testCard = new WarpProgram(true);
        } catch (ShaderBuildException | RuntimeException e) {
            picture.close();
            throw e;
        }
        gridColumns = (settings.meshColumns() - 1) * SUBDIVISIONS + 1;
        gridRows = (settings.meshRows() - 1) * SUBDIVISIONS + 1;
        vertices = MemoryUtil.memAllocFloat(gridColumns * gridRows * FLOATS_PER_VERTEX);
        verticesAddress = MemoryUtil.memAddress(vertices);
        vertexArray = glGenVertexArrays();
        glBindVertexArray(vertexArray);
        vertexBuffer = glGenBuffers();
        glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer);
        glBufferData(GL_ARRAY_BUFFER, (long) vertices.capacity() * Float.BYTES, GL_DYNAMIC_DRAW);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, FLOATS_PER_VERTEX * Float.BYTES, 0);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 2, GL_FLOAT, false, FLOATS_PER_VERTEX * Float.BYTES, 2L * Float.BYTES);
        indexBuffer = glGenBuffers();
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer);
        IntBuffer indices = triangles();
        indexCount = indices.remaining();
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, indices, GL_STATIC_DRAW);
        MemoryUtil.memFree(indices);
        glBindVertexArray(0);

        sampler = glGenSamplers();
        glSamplerParameteri(sampler, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glSamplerParameteri(sampler, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        // The canvas texture repeats by default: at a region's edge that would bleed the far side in.
        glSamplerParameteri(sampler, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glSamplerParameteri(sampler, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }

    private IntBuffer triangles() {
        IntBuffer indices = MemoryUtil.memAllocInt((gridColumns - 1) * (gridRows - 1) * 6);
        for (int j = 0; j < gridRows - 1; j++) {
            for (int i = 0; i < gridColumns - 1; i++) {
                int topLeft = j * gridColumns + i;
                int bottomLeft = topLeft + gridColumns;
                indices.put(topLeft).put(bottomLeft).put(topLeft + 1);
                indices.put(topLeft + 1).put(bottomLeft).put(bottomLeft + 1);
            }
        }
        return indices.flip();
    }

    /** Fills the vertex buffer from the mesh: positions bilinear between control points, content regular. */
    private void uploadMesh() {
        int columns = settings.meshColumns();
        int rows = settings.meshRows();
        int at = 0;
        for (int j = 0; j < gridRows; j++) {
            int cellRow = Math.min(j / SUBDIVISIONS, rows - 2);
            double t = (j - cellRow * SUBDIVISIONS) / (double) SUBDIVISIONS;
            for (int i = 0; i < gridColumns; i++) {
                int cellColumn = Math.min(i / SUBDIVISIONS, columns - 2);
                double s = (i - cellColumn * SUBDIVISIONS) / (double) SUBDIVISIONS;
                vertices.put(at++, (float) bilinear(s, t, settings.meshX(cellColumn, cellRow),
                        settings.meshX(cellColumn + 1, cellRow), settings.meshX(cellColumn, cellRow + 1),
                        settings.meshX(cellColumn + 1, cellRow + 1)));
                vertices.put(at++, (float) bilinear(s, t, settings.meshY(cellColumn, cellRow),
                        settings.meshY(cellColumn + 1, cellRow), settings.meshY(cellColumn, cellRow + 1),
                        settings.meshY(cellColumn + 1, cellRow + 1)));
                vertices.put(at++, i / (float) (gridColumns - 1));
                vertices.put(at++, j / (float) (gridRows - 1));
            }
        }
        glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer);
        nglBufferSubData(GL_ARRAY_BUFFER, 0, (long) at * Float.BYTES, verticesAddress);
        uploadedMeshVersion = settings.meshVersion();
    }

    private static double bilinear(double s, double t, double topLeft, double topRight, double bottomLeft,
                                   double bottomRight) {
        double top = topLeft + (topRight - topLeft) * s;
        double bottom = bottomLeft + (bottomRight - bottomLeft) * s;
        return top + (bottom - top) * t;
    }

    /**
     * Draws into the framebuffer bound for drawing, whose size is {@code width} x {@code height}:
     * clears it to black (outside the pinned quad stays black), then the warped, blended region of
     * the canvas texture.
     */
    void draw(int canvasTexture, int width, int height) {
        if (uploadedMeshVersion != settings.meshVersion()) {
            uploadMesh();
        }
        glViewport(0, 0, width, height);
        glDisable(GL_BLEND);
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        WarpProgram program = settings.testCard() ? testCard : picture;
        program.program.use();
        setPin(program);
        glUniform4f(program.region, (float) settings.regionX(), (float) settings.regionY(),
                (float) settings.regionWidth(), (float) settings.regionHeight());
        glUniform4f(program.blendWidths, (float) settings.blendWidth(OutputSettings.LEFT),
                (float) settings.blendWidth(OutputSettings.RIGHT), (float) settings.blendWidth(OutputSettings.TOP),
                (float) settings.blendWidth(OutputSettings.BOTTOM));
        glUniform1f(program.gamma, (float) settings.gamma());
        glUniform1f(program.curve, (float) settings.curve());
        glUniform1i(program.outputNumber, settings.number());
        glUniform2f(program.outputSize, width, height);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, canvasTexture);
        glBindSampler(0, sampler);
        glBindVertexArray(vertexArray);
        glDrawElements(GL_TRIANGLES, indexCount, GL_UNSIGNED_INT, 0L);
        glBindVertexArray(0);
        glBindSampler(0, 0);
    }

    /**
     * Clip space from the pinned square: first the homography H (square to quad, in output
     * fractions with y down), then x' = 2x - 1, y' = 1 - 2y. Kept homogeneous: w is H's third row.
     */
    private void setPin(WarpProgram program) {
        double h0 = settings.homography(0), h1 = settings.homography(1), h2 = settings.homography(2);
        double h3 = settings.homography(3), h4 = settings.homography(4), h5 = settings.homography(5);
        double h6 = settings.homography(6), h7 = settings.homography(7), h8 = settings.homography(8);
        glUniform3f(program.pinRow0, (float) (2 * h0 - h6), (float) (2 * h1 - h7), (float) (2 * h2 - h8));
        glUniform3f(program.pinRow1, (float) (h6 - 2 * h3), (float) (h7 - 2 * h4), (float) (h8 - 2 * h5));
        glUniform3f(program.pinRow2, (float) h6, (float) h7, (float) h8);
    }

    @Override
    public void close() {
        glDeleteSamplers(sampler);
        glDeleteBuffers(indexBuffer);
        glDeleteBuffers(vertexBuffer);
        glDeleteVertexArrays(vertexArray);
        testCard.close();
        picture.close();
        MemoryUtil.memFree(vertices);
    }
}
