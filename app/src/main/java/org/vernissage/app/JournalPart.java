package org.vernissage.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.journal.JournalException;
import org.vernissage.engine.journal.JournalHeader;
import org.vernissage.engine.journal.JournalPrivacy;
import org.vernissage.engine.journal.JournalWriter;

/**
 * The recording of a live run ({@code --record}): a journal writer, one more consumer of the
 * input ring, so it must be started before the ring ({@link PipelinePart}) and closed after it.
 *
 * <p>Same threads and owner as every {@link RunPart}; the writer then runs on the ring's journal thread.
 */
final class JournalPart implements RunPart {

    private final JournalWriter writer;

    private JournalPart(JournalWriter writer) {
        this.writer = writer;
    }

    /**
     * Creates {@code file} (a new file) for a run of {@code manifest}'s artwork, whose files digest
     * to {@code digest}, recorded as started at {@code start} (what a replay's DATE counts from).
     */
    static JournalPart create(Path file, ArtworkManifest manifest, String digest, FrameSize size,
                              PacingOptions pacing, JournalPrivacy privacy, ShowStart start) throws JournalException {
        return new JournalPart(JournalWriter.create(file, new JournalHeader(size.width(), size.height(),
                pacing.framesPerSecond(), start.epochMillis(), manifest.title(), digest), privacy));
    }

    /** The ring consumer that writes every event. */
    JournalWriter writer() {
        return writer;
    }

    @Override
    public Optional<String> banner() {
        return Optional.of("recording to " + writer.file() + " (" + writer.privacy().describe() + ")");
    }

    @Override
    public List<String> statistics() {
        return List.of("journal " + writer.file() + ": " + writer.eventsWritten() + " events, "
                + writer.bytesWritten() + " bytes"
                + (writer.eventsWithheld() > 0 ? ", " + writer.eventsWithheld() + " raw touches not kept" : "")
                + (writer.failed() ? " (stopped by a write error)" : ""));
    }

    @Override
    public void close() {
        writer.close();
    }
}
