package org.vernissage.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.artwork.ReloadableArtwork;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.GlContext;
import org.vernissage.engine.render.RenderMailbox;
import org.vernissage.engine.render.TargetFormat;
import org.vernissage.engine.render.reload.GlDriver;
import org.vernissage.engine.render.reload.HotReload;
import org.vernissage.engine.render.reload.MesaShaderCache;
import org.vernissage.engine.render.reload.ProgramCacheWarmer;
import org.vernissage.engine.render.reload.ReloadReport;

/**
 * Hot reload ({@code vernissage run}, on unless {@code --no-reload}): the artwork's shader, its
 * includes and its manifest are watched, and a save puts the new program on the wall at a frame
 * boundary; a save that does not build leaves the last good program there and is reported once
 * per distinct error, in the log and in the statistics ({@link ReloadReport#describe()}).
 *
 * <p>Each settled save is first built and drawn once in a headless EGL context of the watcher's
 * own ({@link ProgramCacheWarmer}), so that the render thread's build finds llvmpipe's JIT code in
 * Mesa's disk cache and the frame that takes the reload does not stall; its counts are a statistics
 * line. In a windowed run the warm context sits beside the window's GLX context (tried under Xvfb:
 * docs/architecture.md, Decisions) and is used only on the window's driver ({@link GlDriver}): the
 * warmer gives up at its first open when it is another. Where Mesa's disk cache is off or its folder
 * cannot be written ({@link MesaShaderCache}), or the window's driver is not Mesa's, the warmer
 * would only compete for the cores: the run reloads on the render thread alone, and the banner says why.
 *
 * <p>Started after the artwork part, so it is closed (the watcher stopped) before the artwork is
 * disposed. Same threads and owner as every {@link RunPart}.
 */
final class ReloadPart implements RunPart {

    private final HotReload reload;
    private final String banner;
    private final AgentHealthLine agent;

    private ReloadPart(HotReload reload, String banner) {
        this.reload = reload;
        this.banner = banner;
        this.agent = new AgentHealthLine("hot reload", reload::health);
    }

    /**
     * Starts watching {@code artwork}'s files; the render loop must drain {@code mailbox}. A cache
     * warmer makes fresh instances with {@code fresh}, drawn at {@code size} in RGBA8 (the render
     * loop's canvas). Render thread, {@code context} current.
     */
    static ReloadPart start(ReloadableArtwork artwork, RenderMailbox mailbox, GlContext context,
                            ProgramCacheWarmer.ArtworkFactory fresh, ParameterLayout layout, FrameSize size) {
        System.Logger logger = System.getLogger(HotReload.class.getName());
        // A window's context is read here, where it is current; a headless EGL one is the warmer's own kind.
        Optional<GlDriver> window = context instanceof EglSurfacelessContext
                ? Optional.empty() : Optional.of(GlDriver.ofCurrentContext());
        Optional<String> noWarmer = window.flatMap(GlDriver::whyNotMesa)
                .or(() -> MesaShaderCache.whyUnusable(System.getenv(), Path.of(System.getProperty("user.home"))));
        Optional<ProgramCacheWarmer> warmer = noWarmer.isPresent() ? Optional.empty()
                : Optional.of(window.isPresent()
                        ? ProgramCacheWarmer.headlessEglBeside(window.get(), fresh, layout, size.width(), size.height(),
                                TargetFormat.RGBA8, logger)
                        : ProgramCacheWarmer.headlessEgl(fresh, layout, size.width(), size.height(),
                                TargetFormat.RGBA8, logger));
        String banner = "hot reload on (--no-reload to turn it off)" + noWarmer
                .map(why -> "; each save compiles on the render thread (" + why + ")")
                .orElse("; each save warmed off the render thread first");
        return new ReloadPart(HotReload.start(artwork, mailbox, HotReload.Settings.DEFAULT, logger, warmer), banner);
    }

    /** What the reload has done so far. Any thread. */
    ReloadReport report() {
        return reload.report();
    }

    @Override
    public Optional<String> banner() {
        return Optional.of(banner);
    }

    @Override
    public List<String> statistics() {
        List<String> lines = new ArrayList<>();
        ReloadReport report = reload.report();
        if (report.reloads() > 0 || report.failures() > 0) {
            lines.add(report.describe());
            reload.warmer().ifPresent(warmer -> lines.add("hot reload: " + warmer.describe()));
        }
        lines.addAll(agent.lines());
        return lines;
    }

    @Override
    public void close() {
        agent.partClosed();
        reload.close();
    }
}
