package org.vernissage.bench.frametime;


import java.nio.file.Path;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.param.ParameterLayout;
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
    public ParameterLayout layout() {
        return layout;
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
        DefaultUniforms.set(program, layout);
    }
}
