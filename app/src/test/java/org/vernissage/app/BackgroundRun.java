package org.vernissage.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.vernissage.engine.render.FrameListener;

/**
 * Test support: an {@link ArtworkRun} playing on its own render thread ("test-render"), as
 * {@code vernissage run} plays on the main thread, so that a test can feed its inputs while it
 * plays. {@link #close()} asks it to stop and waits for the thread to end, rethrowing what the run
 * threw.
 *
 * <p>Owned by one test method's thread.
 */
final class BackgroundRun implements AutoCloseable {

    private static final long START_SECONDS = 10;

    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final ArtworkRun run;

    private BackgroundRun(RunOptions options, List<FrameListener> listeners) throws Exception {
        CompletableFuture<ArtworkRun> started = new CompletableFuture<>();
        Thread render = new Thread(() -> {
            try {
                try (ArtworkRun playing = ArtworkRun.prepare(options, listeners, new PrintStream(console, true))) {
                    started.complete(playing);
                    playing.renderUntilDone();
                }
                finished.complete(null); // after close: the run's closing lines are in the console
            } catch (Throwable t) {
                started.completeExceptionally(t);
                finished.completeExceptionally(t);
            }
        }, "test-render");
        render.start();
        this.run = started.get(START_SECONDS, TimeUnit.SECONDS);
    }

    /** Prepares the run on a new render thread and returns once it plays. */
    static BackgroundRun start(RunOptions options, List<FrameListener> listeners) throws Exception {
        return new BackgroundRun(options, listeners);
    }

    ArtworkRun run() {
        return run;
    }

    /** What the run printed so far. */
    String console() {
        return console.toString();
    }

    /** Waits until the run ends by itself (a frame limit) and is closed, at most {@code seconds}. */
    void awaitEnd(long seconds) throws Exception {
        finished.get(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        run.requestStop();
        awaitEnd(10);
    }
}
