package org.vernissage.app;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.showcontrol.cue.ControlCommands;
import org.vernissage.showcontrol.cue.CueFileWatcher;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.RecordedCueLists;

/**
 * Reloads {@code cues.json} when it is saved during a live run that has a console to run cues
 * from (the control port, the web console, MIDI show control): the watcher looks twice a second
 * on its own parking thread ("vernissage-cue-watch"), offers a good list to the cue stage and
 * sends a {@code RELOAD} through the ring, so the swap has its place among the journalled events;
 * a broken save is reported (the file, the cue and the field) and the last good list runs on.
 * Every console reads cue numbers against the list the stage runs ({@code CueListInForce}).
 *
 * <p>Same threads and owner as every {@link RunPart}.
 */
final class CueFilePart implements RunPart {

    /** How often a run looks whether cues.json was saved. */
    static final Duration LOOK = Duration.ofMillis(500);
    private static final Logger LOG = System.getLogger(CueFilePart.class.getName());

    private final AgentThread thread;
    private final CueFileWatcher watcher;

    private CueFilePart(AgentThread thread, CueFileWatcher watcher) {
        this.thread = thread;
        this.watcher = watcher;
    }

    /** Whether a run whose consoles are these watches its cue file: only when something runs cues. */
    static boolean wanted(boolean control, boolean console, boolean midiCues) {
        return control || console || midiCues;
    }

    /**
     * Starts watching {@code cueFile} (which may not exist yet); a recorded run keeps each reloaded
     * list in {@code keeping}, numbered as its {@code RELOAD} says.
     */
    static CueFilePart start(Path cueFile, ParameterLayout layout, PipelinePart pipeline, Clock clock,
                             Optional<RecordedCueLists> keeping) {
        AgentThread thread = AgentThread.parking("vernissage-cue-watch", LOOK);
        try {
            Reloader reloader = new Reloader(pipeline, clock, keeping);
            CueFileWatcher watcher = new CueFileWatcher(cueFile, layout, reloader, LOOK, LOG);
            thread.add(new SupervisedAgent(watcher, LOG));
            return new CueFilePart(thread, watcher);
        } catch (RuntimeException e) {
            thread.close();
            throw e;
        }
    }

    /**
     * Offers a good new list to the stage, keeps its text beside a journal being recorded, then
     * sends {@code RELOAD k} through the ring (k: the reloads so far, this one included; a list the
     * ring could not take yet keeps its k for the next try). The watcher's thread only.
     */
    private static final class Reloader implements CueFileWatcher.Reload {
        private final PipelinePart pipeline;
        private final Clock clock;
        private final Optional<RecordedCueLists> keeping;
        private final InputEvent reload = new InputEvent();
        private final ConsoleCommandFlyweight command = new ConsoleCommandFlyweight();
        private int version = 1;
        private boolean keepFailed;

        Reloader(PipelinePart pipeline, Clock clock, Optional<RecordedCueLists> keeping) {
            this.pipeline = pipeline;
            this.clock = clock;
            this.keeping = keeping;
        }

        @Override
        public boolean reload(CueList list, String text) {
            pipeline.cueStage().offer(list);
            keeping.ifPresent(kept -> keep(kept, text));
            command.wrap(reload.begin(EventKinds.CONSOLE_COMMAND, clock.nanos(), InputBatch.IMMEDIATELY, false))
                    .reset(-1, ControlCommands.RELOAD, 0).argument(0, version);
            if (!pipeline.ring().offerEvent(reload)) {
                return false;
            }
            version++;
            return true;
        }

        private void keep(RecordedCueLists kept, String text) {
            try {
                kept.write(version, text);
            } catch (IOException e) {
                if (!keepFailed) {
                    keepFailed = true;
                    LOG.log(Level.WARNING, "cannot keep the reloaded cue list in " + kept.folder() + " ("
                            + e.getMessage() + "): a replay of this run will not reload it; logged once");
                }
            }
        }
    }

    @Override
    public Optional<String> banner() {
        return Optional.empty();
    }

    @Override
    public List<String> statistics() {
        if (watcher.reloads() + watcher.refused() == 0) {
            return List.of();
        }
        return List.of("cue list: " + watcher.reloads() + " reloads, " + watcher.refused() + " broken saves refused"
                + (watcher.failing().isEmpty() ? "" : "; failing now, the last good list runs: " + watcher.failing()));
    }

    @Override
    public void close() {
        thread.close();
    }
}
