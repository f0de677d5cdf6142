package org.vernissage.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vernissage.sensors.SourceCounters;

/**
 * The parts of one run, in the order they were started. Starting a part adds it; a part that
 * fails to start closes every part already started, newest first, before its failure goes on to
 * the caller, so a run that cannot start leaves no socket, thread or file open. Closing the run
 * closes every part newest first: the sensors stop producing before the ring stops consuming, the
 * ring drains before the journal closes, captures flush before the GL context goes.
 *
 * <p>Started and closed on the thread preparing the run; once prepared, the list no longer
 * changes and its read methods may be called from any thread (the start is published to them by
 * the thread start or executor hand-over that gives them the run). Owned by the {@link ArtworkRun}.
 */
final class RunParts implements AutoCloseable {

    private final List<RunPart> started = new ArrayList<>();
    private boolean closed;

    /**
     * Starts a part and adds it to the run.
     *
     * @return the part, for the parts after it that need it
     * @throws E what {@code starter} threw, after every part already started was closed
     */
    <P extends RunPart, E extends Exception> P start(PartStarter<P, E> starter) throws E {
        if (closed) {
            throw new IllegalStateException("the run is closed");
        }
        P part;
        try {
            part = starter.start();
        } catch (Throwable failure) {
            closeAfter(failure);
            throw failure;
        }
        started.add(part);
        return part;
    }

    /** The started parts of {@code type}, in start order. */
    <T> List<T> ofType(Class<T> type) {
        return started.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The start banner's pieces, in start order. */
    List<String> banner() {
        return started.stream().map(RunPart::banner).flatMap(Optional::stream).toList();
    }

    /** Every part's input sources, in start order. */
    List<SourceCounters> sources() {
        return started.stream().flatMap(part -> part.sources().stream()).toList();
    }

    /**
     * Every part's statistics lines, newest part first: downstream from the inputs, what the
     * pipeline did, then what was written (the journal, the captured frames).
     */
    List<String> statistics() {
        return started.reversed().stream().flatMap(part -> part.statistics().stream()).toList();
    }

    /**
     * Closes every part, newest first, even when some fail; the first failure is thrown once all
     * were tried. Closing twice closes nothing the second time.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException first = null;
        for (RunPart part : started.reversed()) {
            try {
                part.close();
            } catch (IOException | RuntimeException e) {
                IOException failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Closes what had started when a later step failed; the failure the user needs stays {@code failure}. */
    void closeAfter(Throwable failure) {
        try {
            close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
