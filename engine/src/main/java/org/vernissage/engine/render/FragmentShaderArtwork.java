package org.vernissage.engine.render;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.artwork.ReloadableArtwork;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.shaders.ShaderDiagnostics;
import org.vernissage.shaders.ShaderSource;
import org.vernissage.shaders.ShaderSourceException;
import org.vernissage.shaders.ShaderSourceLoader;

/**
 * The artwork of a folder that needs no Java: a manifest and a fragment shader drawn over the
 * whole frame, its uniforms fed from the manifest's parameters and the engine's built-ins.
 *
 * <p>It reloads while it plays ({@link ReloadableArtwork}): its shader, the shader's includes and its
 * manifest are its source files. What a manifest edit may change live: the shader it names, and
 * the words (title, description); a changed parameter set (a parameter added, removed, renamed or
 * retyped) fails the reload with one line saying a restart is needed, since the conductor, the
 * bindings and the running values are laid out for the old set; changed ranges, defaults, units or
 * bindings are reported once as taking effect at the next start (they live in the conductor and the
 * sensors, which keep the values they hold), and the shader reloads.
 *
 * <p>Render thread only, like every {@link Artwork}. Owned by the render loop (or the part that
 * set it up).
 */
public final class FragmentShaderArtwork implements ReloadableArtwork {

    private static final Logger LOG = System.getLogger(FragmentShaderArtwork.class.getName());
    /** How {@link ShaderSourceLoader} names library files: they are in the jar, nothing to watch. */
    private static final String LIBRARY_PREFIX = "<vernissage>/";

    private final ArtworkManifest manifest;
    private final ParameterLayout layout;
    private final float[] values;
    private final Set<String> noticed = new HashSet<>(); // manifest notices already logged
    private Programs programs;
    private FullscreenTriangle triangle;

    /** One build: the linked program, its uniforms checked against the running layout, its files. */
    private record Programs(ShaderProgram program, ParameterUniforms uniforms, List<Path> files) {
    }

    public FragmentShaderArtwork(ArtworkManifest manifest, ParameterLayout layout) {
        this.manifest = manifest;
        this.layout = layout;
        this.values = new float[layout.slotCount()];
        layout.copyDefaultsInto(values);
    }

    @Override
    public void setup(RenderTarget target) throws ArtworkException {
        programs = build(manifest);
        triangle = new FullscreenTriangle();
    }

    /** Compiles, links and checks the shader {@code current} names against the running layout. */
    private Programs build(ArtworkManifest current) throws ArtworkException {
        ShaderSource source = loadSource(current);
        String shaderName = current.shader().toString();
        ShaderProgram program = ShaderProgram.build(FullscreenTriangle.VERTEX_SHADER, source.text(), shaderName,
                log -> ShaderDiagnostics.map(log, source));
        try {
            ParameterUniforms uniforms = ParameterUniforms.check(layout, program.activeUniforms(), shaderName,
                    current.file().toString());
            return new Programs(program, uniforms, sourceFiles(current, source));
        } catch (ArtworkException | RuntimeException e) {
            program.close();
            throw e;
        }
    }

    private static ShaderSource loadSource(ArtworkManifest current) throws ArtworkException {
        try {
            return new ShaderSourceLoader().load(current.folder(), current.shader());
        } catch (ShaderSourceException e) {
            throw new ArtworkException(e.getMessage(), e);
        }
    }

    /** The shader first (messages name it), its includes, then the manifest. */
    private static List<Path> sourceFiles(ArtworkManifest current, ShaderSource source) {
        List<Path> files = new ArrayList<>();
        for (String origin : source.origins()) {
            if (!origin.startsWith(LIBRARY_PREFIX)) {
                files.add(Path.of(origin));
            }
        }
        files.add(current.file());
        return List.copyOf(files);
    }

    @Override
    public List<Path> sourceFiles() {
        return programs.files();
    }

    /**
     * Reads the manifest and the shader again, builds, and swaps the new program in; on failure
     * nothing changes. The trigger counts already shown carry over, so no event fires twice.
     */
    @Override
    public void reload() throws ArtworkException {
        ArtworkManifest edited = ManifestLoader.load(manifest.folder());
        checkParameterSet(edited);
        Programs built = build(edited);
        built.uniforms().continueFrom(programs.uniforms());
        programs.program().close();
        programs = built;
    }

    /** A changed parameter set needs a restart; other changes to what the conductor holds take effect at one. */
    private void checkParameterSet(ArtworkManifest edited) throws ArtworkException {
        List<String> running = signature(manifest.parameters());
        List<String> now = signature(edited.parameters());
        if (!running.equals(now)) {
            throw new ArtworkException(edited.file() + ": the parameters changed (running " + String.join(", ", running)
                    + "; now " + String.join(", ", now) + "): restart the piece to play them; the running shader stays");
        }
        if (!manifest.parameters().equals(edited.parameters()) || !manifest.bindings().equals(edited.bindings())) {
            String notice = edited.file() + ": changed ranges, defaults, units or bindings take effect when the piece"
                    + " is restarted; the shader reloads and the running values and bindings stay";
            if (noticed.add(notice)) {
                LOG.log(Level.WARNING, "hot reload: " + notice);
            }
        }
    }

    private static List<String> signature(List<ParameterSpec> parameters) {
        return parameters.stream().map(spec -> spec.type().manifestName() + " " + spec.name()).toList();
    }

    @Override
    public void update(FrameInfo frame, ParameterSnapshot parameters) {
        // Copied so that render() reads only the artwork's own state, whatever the snapshot does.
        parameters.copyValuesInto(values);
        programs.uniforms().updateTouches(parameters.touches());
    }

    @Override
    public void render(FrameInfo frame, RenderTarget target) {
        Programs drawn = programs;
        drawn.program().use();
        drawn.uniforms().applyBuiltins(frame.shaderTimeSeconds(), target.width(), target.height(), frame.index());
        drawn.uniforms().applyParameters(values);
        triangle.draw();
    }

    @Override
    public void dispose() {
        if (triangle != null) {
            triangle.close();
        }
        if (programs != null) {
            programs.program().close();
        }
    }
}
