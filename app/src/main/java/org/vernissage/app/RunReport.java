package org.vernissage.app;

import java.util.List;
import java.util.Optional;
import org.vernissage.engine.metrics.FrameStats;

/**
 * What a run has done so far, for the console: frames and their timing, every input source's
 * traffic, what the conductor had to drop, and the recording.
 *
 * <p>Immutable; made by {@link ArtworkRun#report()} on any thread.
 *
 * @param scheduledDropped time-tagged events dropped because too many were waiting
 * @param touchesTimedOut touch points removed because their source stopped reporting them
 * @param journal one line about the recording or replay, if there is one
 */
public record RunReport(FrameStats.Summary frames, List<SourceReading> sources, long scheduledDropped,
                        long touchesTimedOut, Optional<String> journal) {

    public RunReport {
        sources = List.copyOf(sources);
    }

    /** Messages received by every source whose name starts with {@code prefix} (e.g. "OSC"). */
    public long received(String prefix) {
        return sources.stream().filter(s -> s.source().startsWith(prefix)).mapToLong(SourceReading::received).sum();
    }

    /** Malformed input refused by every source whose name starts with {@code prefix}. */
    public long rejected(String prefix) {
        return sources.stream().filter(s -> s.source().startsWith(prefix)).mapToLong(SourceReading::rejected).sum();
    }

    /** Several lines: frames first, then one per source, then the pipeline and the journal. */
    public String describe() {
        StringBuilder text = new StringBuilder(frames.describe());
        for (SourceReading source : sources) {
            text.append("\n  ").append(source.describe());
        }
        if (scheduledDropped > 0 || touchesTimedOut > 0) {
            text.append("\n  pipeline: ").append(scheduledDropped).append(" time-tagged events dropped (too many"
                    + " waiting), ").append(touchesTimedOut).append(" touch points timed out");
        }
        journal.ifPresent(line -> text.append("\n  ").append(line));
        return text.toString();
    }
}
