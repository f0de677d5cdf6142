package org.vernissage.engine.render.reload;

import java.lang.System.Logger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ReloadableArtwork;
import org.vernissage.engine.render.RenderControl;
import org.vernissage.engine.render.RenderMailbox;
import org.vernissage.engine.render.RenderTask;

/**
 * Hot reload: the artwork's files are watched ({@link SourceWatcher}, an agent on the thread
 * {@value #THREAD_NAME}) and, once a save has settled, a preallocated task posted to the render
 * mailbox calls {@link ReloadableArtwork#reload} at the next frame boundary. A build that fails
 * keeps the last good program on the wall and is reported once per distinct error
 * ({@link ReloadReport}); the parameter values live in the conductor and are untouched.
 *
 * <p>The build runs on the render thread, in the frame that takes it. On Mesa 22.3 llvmpipe most
 * of its cost is not the compile and link but the first draw, where llvmpipe JITs the program
 * (200-450 ms for tidewater). Two ways off the render thread were tried (see "Known limits" and
 * "Decisions" in docs/architecture.md, and "Hot reload" in docs/performance.md):
 * <ul>
 *   <li>A build in a second context <em>sharing objects</em> with the render context, with a
 *       warm-up draw there: the render thread's stall fell to 5-18 ms, but the render context then
 *       crashed in the driver (SIGSEGV in swrast_dri.so while drawing tidewater). Removed.
 *   <li>A {@link ProgramCacheWarmer}, when the run gives one: on the watcher's thread, before the
 *       reload is posted, a fresh instance of the artwork is built and drawn once in a second
 *       context that shares <em>nothing</em> with the render context. Mesa's on-disk shader cache
 *       keeps llvmpipe's JIT code, so the render thread's reload of the same files then finds it
 *       there. It needs that cache (on by default; off with {@code MESA_SHADER_CACHE_DISABLE} or
 *       an unwritable cache folder, when reloads stall as without it); in a windowed (GLFW) run
 *       its headless EGL context sits beside the window's and is used only on the same driver.
 * </ul>
 * The pause each reload costs the render thread is measured ({@link ReloadReport}).
 *
 * <p>{@link #start} and {@link #close} on the render thread; the report and health from any thread.
 * Owned by whoever wires the run (the app's reload part).
 */
public final class HotReload implements AutoCloseable {

    /** The watcher's thread. */
    public static final String THREAD_NAME = "vernissage-reload";

    /**
     * How the reload behaves.
     *
     * @param quiet how long the files must be quiet before a save is acted on (debounce)
     * @param missingGrace how long a watched file may be missing (a rename in progress) before the reload goes ahead
     * @param park how long the watcher sleeps between looks
     */
    public record Settings(Duration quiet, Duration missingGrace, Duration park) {

        /** 100 ms quiet (an editor's save is a burst of events within a few ms), 1 s grace, 20 ms looks. */
        public static final Settings DEFAULT = new Settings(Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofMillis(20));
    }

    private final AgentThread thread;
    private final SupervisedAgent agent;
    private final ReloadReport report;
    private final Optional<ProgramCacheWarmer> warmer;

    private HotReload(AgentThread thread, SupervisedAgent agent, ReloadReport report,
                      Optional<ProgramCacheWarmer> warmer) {
        this.thread = thread;
        this.agent = agent;
        this.report = report;
        this.warmer = warmer;
    }

    /** Starts watching {@code artwork}'s files; the render loop must drain {@code mailbox}. Render thread, artwork set up. */
    public static HotReload start(ReloadableArtwork artwork, RenderMailbox mailbox, Settings settings, Logger logger) {
        return start(artwork, mailbox, settings, logger, Optional.empty());
    }

    /**
     * As {@link #start(ReloadableArtwork, RenderMailbox, Settings, Logger)}; with a {@code warmer},
     * each settled save is first built and drawn in the warmer's context, on the watcher's thread,
     * and the warmer's context is closed there when this reload is. Render thread, artwork set up.
     */
    public static HotReload start(ReloadableArtwork artwork, RenderMailbox mailbox, Settings settings, Logger logger,
                                  Optional<ProgramCacheWarmer> warmer) {
        ReloadReport report = new ReloadReport(logger);
        ReloadTask task = new ReloadTask(artwork, mailbox, report, warmer.orElse(null));
        SourceWatcher watcher = new SourceWatcher(artwork.sourceFiles(), task, settings.quiet(), settings.missingGrace(),
                System::nanoTime);
        task.watcher = watcher;
        SupervisedAgent agent = new SupervisedAgent(watcher, logger);
        AgentThread thread = AgentThread.parking(THREAD_NAME, settings.park());
        try {
            thread.add(agent);
        } catch (RuntimeException e) {
            thread.close();
            throw e;
        }
        return new HotReload(thread, agent, report, warmer);
    }

    /** What the reload has done: reloads, failures, the error the wall is stuck on. Any thread. */
    public ReloadReport report() {
        return report;
    }

    /** The watcher agent's health (errors, restarts), for a statistics line. Any thread. */
    public AgentHealth health() {
        return agent;
    }

    /** The cache warmer, when this reload has one: its counts, for a statistics line. Any thread. */
    public Optional<ProgramCacheWarmer> warmer() {
        return warmer;
    }

    /** Stops watching and closes the warmer's context, on the watcher's thread (waits up to 2 s for it). Render thread. */
    @Override
    public void close() {
        thread.close();
    }

    /** Told by the watcher, on its thread, that the files changed; reloads on the render thread. */
    private static final class ReloadTask implements SourceWatcher.Listener {

        private final ReloadableArtwork artwork;
        private final RenderMailbox mailbox;
        private final ReloadReport report;
        private final ProgramCacheWarmer warmer; // null: none
        private final RenderTask reload = this::reload; // made once: nothing allocated to post it
        private SourceWatcher watcher; // set once, before the watcher starts

        ReloadTask(ReloadableArtwork artwork, RenderMailbox mailbox, ReloadReport report, ProgramCacheWarmer warmer) {
            this.artwork = artwork;
            this.mailbox = mailbox;
            this.report = report;
            this.warmer = warmer;
        }

        @Override
        public void filesChanged() {
            if (warmer != null) {
                // Before the post, so the render thread's build finds this save's JIT code in the
                // driver's disk cache; whatever happens in it, the reload is posted.
                warmer.warm();
            }
            mailbox.post(reload); // refused = counted by the mailbox; the next save posts again
        }

        @Override
        public void watcherClosed() {
            if (warmer != null) {
                warmer.close(); // its context is current on this thread, so it is released here
            }
        }

        /** Render thread, frame boundary. */
        private void reload(RenderControl control) {
            long start = System.nanoTime();
            try {
                artwork.reload();
                List<Path> files = artwork.sourceFiles();
                report.succeeded(names(files));
                watcher.watch(files);
            } catch (ArtworkException e) {
                report.failed(e.getMessage());
            } finally {
                report.renderThreadPaused(System.nanoTime() - start);
                if (warmer != null) {
                    warmer.canvasIs(control.canvas()); // a resize since the last reload: the next warm-up matches it
                }
            }
        }
    }

    private static String names(List<Path> files) {
        return files.isEmpty() ? "the artwork" : files.get(0).getFileName().toString()
                + (files.size() > 1 ? " (and " + (files.size() - 1) + " more file" + (files.size() > 2 ? "s)" : ")") : "");
    }
}
