package org.vernissage.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.render.RenderMailbox;
import org.vernissage.engine.render.Standby;
import org.vernissage.showcontrol.cue.ControlCommands;
import org.vernissage.showcontrol.cue.CueListInForce;
import org.vernissage.showcontrol.hours.OpeningHours;
import org.vernissage.showcontrol.hours.OpeningHoursAgent;
import org.vernissage.showcontrol.hours.OpeningHoursException;
import org.vernissage.showcontrol.hours.OpeningHoursReader;
import org.vernissage.showcontrol.hours.OpeningListener;

/**
 * Opening hours ({@code "hours"} in the {@code --venue} file): the work wakes and fades in at
 * opening, fades out at closing and then stands by (a black frame every three seconds, the artwork not drawn)
 * until the next opening. A run started out of hours starts in standby. The statistics say which,
 * and when the next change comes.
 *
 * <p>The opening-hours agent runs on its own parking thread "vernissage-hours" (a look a second)
 * and posts each change to the render thread's mailbox; the {@link Standby} it moves belongs to
 * the render loop ({@link #standby()} goes to {@code RenderLoop.Builder.standby}). Same threads and
 * owner as every {@link RunPart}.
 */
final class HoursPart implements RunPart {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final OpeningHoursAgent agent;
    private final Standby standby = new Standby();
    private final AgentThread thread;
    private final AgentHealthLine health;

    private HoursPart(OpeningHours hours, InstantSource clock, RenderMailbox mailbox, CueStarter cues) {
        this.agent = new OpeningHoursAgent(hours, clock, new StandbyPoster(mailbox, cues));
        this.thread = AgentThread.parking("vernissage-hours", Duration.ofSeconds(1));
        SupervisedAgent supervised = new SupervisedAgent(agent, System.getLogger(OpeningHoursAgent.class.getName()));
        this.health = new AgentHealthLine("opening hours", () -> supervised);
        thread.add(supervised);
    }

    /**
     * The opening hours of {@code venueFile}; empty when it has none.
     *
     * @throws IOException naming the file and field when the hours cannot be read
     */
    static Optional<OpeningHours> read(Path venueFile) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(venueFile.toFile());
        if (root == null || !root.has("hours")) {
            return Optional.empty();
        }
        try {
            return Optional.of(OpeningHoursReader.read(venueFile, root.get("hours")));
        } catch (OpeningHoursException e) {
            throw new IOException("--venue: " + e.getMessage(), e);
        }
    }

    /**
     * Follows {@code hours} on {@code clock}, posting each change to {@code mailbox} and running the
     * cue an opening or closing names through {@code cues}.
     *
     * @throws IOException naming the venue file when a cue it names is not in the cue list
     */
    static HoursPart start(OpeningHours hours, InstantSource clock, RenderMailbox mailbox, CueStarter cues)
            throws IOException {
        cues.check(hours.opening(), "opening");
        cues.check(hours.closing(), "closing");
        return new HoursPart(hours, clock, mailbox, cues);
    }

    /**
     * Starts a cue by its number from the opening-hours thread: a console command into the ring
     * (console id -5), like a console's GO on that cue. The number is read when the cue is due,
     * against the list the cue stage runs then (a saved {@code cues.json} may have been reloaded),
     * and sent with its generation. Opening-hours thread only (one envelope).
     */
    static final class CueStarter {
        static final int CONSOLE_ID = -5;
        private static final System.Logger LOG = System.getLogger(CueStarter.class.getName());
        private final InputRing ring;
        private final Clock clock;
        private final CueListInForce cues;
        private final Path venueFile;
        private final InputEvent envelope = new InputEvent();
        private final ConsoleCommandFlyweight command =
                new ConsoleCommandFlyweight();
        private long nextRequest;

        CueStarter(InputRing ring, Clock clock,
                   CueListInForce cues, Path venueFile) {
            this.ring = ring;
            this.clock = clock;
            this.cues = cues;
            this.venueFile = venueFile;
        }

        void check(OpeningHours.Transition transition, String field) throws IOException {
            if (transition.cueNumber().isPresent() && cues.current().indexOf(transition.cueNumber().get()) < 0) {
                throw new IOException("--venue: " + venueFile + ": hours." + field + ".cue: expected a cue number of"
                        + " the artwork's cues.json, found \"" + transition.cueNumber().get() + "\"");
            }
        }

        /** Starts the transition's cue, if it names one. */
        void start(OpeningHours.Transition transition) {
            if (transition.cueNumber().isEmpty()) {
                return;
            }
            String number = transition.cueNumber().get();
            CueListInForce.Generation now = cues.current();
            int index = now.indexOf(number);
            if (index < 0) {
                LOG.log(System.Logger.Level.WARNING, "--venue: " + venueFile + ": the cue list now running (cues.json"
                        + " was reloaded) has no cue numbered \"" + number + "\"; no cue was started");
                return;
            }
            command.wrap(envelope.begin(EventKinds.CONSOLE_COMMAND,
                    clock.nanos(), InputBatch.IMMEDIATELY, false))
                    .reset(CONSOLE_ID, ControlCommands.CUE_START, nextRequest++)
                    .argument(0, index)
                    .argument(1, now.number());
            ring.offerEvent(envelope);
        }
    }

    /** The standby the render loop must draw by. */
    Standby standby() {
        return standby;
    }

    @Override
    public Optional<String> banner() {
        return Optional.of("opening hours in " + agent.hours().zone() + " (" + now() + ")");
    }

    @Override
    public List<String> statistics() {
        List<String> lines = new ArrayList<>();
        lines.add("hours: " + now() + ", the work " + switch (standby.state()) {
            case OPEN -> "shows";
            case CLOSING -> "fades out";
            case STANDBY -> "stands by (a black frame every 3 s, not drawn)";
            case OPENING -> "fades in";
        });
        lines.addAll(health.lines());
        return lines;
    }

    private String now() {
        String state = agent.open() ? "open" : "closed";
        Optional<Instant> next = agent.nextChange();
        return next.map(at -> state + ", " + (agent.open() ? "closes " : "opens ")
                + WHEN.format(at.atZone(agent.hours().zone()))).orElse(state);
    }

    @Override
    public void close() {
        health.partClosed();
        thread.close();
    }

    /** Tells the render thread, through its mailbox, to fade and stand by or to wake. */
    private final class StandbyPoster implements OpeningListener {
        private final RenderMailbox mailbox;
        private final CueStarter cues;

        StandbyPoster(RenderMailbox mailbox, CueStarter cues) {
            this.mailbox = mailbox;
            this.cues = cues;
        }

        @Override
        public void opened(OpeningHours.Transition transition, boolean atStart) {
            long fade = atStart ? 0 : nanos(transition.fadeSeconds());
            mailbox.post(control -> control.standby().open(fade));
            if (!atStart) {
                cues.start(transition); // a run started in hours keeps its own (restored) state
            }
        }

        @Override
        public void closed(OpeningHours.Transition transition, boolean atStart) {
            long fade = atStart ? 0 : nanos(transition.fadeSeconds());
            mailbox.post(control -> control.standby().close(fade));
            if (!atStart) {
                cues.start(transition);
            }
        }

        private long nanos(double seconds) {
            return (long) (seconds * 1e9);
        }
    }
}
