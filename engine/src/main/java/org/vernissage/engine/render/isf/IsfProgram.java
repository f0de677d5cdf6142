package org.vernissage.engine.render.isf;

import org.vernissage.engine.artwork.IsfParameters;
import static org.lwjgl.opengl.GL30C.*;

import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.render.ShaderBuildException;
import org.vernissage.engine.render.ShaderProgram;
import org.vernissage.shaders.ShaderDiagnostics;
import org.vernissage.shaders.isf.IsfDocument;
import org.vernissage.shaders.isf.IsfImport;
import org.vernissage.shaders.isf.IsfInput;
import org.vernissage.shaders.isf.IsfPass;
import org.vernissage.shaders.isf.IsfShader;
import org.vernissage.shaders.isf.IsfTranslator;

/**
 * An ISF shader linked on the GPU, with every uniform it may use found once by name: the
 * built-ins, one per value input (fed from the artwork's parameter values, or the input's default
 * when the layout has no such parameter, e.g. an input added by a reload), and one texture unit
 * per sampler (image inputs, imported images, pass buffers, in that order). An input the shader
 * does not use has location -1, which GL ignores: ISF declares every input whether used or not.
 *
 * <p>Render thread only; owned by the {@link IsfArtwork} that built it.
 */
final class IsfProgram implements AutoCloseable {

    private final ShaderProgram program;
    private final int passIndex;
    private final int renderSize;
    private final int time;
    private final int timeDelta;
    private final int date;
    private final int frameIndex;
    private final int[] inputLocations;
    private final ParameterType[] inputTypes;
    private final int[] inputOffsets;
    private final float[][] inputFallbacks;
    /** The sampler names in unit order: image inputs, imports, pass targets. */
    private final List<String> samplers;

    /**
     * @param parameterPrefix what the layout's parameter names put before the input names (empty
     *     for an ISF file played alone; {@code <layer>_} for a layer of a graph)
     */
    IsfProgram(IsfShader shader, ParameterLayout layout, String parameterPrefix) throws ShaderBuildException {
        IsfTranslator.Program source = shader.program();
        String fragmentName = shader.document().file().toString();
        String vertexName = source.vertex().origins().get(0);
        this.program = ShaderProgram.build(source.vertex().text(), vertexName,
                log -> ShaderDiagnostics.map(log, source.vertex()),
                source.fragment().text(), fragmentName, log -> ShaderDiagnostics.map(log, source.fragment()));
        int id = program.id();
        passIndex = glGetUniformLocation(id, "PASSINDEX");
        renderSize = glGetUniformLocation(id, "RENDERSIZE");
        time = glGetUniformLocation(id, "TIME");
        timeDelta = glGetUniformLocation(id, "TIMEDELTA");
        date = glGetUniformLocation(id, "DATE");
        frameIndex = glGetUniformLocation(id, "FRAMEINDEX");

        IsfDocument document = shader.document();
        List<IsfInput> values = document.valueInputs();
        inputLocations = new int[values.size()];
        inputTypes = new ParameterType[values.size()];
        inputOffsets = new int[values.size()];
        inputFallbacks = new float[values.size()][];
        for (int i = 0; i < values.size(); i++) {
            IsfInput input = values.get(i);
            var spec = IsfParameters.spec(input);
            inputLocations[i] = glGetUniformLocation(id, input.name());
            inputTypes[i] = spec.type();
            inputFallbacks[i] = spec.defaultValue();
            inputOffsets[i] = layout.indexOf(parameterPrefix + input.name())
                    .filter(index -> layout.specs().get(index).type() == spec.type())
                    .map(layout::offset).orElse(-1);
        }
        samplers = new ArrayList<>();
        document.imageInputs().forEach(input -> samplers.add(input.name()));
        document.imports().stream().map(IsfImport::name).forEach(samplers::add);
        document.passes().stream().map(IsfPass::target).flatMap(java.util.Optional::stream).forEach(samplers::add);
        program.use();
        for (int unit = 0; unit < samplers.size(); unit++) {
            glUniform1i(glGetUniformLocation(id, samplers.get(unit)), unit);
        }
    }

    List<String> samplers() {
        return samplers;
    }

    void use() {
        program.use();
    }

    /**
     * The uniforms that stay the same for every pass of a frame; the program must be in use.
     *
     * @param values the parameter values, by the layout's slots
     * @param fired per value input, whether an event input fired this frame
     */
    void applyFrame(float[] values, boolean[] fired, float timeSeconds, float deltaSeconds, DateUniform day,
                    long frame) {
        glUniform1f(time, timeSeconds);
        glUniform1f(timeDelta, deltaSeconds);
        glUniform4f(date, day.year(), day.month(), day.day(), day.seconds());
        glUniform1i(frameIndex, (int) frame);
        for (int i = 0; i < inputLocations.length; i++) {
            int location = inputLocations[i];
            int at = inputOffsets[i];
            float[] from = at < 0 ? inputFallbacks[i] : values;
            int o = at < 0 ? 0 : at;
            switch (inputTypes[i]) {
                case FLOAT -> glUniform1f(location, from[o]);
                case INT -> glUniform1i(location, Math.round(from[o]));
                case BOOL -> glUniform1i(location, from[o] >= 0.5f ? 1 : 0);
                case VEC2 -> glUniform2f(location, from[o], from[o + 1]);
                case VEC3 -> glUniform3f(location, from[o], from[o + 1], from[o + 2]);
                case COLOR -> glUniform4f(location, from[o], from[o + 1], from[o + 2], from[o + 3]);
                case EVENT -> glUniform1i(location, fired[i] ? 1 : 0);
            }
        }
    }

    /** The uniforms of one pass; the program must be in use. */
    void applyPass(int pass, int width, int height) {
        glUniform1i(passIndex, pass);
        glUniform2f(renderSize, width, height);
    }

    /** The layout slot of value input {@code input}, or -1 when the layout lacks it. */
    int offsetOf(int input) {
        return inputOffsets[input];
    }

    @Override
    public void close() {
        program.close();
    }
}
