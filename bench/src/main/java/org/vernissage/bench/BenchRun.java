package org.vernissage.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.vernissage.app.ArtworkRun;
import org.vernissage.app.RunOptions;
import org.vernissage.engine.render.FrameListener;

/**
 * A whole engine run, as the app wires it, playing on a render thread of its own ("bench-render")
 * while an end-to-end benchmark drives it from its main thread; the run's own printing is dropped.
 *
 * <p>Made and closed by the benchmark's main thread; the run is the render thread's.
 */
public final class BenchRun implements AutoCloseable {

    private final ArtworkRun run;
    private final CompletableFuture<Void> finished;

    private BenchRun(ArtworkRun run, CompletableFuture<Void> finished) {
        this.run = run;
        this.finished = finished;
    }

    /** Prepares the run on a new render thread and returns once it plays (at most 30 s). */
    public static BenchRun start(RunOptions options, List<FrameListener> listeners) throws Exception {
        CompletableFuture<ArtworkRun> started = new CompletableFuture<>();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        Thread render = new Thread(() -> {
            try {
                try (ArtworkRun run = ArtworkRun.prepare(options, listeners,
                        new PrintStream(PrintStream.nullOutputStream()))) {
                    started.complete(run);
                    run.renderUntilDone();
                }
                finished.complete(null); // only once closed, GL context included
            } catch (Throwable t) {
                started.completeExceptionally(t);
                finished.completeExceptionally(t);
            }
        }, "bench-render");
        render.start();
        return new BenchRun(started.get(30, TimeUnit.SECONDS), finished);
    }

    /** The playing run. */
    public ArtworkRun run() {
        return run;
    }

    /** Stops the run and waits (at most 30 s) until it has closed, GL context included. */
    @Override
    public void close() throws Exception {
        run.requestStop();
        finished.get(30, TimeUnit.SECONDS);
    }
}
