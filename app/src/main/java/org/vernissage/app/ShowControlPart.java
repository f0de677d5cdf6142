package org.vernissage.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import java.lang.System.Logger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.OutboxAgent;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.showcontrol.control.ControlDictionary;
import org.vernissage.showcontrol.control.ControlEndpoint;
import org.vernissage.showcontrol.control.ControlSettings;
import org.vernissage.showcontrol.cue.ControlCommands;
import org.vernissage.showcontrol.cue.CueFileWatcher;
import org.vernissage.showcontrol.cue.CueList;

/**
 * What leaves the conductor, and the consoles it answers: THE ONE place a run makes its
 * {@link OutboxAgent} (the outbox has a single consumer; a second drainer would steal envelopes),
 * on its thread "vernissage-outbox", with every outbox listener registered before it starts: the
 * OSC control port's replies ({@code --control}) here; other listeners (OSCQuery's value pushes,
 * persistence) register in {@link #start} the same way, before {@code outboxThread.add}.
 *
 * <p>Started only in a live run that asked for a listener; same threads and owner as every
 * {@link RunPart}. Closing stops the endpoint first (no new commands), then the outbox agent.
 */
final class ShowControlPart implements RunPart {

    /** How long the outbox agent parks when the outbox is empty: the latency a reply may add. */
    static final Duration OUTBOX_PARK = Duration.ofMillis(1);
    /** How often a run looks whether cues.json was saved. */
    static final Duration CUE_FILE_LOOK = Duration.ofMillis(500);
    private static final Logger LOG = System.getLogger(ShowControlPart.class.getName());

    private final Optional<ControlEndpoint> endpoint;
    private final AgentThread outboxThread;
    private final SupervisedAgent outboxAgent;
    private final String where;
    private final Optional<CueFileWatcher> watcher;

    private ShowControlPart(Optional<ControlEndpoint> endpoint, AgentThread outboxThread, SupervisedAgent outboxAgent,
                           String where, Optional<CueFileWatcher> watcher) {
        this.watcher = watcher;
        this.endpoint = endpoint;
        this.outboxThread = outboxThread;
        this.outboxAgent = outboxAgent;
        this.where = where;
    }

    /** Whether a run with {@code options} needs this part. */
    static boolean wanted(PipelineOptions options) {
        return options.control().isPresent();
    }

    /** Starts the control endpoint (if asked for) and the outbox agent that feeds it. */
    static ShowControlPart start(PipelinePart pipeline, PipelineOptions options, ArtworkManifest manifest,
                                 CueList cues, Clock clock) throws IOException {
        return start(pipeline, options, manifest, cues, clock, Optional.empty());
    }

    /**
     * As above; with {@code cueFile}, a save of it during the run reloads the cue list (a broken
     * save is reported and the last good list keeps running).
     */
    static ShowControlPart start(PipelinePart pipeline, PipelineOptions options, ArtworkManifest manifest,
                                 CueList cues, Clock clock, Optional<Path> cueFile) throws IOException {
        OutboxAgent outbox = new OutboxAgent(pipeline.conductor().outbox());
        Optional<ControlEndpoint> endpoint = Optional.empty();
        String where = "";
        if (options.control().isPresent()) {
            ControlSettings settings = options.control().get();
            ControlEndpoint control = new ControlEndpoint(settings, new ControlDictionary(manifest.id(), cues,
                    manifest.layout()), pipeline.ring()::offerEvent, clock, LOG);
            outbox.listen(EventKinds.CONSOLE_REPLY, control.replies());
            control.start();
            endpoint = Optional.of(control);
            where = "udp+tcp " + settings.host() + ":" + control.port();
        }
        // Further outbox listeners (OSCQuery, persistence) are added to `outbox` here, before it starts.
        AgentThread thread = AgentThread.parking("vernissage-outbox", OUTBOX_PARK);
        SupervisedAgent agent = new SupervisedAgent(outbox, LOG);
        Optional<CueFileWatcher> watcher = Optional.empty();
        try {
            thread.add(agent);
            if (cueFile.isPresent() && endpoint.isPresent()) {
                CueFileWatcher watching = new CueFileWatcher(cueFile.get(), manifest.layout(),
                        reloader(pipeline, endpoint.get(), clock), CUE_FILE_LOOK, LOG);
                thread.add(new SupervisedAgent(watching, LOG)); // the same parking thread: it looks twice a second
                watcher = Optional.of(watching);
            }
        } catch (RuntimeException e) {
            thread.close();
            endpoint.ifPresent(ControlEndpoint::close);
            throw e;
        }
        return new ShowControlPart(endpoint, thread, agent, where, watcher);
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
        if (outboxAgent.errors() > 0) {
            lines.add("outbox agent: " + outboxAgent.describe());
        }
        return lines;
    }

    @Override
    public void close() {
        endpoint.ifPresent(ControlEndpoint::close);
        outboxThread.close();
    }
}
