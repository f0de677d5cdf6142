package org.vernissage.app;

import java.io.IOException;
import java.lang.System.Logger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.showcontrol.control.ControlDictionary;
import org.vernissage.showcontrol.control.ControlEndpoint;
import org.vernissage.showcontrol.control.ControlSettings;
import org.vernissage.showcontrol.cue.ControlCommands;
import org.vernissage.showcontrol.cue.CueFileWatcher;
import org.vernissage.showcontrol.cue.CueList;

/**
 * The consoles the conductor answers ({@code --control}): the OSC control endpoint, whose replies
 * it takes from the run's one outbox agent ({@link OutboxPart}, listened to here before it starts
 * draining), and the watcher that reloads {@code cues.json} when it is saved (on its own parking
 * thread "vernissage-cue-watch", a look twice a second).
 *
 * <p>Started only in a live run that asked for a control port; same threads and owner as every
 * {@link RunPart}. Started after the outbox part, so it is closed first: the endpoint stops (no new
 * commands) before the outbox agent.
 */
final class ShowControlPart implements RunPart {

    /** How often a run looks whether cues.json was saved. */
    static final Duration CUE_FILE_LOOK = Duration.ofMillis(500);
    private static final Logger LOG = System.getLogger(ShowControlPart.class.getName());

    private final Optional<ControlEndpoint> endpoint;
    private final Optional<AgentThread> watchThread;
    private final String where;
    private final Optional<CueFileWatcher> watcher;

    private ShowControlPart(Optional<ControlEndpoint> endpoint, Optional<AgentThread> watchThread, String where,
                           Optional<CueFileWatcher> watcher) {
        this.watcher = watcher;
        this.endpoint = endpoint;
        this.watchThread = watchThread;
        this.where = where;
    }

    /** Whether a run with {@code options} needs this part. */
    static boolean wanted(PipelineOptions options) {
        return options.control().isPresent();
    }

    /**
     * Starts the control endpoint, its replies taken from {@code outbox} (which must not be
     * draining yet); with {@code cueFile}, a save of it during the run reloads the cue list (a broken
     * save is reported and the last good list keeps running).
     */
    static ShowControlPart start(PipelinePart pipeline, PipelineOptions options, ArtworkManifest manifest,
                                 CueList cues, Clock clock, OutboxPart outbox, Optional<Path> cueFile)
            throws IOException {
        ControlSettings settings = options.control().orElseThrow();
        ControlEndpoint control = new ControlEndpoint(settings, new ControlDictionary(manifest.id(), cues,
                manifest.layout()), pipeline.ring()::offerEvent, clock, LOG);
        outbox.listen(EventKinds.CONSOLE_REPLY, control.replies());
        control.start();
        String where = "udp+tcp " + settings.host() + ":" + control.port();
        if (cueFile.isEmpty()) {
            return new ShowControlPart(Optional.of(control), Optional.empty(), where, Optional.empty());
        }
        AgentThread thread = AgentThread.parking("vernissage-cue-watch", CUE_FILE_LOOK);
        try {
            CueFileWatcher watching = new CueFileWatcher(cueFile.get(), manifest.layout(),
                    reloader(pipeline, control, clock), CUE_FILE_LOOK, LOG);
            thread.add(new SupervisedAgent(watching, LOG));
            return new ShowControlPart(Optional.of(control), Optional.of(thread), where, Optional.of(watching));
        } catch (RuntimeException e) {
            thread.close();
            control.close();
            throw e;
        }
    }

    /** Offers a good new list to the stage and the endpoint, then a RELOAD command through the ring. */
    private static Predicate<CueList> reloader(PipelinePart pipeline, ControlEndpoint endpoint, Clock clock) {
        InputEvent reload = new InputEvent(); // the watcher's thread only
        ConsoleCommandFlyweight command = new ConsoleCommandFlyweight();
        return list -> {
            pipeline.cueStage().offer(list);
            endpoint.offer(list);
            command.wrap(reload.begin(EventKinds.CONSOLE_COMMAND, clock.nanos(), InputBatch.IMMEDIATELY, false))
                    .reset(-1, ControlCommands.RELOAD, 0);
            return pipeline.ring().offerEvent(reload);
        };
    }

    @Override
    public Optional<String> banner() {
        return endpoint.map(e -> "control (QLab-style OSC) on " + where);
    }

    @Override
    public List<String> statistics() {
        List<String> lines = new ArrayList<>();
        endpoint.ifPresent(e -> {
            String line = e.stats().describe(where);
            if (!line.isEmpty()) {
                lines.add(line);
            }
            if (e.replies().dropped() > 0) {
                lines.add("control " + where + ": " + e.replies().dropped() + " replies dropped (the endpoint fell behind)");
            }
            AgentHealth health = e.health();
            if (health != null && health.errors() > 0) {
                lines.add("control " + where + ": " + health.describe());
            }
        });
        watcher.ifPresent(w -> {
            if (w.reloads() + w.refused() > 0) {
                lines.add("cue list: " + w.reloads() + " reloads, " + w.refused() + " broken saves refused"
                        + (w.failing().isEmpty() ? "" : "; failing now, the last good list runs: " + w.failing()));
            }
        });
        return lines;
    }

    @Override
    public void close() {
        watchThread.ifPresent(AgentThread::close);
        endpoint.ifPresent(ControlEndpoint::close);
    }
}
