package org.vernissage.engine.journal;

import java.nio.file.Path;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.event.EventKinds;

/**
 * What a journal holds, found by reading it once: how many events and frames, over how long.
 *
 * @param frames frame marks, i.e. frames a replay will draw
 * @param durationNanos from the first frame mark to the last
 * @param truncated whether the file ends inside a record (what came before is still good)
 */
public record JournalSummary(JournalHeader header, long events, long frames, long durationNanos, boolean truncated,
                             long modelResults) {

    /** Reads all of {@code file}. */
    public static JournalSummary of(Path file) throws JournalException {
        try (JournalReader reader = JournalReader.open(file)) {
            InputEvent event = new InputEvent();
            long frames = 0;
            long first = 0;
            long last = 0;
            long modelResults = 0; // a model steered the recorded show: its replay is marked as such
            while (reader.next(event)) {
                if (event.kind() == EventKinds.MODEL_RESULT) {
                    modelResults++;
                }
                if (event.kind() == EventKinds.FRAME_MARK) {
                    if (frames == 0) {
                        first = event.arrivalNanos();
                    }
                    last = event.arrivalNanos();
                    frames++;
                }
            }
            return new JournalSummary(reader.header(), reader.eventsRead(), frames, last - first, reader.truncated(),
                    modelResults);
        }
    }

    /** One line for the console. */
    public String describe() {
        return frames + " frames (" + String.format(java.util.Locale.ROOT, "%.1f", durationNanos / 1e9) + " s), "
                + events + " events of \"" + header.artworkTitle() + "\" at " + header.width() + "x"
                + header.height() + (truncated ? "; the file ends inside a record (cut short): replaying up to it" : "");
    }
}
