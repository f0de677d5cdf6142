package org.vernissage.app;

import java.io.IOException;
import java.lang.System.Logger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueListInForce;
import org.vernissage.showcontrol.state.PersistenceStage;
import org.vernissage.showcontrol.state.SavedShow;
import org.vernissage.showcontrol.state.ShowRestore;
import org.vernissage.showcontrol.state.ShowStateFile;
import org.vernissage.showcontrol.state.ShowStateWriter;

/**
 * A show that survives a power cut: at start, the artwork's saved state (values, playhead, running
 * fades with their time left) goes into the ring as one batch, unless {@code --fresh}; then the
 * conductor's {@link PersistenceStage} publishes the state every 100 ms of show time and the
 * {@link ShowStateWriter} on "vernissage-state" writes it atomically when it changed. A saved file
 * that cannot be read is named once and the show starts from the top (the next write replaces it).
 *
 * <p>Made in two steps on the wiring thread: {@link #exchange} before the pipeline (the stage
 * publishes into it), {@link #start} after, before the sensors. Same threads and owner as every
 * {@link RunPart}.
 */
final class StatePart implements RunPart {

    private static final Logger LOG = System.getLogger(StatePart.class.getName());
    /**
     * How often the writer looks for a new state. A quarter of a second: after a GO the file is at
     * most this much (plus the stage's 100 ms) behind, and a closed venue's writer wakes four times
     * a second, not ten (each wake of code that runs this seldom costs hundreds of microseconds on
     * a slow day: issue 12's standby budget).
     */
    private static final Duration LOOK = Duration.ofMillis(250);

    private final Path folder;
    private final String restored;
    private final ShowStateWriter writer;
    private final AgentThread thread;

    private StatePart(Path folder, String restored, ShowStateWriter writer, AgentThread thread) {
        this.folder = folder;
        this.restored = restored;
        this.writer = writer;
        this.thread = thread;
    }

    /** The exchange the persistence stage publishes into, for a layout and the start's cue list. */
    static SnapshotExchange exchange(ParameterLayout layout, CueList cues) {
        return new SnapshotExchange(new float[PersistenceStage.packedLength(layout, cues)]);
    }

    /**
     * Restores {@code folder}'s saved show into {@code ring} (unless {@code fresh}) and starts
     * writing the state published into {@code exchange}.
     */
    static StatePart start(Path folder, boolean fresh, String artworkId, ParameterLayout layout, CueList cues,
                           CueListInForce inForce, SnapshotExchange exchange, InputRing ring, Clock clock,
                           List<String> warnings) {
        String restored = "--fresh: started from the top";
        if (!fresh) {
            restored = restore(folder, layout, cues, ring, clock, warnings);
        }
        ShowStateWriter writer = new ShowStateWriter(exchange, layout, cues, inForce, artworkId, folder,
                System.getLogger(ShowStateWriter.class.getName()));
        AgentThread thread = AgentThread.parking("vernissage-state", LOOK);
        thread.add(new SupervisedAgent(writer, LOG));
        return new StatePart(folder, restored, writer, thread);
    }

    private static String restore(Path folder, ParameterLayout layout, CueList cues, InputRing ring, Clock clock,
                                  List<String> warnings) {
        Optional<SavedShow> saved;
        try {
            saved = ShowStateFile.read(folder);
        } catch (IOException e) {
            warnings.add("show state: " + e.getMessage() + "; starting from the top");
            return "saved state unreadable, fresh start";
        }
        if (saved.isEmpty()) {
            return "nothing saved yet";
        }
        List<String> skipped = new ArrayList<>();
        if (!ring.offer(ShowRestore.batch(saved.get(), layout, cues, clock.nanos(), skipped))) {
            warnings.add("show state: the input ring had no room for the restored state; starting from the top");
            return "not restored (ring full)";
        }
        return "resumed: " + ShowRestore.describe(saved.get(), skipped);
    }

    @Override
    public Optional<String> banner() {
        boolean resumed = restored.startsWith("resumed");
        return Optional.of("show state in " + folder + " (" + restored
                + (resumed ? "; --fresh to start from the top" : "") + ")");
    }

    @Override
    public List<String> statistics() {
        return List.of("show state: " + writer.writes() + " writes to " + folder.resolve(ShowStateFile.NAME)
                + (writer.failures() > 0 ? ", " + writer.failures() + " failed" : ""));
    }

    @Override
    public void close() {
        thread.close();
    }
}
