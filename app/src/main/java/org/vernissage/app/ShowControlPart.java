package org.vernissage.app;

import java.io.IOException;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.showcontrol.control.ControlDictionary;
import org.vernissage.showcontrol.control.ControlEndpoint;
import org.vernissage.showcontrol.control.ControlSettings;

/**
 * The consoles the conductor answers ({@code --control}): the OSC control endpoint, whose replies
 * it takes from the run's one outbox agent ({@link OutboxPart}, listened to here before it starts
 * draining). A saved {@code cues.json} is reloaded by {@link CueFilePart}; the endpoint reads cue
 * numbers against the list the stage runs.
 *
 * <p>Started only in a live run that asked for a control port; same threads and owner as every
 * {@link RunPart}. Started after the outbox part, so it is closed first: the endpoint stops (no new
 * commands) before the outbox agent.
 */
final class ShowControlPart implements RunPart {

    private static final Logger LOG = System.getLogger(ShowControlPart.class.getName());

    private final ControlEndpoint endpoint;
    private final String host;
    private final String where;

    private ShowControlPart(ControlEndpoint endpoint, String host) {
        this.endpoint = endpoint;
        this.host = host;
        this.where = "udp+tcp " + host + ":" + endpoint.port();
    }

    /** Whether a run with {@code options} needs this part. */
    static boolean wanted(PipelineOptions options) {
        return options.control().isPresent();
    }

    /**
     * Starts the control endpoint, its replies taken from {@code outbox} (which must not be
     * draining yet).
     */
    static ShowControlPart start(PipelinePart pipeline, PipelineOptions options, ArtworkManifest manifest,
                                 Clock clock, OutboxPart outbox) throws IOException {
        ControlSettings settings = options.control().orElseThrow();
        ControlEndpoint control = new ControlEndpoint(settings, new ControlDictionary(manifest.id(),
                pipeline.cueStage().inForce(), manifest.layout()), pipeline.ring()::offerEvent, clock, LOG);
        outbox.listen(EventKinds.CONSOLE_REPLY, control.replies());
        control.start();
        return new ShowControlPart(control, settings.host());
    }

    /** The interface the control port is bound to ("0.0.0.0": every one). */
    String host() {
        return host;
    }

    /** The control port bound (UDP and TCP). */
    int port() {
        return endpoint.port();
    }

    @Override
    public Optional<String> banner() {
        return Optional.of("control (QLab-style OSC) on " + where);
    }

    @Override
    public List<String> statistics() {
        List<String> lines = new ArrayList<>();
        String line = endpoint.stats().describe(where);
        if (!line.isEmpty()) {
            lines.add(line);
        }
        if (endpoint.replies().dropped() > 0) {
            lines.add("control " + where + ": " + endpoint.replies().dropped()
                    + " replies dropped (the endpoint fell behind)");
        }
        AgentHealth health = endpoint.health();
        if (health != null && health.errors() > 0) {
            lines.add("control " + where + ": " + health.describe());
        }
        return lines;
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
