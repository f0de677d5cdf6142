package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL30C.glBindVertexArray;
import static org.lwjgl.opengl.GL30C.glFinish;
import static org.lwjgl.opengl.GL30C.glUseProgram;

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
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.reload.StagedReload;
import org.vernissage.shaders.ShaderDiagnostics;
import org.vernissage.shaders.ShaderSource;
import org.vernissage.shaders.ShaderSourceException;
import org.vernissage.shaders.ShaderSourceLoader;

/**
 * The artwork of a folder that needs no Java: a manifest and a fragment shader drawn over the
 * whole frame, its uniforms fed from the manifest's parameters and the engine's built-ins.
 *
 * <p>It reloads while it plays ({@link StagedReload}): its shader, the shader's includes and its
 * manifest are its source files. What a manifest edit may change live: the shader it names, and
 * the words (title, description); a changed parameter set (a parameter added, removed, renamed or
 * retyped) fails the reload with one line saying a restart is needed, since the conductor, the
 * bindings and the running values are laid out for the old set; changed ranges, defaults, units or
 * bindings are reported once as taking effect at the next start (they live in the conductor and the
 * sensors, which keep the values they hold), and the shader reloads.
 *
 * <p>Render thread only, like every {@link Artwork}, except {@link #build} and {@link #release},
 * which run on the hot reload's build thread with a shared context current and read only final
 * fields. Owned by the render loop (or the part that set it up).
 */
public final class FragmentShaderArtwork implements StagedReload<FragmentShaderArtwork.Programs> {

    private static final Logger LOG = System.getLogger(FragmentShaderArtwork.class.getName());
    /** How {@link ShaderSourceLoader} names library files: they are in the jar, nothing to watch. */
    private static final String LIBRARY_PREFIX = "<vernissage>/";

    private final ArtworkManifest manifest;
    private final ParameterLayout layout;
    private final float[] values;
    private final Set<String> noticed = new HashSet<>(); // the thread that builds (one per run)
    private Programs programs;
    private FullscreenTriangle triangle;

    /**
     * One build: the linked program, its uniforms checked against the running layout, and the
     * files it was made from. Immutable; see {@link StagedReload} for who owns it.
     */
    public record Programs(ShaderProgram program, ParameterUniforms uniforms, List<Path> files,
                           boolean madeOnRenderThread) {
    }

    public FragmentShaderArtwork(ArtworkManifest manifest, ParameterLayout layout) {
        this.manifest = manifest;
        this.layout = layout;
        this.values = new float[layout.slotCount()];
        layout.copyDefaultsInto(values);
    }

    @Override
    public void setup(RenderTarget target) throws ArtworkException {
        programs = build(manifest, null, true);
        triangle = new FullscreenTriangle();
    }

    /** Compiles, links and checks the shader {@code current} names; with a target, draws once into it. */
    private Programs build(ArtworkManifest current, RenderTarget warmUp, boolean onRenderThread)
            throws ArtworkException {
        ShaderSource source = loadSource(current);
        String shaderName = current.shader().toString();
        ShaderProgram program = ShaderProgram.build(FullscreenTriangle.VERTEX_SHADER, source.text(), shaderName,
                log -> ShaderDiagnostics.map(log, source));
        try {
            ParameterUniforms uniforms = ParameterUniforms.check(layout, program.activeUniforms(), shaderName,
                    current.file().toString());
            if (warmUp != null) {
                warmUp(program, warmUp);
            }
            return new Programs(program, uniforms, sourceFiles(current, source), onRenderThread);
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

    /**
     * Draws once with {@code program} in the state the render thread draws in, so that the driver
     * compiles its code now (llvmpipe JITs at the first draw), then leaves nothing bound: a
     * program left current here would be freed under this context by the render thread.
     */
    private static void warmUp(ShaderProgram program, RenderTarget target) {
        try (FullscreenTriangle warm = new FullscreenTriangle()) { // vertex arrays are not shared between contexts
            target.bind();
            program.use();
            warm.draw();
            glUseProgram(0);
            glBindVertexArray(0);
        }
        glFinish(); // the program is complete before the render context sees it
    }

    @Override
    public List<Path> sourceFiles() {
        return programs.files();
    }

    @Override
    public void reload() throws ArtworkException {
        ArtworkManifest edited = ManifestLoader.load(manifest.folder());
        checkParameterSet(edited);
        release(swap(build(edited, null, true)));
    }

    @Override
    public Programs build(RenderTarget warmUp) throws ArtworkException {
        ArtworkManifest edited = ManifestLoader.load(manifest.folder());
        checkParameterSet(edited);
        return build(edited, warmUp, false);
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
    public Programs swap(Programs built) {
        Programs old = programs;
        built.uniforms().continueFrom(old.uniforms()); // an event already shown is not shown again
        programs = built;
        if (old.madeOnRenderThread()) {
            // Each context deletes what it made: llvmpipe crashed drawing after the build thread's
            // context had deleted a program the render context made and drew with.
            old.program().close();
            return null;
        }
        return old;
    }

    @Override
    public void release(Programs replaced) {
        if (replaced != null) {
            replaced.program().close();
        }
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

    /**
     * Deletes the program on the wall even when the build thread made it: the run's end, when the
     * render context is closed next and draws no more (after this, llvmpipe crashed in a later
     * draw of the same context, so a render context is not reused once its artwork is disposed).
     */
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
