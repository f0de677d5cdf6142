package org.vernissage.bench.frametime;

import static org.lwjgl.opengl.GL20C.glGetUniformLocation;
import static org.lwjgl.opengl.GL20C.glUniform1f;
import static org.lwjgl.opengl.GL20C.glUniform1i;
import static org.lwjgl.opengl.GL20C.glUniform2f;
import static org.lwjgl.opengl.GL20C.glUniform3f;
import static org.lwjgl.opengl.GL20C.glUniform4f;

import java.nio.file.Path;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.render.FragmentShaderArtwork;
import org.vernissage.engine.render.FullscreenTriangle;
import org.vernissage.shaders.ShaderSourceLoader;

/**
 * An artwork folder (manifest + GLSL) played by {@link FragmentShaderArtwork}, against the same
 * expanded GLSL in the bare loop.
 *
 * <p>Benchmark thread; owned by the benchmark.
 */
final class ManifestCase implements ShaderCase {

    private final ArtworkManifest manifest;
    private final ParameterLayout layout;
    private final String fragmentSource;

    ManifestCase(Path folder) throws Exception {
        this.manifest = ManifestLoader.load(folder);
        this.layout = manifest.layout();
        this.fragmentSource = new ShaderSourceLoader().load(manifest.folder(), manifest.shader()).text();
    }

    @Override
    public String description() {
        return manifest.folder() + " (manifest + GLSL, FragmentShaderArtwork)";
    }

    @Override
    public Artwork newArtwork() throws ArtworkException {
        return new FragmentShaderArtwork(manifest, layout);
    }

    @Override
    public float[] initialValues() {
        float[] values = new float[layout.slotCount()];
        layout.copyDefaultsInto(values);
        return values;
    }

    @Override
    public String vertexSource() {
        return FullscreenTriangle.VERTEX_SHADER;
    }

    @Override
    public String fragmentSource() {
        return fragmentSource;
    }

    @Override
    public void setConstantUniforms(int program) {
        for (ParameterSpec spec : layout.specs()) {
            int location = glGetUniformLocation(program, spec.name());
            float[] v = spec.defaultValue();
            switch (spec.type()) {
                case FLOAT -> glUniform1f(location, v[0]);
                case INT -> glUniform1i(location, Math.round(v[0]));
                case BOOL -> glUniform1i(location, v[0] >= 0.5f ? 1 : 0);
                case EVENT -> glUniform1i(location, 0);
                case VEC2 -> glUniform2f(location, v[0], v[1]);
                case VEC3 -> glUniform3f(location, v[0], v[1], v[2]);
                case COLOR -> glUniform4f(location, v[0], v[1], v[2], v[3]);
            }
        }
    }
}
