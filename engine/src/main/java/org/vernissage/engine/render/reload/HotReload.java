package org.vernissage.engine.render.reload;

import java.lang.System.Logger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ReloadableArtwork;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.RenderControl;
import org.vernissage.engine.render.RenderMailbox;
import org.vernissage.engine.render.RenderTask;
import org.vernissage.engine.render.TargetFormat;

/**
 * Hot reload: the artwork's files are watched ({@link SourceWatcher}, an agent on the thread
 * {@value #THREAD_NAME}) and, once a save has settled, the artwork is rebuilt and the new program
 * put on the wall at a frame boundary through the render mailbox. A build that fails keeps the
 * last good program on the wall and is reported once per distinct error ({@link ReloadReport});
 * the parameter values live in the conductor and are untouched.
 *
 * <p>Two ways, chosen once at {@link #start}:
 * <ul>
 *   <li><b>Off the render thread</b> when the artwork is a {@link StagedReload} and the render
 *       context is an EGL context another can share with: the watcher's thread holds a
 *       {@link SharedEglContext}, builds there (files read, compiled, linked, checked and drawn
 *       once so the driver JITs it), and posts a preallocated swap task; the render thread's part
 *       is a few field writes.</li>
 *   <li><b>On the render thread</b> otherwise (a GLFW window on GLX, an artwork that only
 *       implements {@link ReloadableArtwork#reload}): the watcher posts a preallocated task that
 *       calls {@code reload()} at the next frame boundary; that frame pays for the build.</li>
 * </ul>
 *
 * <p>{@link #start} and {@link #close} on the render thread with its context current (the
 * context must outlive this); the report and health from any thread. Owned by whoever wires the
 * run (the app's reload part), closed before the artwork is disposed.
 */
public final class HotReload implements AutoCloseable {

    /** The watcher's (and, off the render thread, the builder's) thread. */
    public static final String THREAD_NAME = "vernissage-reload";

    /**
     * How the reload behaves.
     *
     * @param quiet how long the files must be quiet before a save is acted on (debounce)
     * @param missingGrace how long a watched file may be missing (a rename in progress) before the reload goes ahead
     * @param park how long the watcher sleeps between looks
     * @param offRenderThread whether to build off the render thread when the artwork and context allow
     */
    public record Settings(Duration quiet, Duration missingGrace, Duration park, boolean offRenderThread) {

        /** 100 ms quiet (an editor's save is a burst of events within a few ms), 1 s grace, 20 ms looks. */
        public static final Settings DEFAULT = new Settings(Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofMillis(20), true);

        public Settings withOffRenderThread(boolean off) {
            return new Settings(quiet, missingGrace, park, off);
        }
    }

    /** How far from the warm-up target's size the variant key is: llvmpipe keys on format, not size. */
    private static final int WARM_UP_SIZE = 16;

    private final AgentThread thread;
    private final SupervisedAgent agent;
    private final SourceWatcher watcher;
    private final ReloadReport report;
    private final boolean offRenderThread;

    private HotReload(AgentThread thread, SupervisedAgent agent, SourceWatcher watcher, ReloadReport report,
                      boolean offRenderThread) {
        this.thread = thread;
        this.agent = agent;
        this.watcher = watcher;
        this.report = report;
        this.offRenderThread = offRenderThread;
    }

    /**
     * Starts watching {@code artwork}'s files. Render thread, context current, artwork set up.
     *
     * @param canvasFormat the format the render loop's canvas has (the warm-up draw's target must match)
     */
    public static HotReload start(ReloadableArtwork artwork, RenderMailbox mailbox, TargetFormat canvasFormat,
                                  Settings settings, Logger logger) {
        ReloadReport report = new ReloadReport(logger);
        Optional<SharedEglContext> shared = settings.offRenderThread() && artwork instanceof StagedReload<?>
                ? SharedEglContext.ofCurrent() : Optional.empty();
        Way way = shared.isPresent()
                ? new OffRenderThread<>((StagedReload<?>) artwork, shared.get(), canvasFormat, mailbox, report)
                : new OnRenderThread(artwork, mailbox, report);
        SourceWatcher watcher = new SourceWatcher(artwork.sourceFiles(), way, settings.quiet(), settings.missingGrace(),
                System::nanoTime);
        way.watcher = watcher;
        SupervisedAgent agent = new SupervisedAgent(watcher, logger);
        AgentThread thread = AgentThread.parking(THREAD_NAME, settings.park());
        try {
            thread.add(agent);
        } catch (RuntimeException e) {
            thread.close();
            throw e;
        }
        return new HotReload(thread, agent, watcher, report, shared.isPresent());
    }

    /** What the reload has done: reloads, failures, the error the wall is stuck on. Any thread. */
    public ReloadReport report() {
        return report;
    }

    /** Whether builds happen off the render thread (in a shared context). */
    public boolean offRenderThread() {
        return offRenderThread;
    }

    /** The watcher agent's health (errors, restarts), for a statistics line. Any thread. */
    public AgentHealth health() {
        return agent;
    }

    /** For the banner, e.g. "hot reload on (builds off the render thread)". */
    public String describe() {
        return "hot reload on (" + (offRenderThread ? "builds off the render thread, in a shared GL context"
                : "builds on the render thread at a frame boundary") + ")";
    }

    /** Stops watching; a build in progress finishes first (the thread waits up to 2 s). Render thread. */
    @Override
    public void close() {
        thread.close();
    }

    /** A way to reload: told by the watcher, on its thread, that the files changed. */
    private abstract static class Way implements SourceWatcher.Listener {
        SourceWatcher watcher; // set once before the watcher starts
    }

    /** Reload on the render thread: one preallocated task calls {@code reload()}. */
    private static final class OnRenderThread extends Way {

        private final ReloadableArtwork artwork;
        private final RenderMailbox mailbox;
        private final ReloadReport report;
        private final RenderTask reload = this::reload;

        OnRenderThread(ReloadableArtwork artwork, RenderMailbox mailbox, ReloadReport report) {
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
                report.succeeded(names(artwork.sourceFiles()));
                watcher.watch(artwork.sourceFiles());
            } catch (ArtworkException e) {
                report.failed(e.getMessage());
            } finally {
                report.renderThreadPaused(System.nanoTime() - start);
            }
        }
    }

    /** Build on the watcher's thread in a shared context; swap on the render thread. */
    private static final class OffRenderThread<T> extends Way {

        private final StagedReload<T> artwork;
        private final SharedEglContext context;
        private final TargetFormat format;
        private final RenderMailbox mailbox;
        private final ReloadReport report;
        private final AtomicReference<T> ready = new AtomicReference<>();    // watcher -> render thread
        private final Queue<T> replaced = new ConcurrentLinkedQueue<>();     // render thread -> watcher
        private final RenderTask swap = this::swap;
        private Framebuffer warmUp; // watcher thread, in the shared context
        private boolean current;    // watcher thread

        @SuppressWarnings("unchecked")
        OffRenderThread(StagedReload<?> artwork, SharedEglContext context, TargetFormat format, RenderMailbox mailbox,
                        ReloadReport report) {
            this.artwork = (StagedReload<T>) artwork;
            this.context = context;
            this.format = format;
            this.mailbox = mailbox;
            this.report = report;
        }

        @Override
        public void filesChanged() {
            enter();
            releaseReplaced();
            T built;
            try {
                built = artwork.build(warmUp);
            } catch (ArtworkException e) {
                report.failed(e.getMessage());
                return;
            } catch (RuntimeException e) {
                report.failed("rebuilding the artwork failed: " + e);
                return;
            }
            T stale = ready.getAndSet(built);
            if (stale != null) {
                artwork.release(stale); // built but overtaken by a newer save before the render thread took it
            }
            mailbox.post(swap);
        }

        private void enter() {
            if (!current) {
                context.makeCurrent();
                current = true;
                warmUp = new Framebuffer(WARM_UP_SIZE, WARM_UP_SIZE, format);
            }
        }

        private void releaseReplaced() {
            T old;
            while ((old = replaced.poll()) != null) {
                artwork.release(old);
            }
        }

        /** Render thread, frame boundary: a few field writes. */
        private void swap(RenderControl control) {
            long start = System.nanoTime();
            T built = ready.getAndSet(null);
            if (built == null) {
                return;
            }
            T old = artwork.swap(built);
            if (old != null) {
                replaced.add(old);
            }
            List<Path> files = artwork.sourceFiles();
            report.renderThreadPaused(System.nanoTime() - start);
            report.succeeded(names(files));
            watcher.watch(files);
        }

        /**
         * Releases what waits to be released and leaves the shared context, but never destroys it:
         * destroying it frees the driver code its warm-up draws made, which the render context
         * still draws with. One idle context per run is the price.
         */
        @Override
        public void closing() {
            if (!current) {
                return;
            }
            releaseReplaced();
            T stale = ready.getAndSet(null);
            if (stale != null) {
                artwork.release(stale);
            }
            warmUp.close();
            context.release();
            current = false;
        }
    }

    private static String names(List<Path> files) {
        return files.isEmpty() ? "the artwork" : files.get(0).getFileName().toString()
                + (files.size() > 1 ? " (and " + (files.size() - 1) + " more file" + (files.size() > 2 ? "s)" : ")") : "");
    }
}
