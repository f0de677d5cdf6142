package org.vernissage.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Plays a prepared run on the calling thread until it ends, and makes Ctrl-C or a service stop
 * end it cleanly: the frame in progress finishes, captures and the journal are flushed, the
 * statistics printed. Shared by {@code run} and {@code replay}.
 *
 * <p>Called on the main thread, which renders; the shutdown hook runs on its own thread.
 */
final class Performance {

    private static final long SHUTDOWN_GRACE_SECONDS = 5;

    private Performance() {
    }

    /**
     * Prepares, plays and closes a run; returns the exit code.
     *
     * @param out where the banner, warnings and statistics go: the command line's output
     */
    static int play(RunOptions options, PrintWriter out) throws Exception {
        ArtworkRun run = ArtworkRun.prepare(options, List.of(), out);
        CountDownLatch closed = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> {
            run.requestStop();
            awaitQuietly(closed);
        }, "vernissage-shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try (run) {
            run.renderUntilDone();
        } finally {
            closed.countDown();
            removeQuietly(onSignal);
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running: it is what stopped us
        }
    }
}
