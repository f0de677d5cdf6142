package org.vernissage.showcontrol.console;

import java.util.List;

/**
 * What the console shows at one moment, sent to the browser as JSON: the piece, the frames, each
 * input source's activity, the health and error lines, the cue list with its playhead and
 * running fades, and the energy used so far (measured or estimated, said in {@link Energy#kind}). Made by the run ({@link ConsoleView#state()}) from its counters.
 *
 * <p>Immutable; any thread.
 */
public record ConsoleState(String title, String artist, Frames frames, List<Source> sources, List<String> health,
                           List<String> errors, Cues cues, Energy energy) {

    public ConsoleState {
        sources = List.copyOf(sources);
        health = List.copyOf(health);
        errors = List.copyOf(errors);
    }

    /** Without an energy figure ({@link Energy#NONE}). */
    public ConsoleState(String title, String artist, Frames frames, List<Source> sources, List<String> health,
                        List<String> errors, Cues cues) {
        this(title, artist, frames, sources, health, errors, cues, Energy.NONE);
    }

    /**
     * The run's energy so far: joules, joules per hour of running, the last sample's watts, and
     * {@code kind} "measured", "estimated" or "not measured" with what was read ({@code source}).
     */
    public record Energy(double joules, double joulesPerHour, double watts, String kind, String source) {
        /** No meter. */
        public static final Energy NONE = new Energy(0, 0, 0, "not measured", "");
    }

    /** Frames made, dropped, and their time. */
    public record Frames(long count, long dropped, double p50Millis, double p99Millis, double maxMillis) {
    }

    /** One input source's traffic since the start. */
    public record Source(String name, long received, long dropped, long rejected) {
    }

    /** The cue list: where the playhead is, every cue, and the fades running. */
    public record Cues(String playhead, List<Cue> list, List<Fade> running) {

        public Cues {
            list = List.copyOf(list);
            running = List.copyOf(running);
        }

        /** No cue list in this artwork. */
        public static Cues none() {
            return new Cues("", List.of(), List.of());
        }
    }

    /** One cue: its number, name and state ("idle", "running", "paused"...). */
    public record Cue(String number, String name, String state) {
    }

    /** A running fade: its cue and how far it is, 0 to 1. */
    public record Fade(String cue, double progress) {
    }
}
