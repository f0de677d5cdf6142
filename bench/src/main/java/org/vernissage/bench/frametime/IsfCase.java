package org.vernissage.bench.frametime;

import static org.lwjgl.opengl.GL20C.glGetUniformLocation;
import static org.lwjgl.opengl.GL20C.glUniform1f;
import static org.lwjgl.opengl.GL20C.glUniform1i;
import static org.lwjgl.opengl.GL20C.glUniform4f;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.render.isf.IsfArtwork;
import org.vernissage.engine.artwork.IsfParameters;
import org.vernissage.shaders.isf.IsfLoader;
import org.vernissage.shaders.isf.IsfShader;

/**
 * An ISF file played by {@link IsfArtwork} (as {@code vernissage run FILE.fs} plays it), against
 * the GLSL the ISF translator makes of it in the bare loop. Single-pass generators only: a file
 * with passes into buffers or image inputs needs more than one draw or textures, which is the
 * render-graph benchmark's job, not this one's.
 *
 * <p>Benchmark thread; owned by the benchmark.
 */
final class IsfCase implements ShaderCase {

    private static final LocalDateTime DATE_ORIGIN = LocalDateTime.of(2026, 1, 1, 20, 0);

    private final Path file;
    private final IsfShader shader;
    private final ParameterLayout layout;

    IsfCase(Path file) throws Exception {
        this.file = file.toAbsolutePath().normalize();
        this.shader = new IsfLoader().load(this.file.getParent(), this.file);
        if (shader.document().passes().size() != 1 || !shader.document().imageInputs().isEmpty()) {
            throw new IllegalArgumentException(file + ": the frame-time benchmark takes a single-pass ISF generator"
                    + " (no PASSES into buffers, no image inputs), e.g. shaders/library/plasma.fs");
        }
        this.layout = new ParameterLayout(IsfParameters.specs(shader.document()));
    }

    @Override
    public String description() {
        return file.getFileName() + " (ISF, IsfArtwork; the bare loop runs the translated GLSL)";
    }

    @Override
    public Artwork newArtwork() {
        return new IsfArtwork(file.getParent(), file, layout, Map.of(), DATE_ORIGIN);
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public String vertexSource() {
        return shader.program().vertex().text();
    }

    @Override
    public String fragmentSource() {
        return shader.program().fragment().text();
    }

    @Override
    public void setConstantUniforms(int program) {
        DefaultUniforms.set(program, layout);
        // The built-ins a bare loop would set once; the engine sets them every frame.
        glUniform1i(glGetUniformLocation(program, "PASSINDEX"), 0);
        glUniform1f(glGetUniformLocation(program, "TIMEDELTA"), 1f / 60);
        glUniform4f(glGetUniformLocation(program, "DATE"), 2026, 1, 1, 72_000);
    }
}
