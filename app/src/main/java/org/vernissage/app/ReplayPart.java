package org.vernissage.app;

import java.util.List;
import java.util.Optional;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.journal.JournalException;
import org.vernissage.engine.journal.JournalPlayer;
import org.vernissage.engine.journal.JournalReader;
import org.vernissage.engine.journal.JournalSummary;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.FramePacer;

/**
 * A recorded session played back in place of the sensors: the journal player publishes every
 * recorded input into the ring on the recorded timeline and paces the render loop by the
 * recorded frames.
 *
 * <p>Same threads and owner as every {@link RunPart}; the player then paces the render thread.
 */
final class ReplayPart implements RunPart {

    private final JournalOptions.Replay replay;
    private final JournalSummary summary;
    private final JournalPlayer player;

    private ReplayPart(JournalOptions.Replay replay, JournalSummary summary, JournalPlayer player) {
        this.replay = replay;
        this.summary = summary;
        this.player = player;
    }

    /** Opens {@code replay}'s journal, already checked into {@code summary}, to play into {@code ring}. */
    static ReplayPart open(JournalOptions.Replay replay, JournalSummary summary, InputRing ring,
                           SnapshotExchange snapshots) throws JournalException {
        return new ReplayPart(replay, summary, new JournalPlayer(JournalReader.open(replay.journal()), ring, snapshots,
                replay.realTime() ? new SystemClock() : null));
    }

    /** The render loop's pacer: the recorded frames. */
    FramePacer pacer() {
        return player;
    }

    /** How many frames to render: the recording's, or fewer if {@code limit} (0: none) says so. */
    long frames(long limit) {
        return limit == 0 ? summary.frames() : Math.min(limit, summary.frames());
    }

    @Override
    public Optional<String> banner() {
        return Optional.of("replaying " + replay.journal() + ": " + summary.describe());
    }

    @Override
    public List<String> statistics() {
        return List.of("replayed " + player.framesPlayed() + " of " + summary.frames() + " recorded frames");
    }

    @Override
    public void close() {
        player.close();
    }
}
