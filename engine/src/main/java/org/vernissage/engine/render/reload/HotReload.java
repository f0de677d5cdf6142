package org.vernissage.engine.render.reload;

import java.lang.System.Logger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * <p>The build runs on the render thread, in the frame that takes it. Building in a second EGL
 * context sharing objects with the render context was built and measured (see "Known limits" in
 * docs/architecture.md, and "Hot reload" in docs/performance.md): on Mesa 22.3 llvmpipe most of
 * the cost is not the compile and link but the first draw, where llvmpipe JITs the program, and
 * that code belongs to the context that drew; a warm-up draw in the build context cut the render
 * thread's stall to 5-18 ms, but the render context then crashed in the driver (SIGSEGV in
 * swrast_dri.so while drawing tidewater).
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

    private HotReload(AgentThread thread, SupervisedAgent agent, ReloadReport report) {
        this.thread = thread;
        this.agent = agent;
        this.report = report;
    }

    /** Starts watching {@code artwork}'s files; the render loop must drain {@code mailbox}. Render thread, artwork set up. */
    public static HotReload start(ReloadableArtwork artwork, RenderMailbox mailbox, Settings settings, Logger logger) {
        ReloadReport report = new ReloadReport(logger);
        ReloadTask task = new ReloadTask(artwork, mailbox, report);
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
        return new HotReload(thread, agent, report);
    }

    /** What the reload has done: reloads, failures, the error the wall is stuck on. Any thread. */
    public ReloadReport report() {
        return report;
    }

    /** The watcher agent's health (errors, restarts), for a statistics line. Any thread. */
    public AgentHealth health() {
        return agent;
    }

    /** Stops watching (waits up to 2 s for the watcher's thread). Render thread. */
    @Override
    public void close() {
        thread.close();
    }

    /** Told by the watcher, on its thread, that the files changed; reloads on the render thread. */
    private static final class ReloadTask implements SourceWatcher.Listener {

        private final ReloadableArtwork artwork;
        private final RenderMailbox mailbox;
        private final ReloadReport report;
        private final RenderTask reload = this::reload; // made once: nothing allocated to post it
        private SourceWatcher watcher; // set once, before the watcher starts

        ReloadTask(ReloadableArtwork artwork, RenderMailbox mailbox, ReloadReport report) {
            this.artwork = artwork;
            this.mailbox = mailbox;
            this.report = report;
        }

        @Override
        public void filesChanged() {
            mailbox.post(reload); // refused = counted by the mailbox; the next save posts again
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
            }
        }
    }

    private static String names(List<Path> files) {
        return files.isEmpty() ? "the artwork" : files.get(0).getFileName().toString()
                + (files.size() > 1 ? " (and " + (files.size() - 1) + " more file" + (files.size() > 2 ? "s)" : ")") : "");
    }
}
