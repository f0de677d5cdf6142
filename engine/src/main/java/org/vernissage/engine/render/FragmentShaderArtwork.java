package org.vernissage.engine.render;

import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.shaders.ShaderDiagnostics;
import org.vernissage.shaders.ShaderSource;
import org.vernissage.shaders.ShaderSourceException;
import org.vernissage.shaders.ShaderSourceLoader;

/**
 * The artwork of a folder that needs no Java: a manifest and a fragment shader drawn over the
 * whole frame, its uniforms fed from the manifest's parameters and the engine's built-ins.
 *
 * <p>Render thread only, like every {@link Artwork}; owned by the render loop.
 */
public final class FragmentShaderArtwork implements Artwork {

    private final ArtworkManifest manifest;
    private final ParameterLayout layout;
    private final float[] values;
    private ShaderProgram program;
    private ParameterUniforms uniforms;
    private FullscreenTriangle triangle;

    public FragmentShaderArtwork(ArtworkManifest manifest, ParameterLayout layout) {
        this.manifest = manifest;
        this.layout = layout;
        this.values = new float[layout.slotCount()];
        layout.copyDefaultsInto(values);
    }

    @Override
    public void setup(RenderTarget target) throws ArtworkException {
        ShaderSource source = loadSource();
        String shaderName = manifest.shader().toString();
        program = ShaderProgram.build(FullscreenTriangle.VERTEX_SHADER, source.text(), shaderName,
                log -> ShaderDiagnostics.map(log, source));
        uniforms = ParameterUniforms.check(layout, program.activeUniforms(), shaderName,
                manifest.file().toString());
        triangle = new FullscreenTriangle();
    }

    private ShaderSource loadSource() throws ArtworkException {
        try {
            return new ShaderSourceLoader().load(manifest.folder(), manifest.shader());
        } catch (ShaderSourceException e) {
            throw new ArtworkException(e.getMessage(), e);
        }
    }

    @Override
    public void update(FrameInfo frame, ParameterSnapshot parameters) {
        // Copied so that render() reads only the artwork's own state, whatever the snapshot does.
        parameters.copyValuesInto(values);
        uniforms.updateTouches(parameters.touches());
    }

    @Override
    public void render(FrameInfo frame, RenderTarget target) {
        program.use();
        uniforms.applyBuiltins(frame.shaderTimeSeconds(), target.width(), target.height(), frame.index());
        uniforms.applyParameters(values);
        triangle.draw();
    }

    @Override
    public void dispose() {
        if (triangle != null) {
            triangle.close();
        }
        if (program != null) {
            program.close();
        }
    }
}
