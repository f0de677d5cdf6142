package org.vernissage.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Recording a live run to a journal, or playing one back instead of listening to sensors.
 *
 * <p>Immutable; checked once on construction.
 *
 * @param record a journal file to record every input to, or empty
 * @param replay a journal to play back instead of listening to sensors, or empty
 */
public record JournalOptions(Optional<Path> record, Optional<Replay> replay) {

    /** Neither recording nor replaying. */
    public static final JournalOptions NONE = new JournalOptions(Optional.empty(), Optional.empty());

    /**
     * Playing a journal back.
     *
     * @param realTime keep the recorded pace (a show); false renders as fast as possible
     */
    public record Replay(Path journal, boolean realTime) {
        public Replay {
            Objects.requireNonNull(journal, "journal");
        }
    }

    public JournalOptions {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(replay, "replay");
        if (record.isPresent() && replay.isPresent()) {
            throw new IllegalArgumentException("a replay cannot be recorded again: --record is for live runs");
        }
    }
}
