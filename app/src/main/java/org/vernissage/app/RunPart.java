package org.vernissage.app;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.vernissage.sensors.SourceCounters;

/**
 * One piece of a run that is started and must be closed: a GL context, a journal, the input ring
 * with its conductor, one sensor. A run is the list of its parts ({@link RunParts}), started in
 * order, each given what it needs by the parts before it, and closed newest first.
 *
 * <p>A part is started by a static factory of its class (its {@link PartStarter}), which takes
 * exactly what the part needs, typed: the options of its subsystem and the parts it depends on.
 * The factory returns the part only once it is fully started; a factory that throws leaves
 * nothing open.
 *
 * <p>Started and closed on the thread preparing the run (the render thread);
 * {@link #banner()}, {@link #sources()} and {@link #statistics()} may be called from any thread
 * once the run is prepared, and after it is closed. Owned by the run's {@link RunParts}.
 */
interface RunPart extends AutoCloseable {

    /** A few words for the start banner ("OSC on udp 0.0.0.0:9000"), or empty to say nothing. */
    default Optional<String> banner() {
        return Optional.empty();
    }

    /** The input sources whose traffic this part counts, for the statistics' per-source lines. */
    default List<SourceCounters> sources() {
        return List.of();
    }

    /** Statistics lines of this part's own ("journal x.vnsj: 12 events, 480 bytes"); none to say nothing. */
    default List<String> statistics() {
        return List.of();
    }

    /** Stops and releases what the part holds; called once, after every part started later was closed. */
    @Override
    void close() throws IOException;
}
