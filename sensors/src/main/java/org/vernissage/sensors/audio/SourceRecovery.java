package org.vernissage.sensors.audio;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.sound.sampled.AudioFormat;
import org.vernissage.engine.clock.Clock;
import org.vernissage.sensors.SensorStartException;

/**
 * The reconnect policy of an {@link AudioInput} whose line can come back: what is logged and
 * counted when the line fails, how often a new one is tried, and when it counts as reconnected.
 *
 * <ul>
 *   <li>A loss ({@link #lost}) is logged as one WARNING line; the input counts it.</li>
 *   <li>Every {@link #intervalNanos()} the input asks for a new source ({@link #tryReopen}):
 *       "not there" is the normal answer and is not logged; a failure (busy, other format only,
 *       ambiguous name) is logged at most once per loss.</li>
 *   <li>A reopened source counts as reconnected only when it has delivered its first hop
 *       ({@link #confirmed}); one that fails before that ({@link #reopenedSourceFailed}) is a
 *       failed attempt, not a new loss, so a device that opens and dies at once does not log two
 *       lines every interval. A reconnection is counted and logged as one INFO line
 *       {@code "audio <name> reconnected after N s"} (N on the engine clock).</li>
 * </ul>
 *
 * <p>Threads: made on the wiring thread; every method but the counters' getters is then called
 * only by the audio thread, the single writer of its state; {@link #reconnections()} and
 * {@link #attempts()} may be read by any thread. Owned by its {@link AudioInput}.
 */
final class SourceRecovery {

    /** How often a lost line is looked for, unless told otherwise. */
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    private final PcmSourceReopener reopener;
    private final long intervalNanos;
    private final String every;
    private final Clock clock;
    private final Logger logger;
    private volatile long reconnections;   // single writer: the audio thread
    private volatile long attempts;        // single writer: the audio thread
    private long lostAtNanos;              // audio thread only
    private boolean failureLogged;         // audio thread only; reset at each loss

    SourceRecovery(PcmSourceReopener reopener, Duration interval, Clock clock, Logger logger) {
        this.reopener = Objects.requireNonNull(reopener, "reopener");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the retry interval must be positive, got " + interval);
        }
        this.intervalNanos = interval.toNanos();
        long millis = interval.toMillis();
        this.every = millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    /** The wait between two attempts. */
    long intervalNanos() {
        return intervalNanos;
    }

    /** How many lost sources were connected again (and delivered). */
    long reconnections() {
        return reconnections;
    }

    /** How many times a new source was asked for, for tests that wait for the input to try again. */
    long attempts() {
        return attempts;
    }

    /** The source of {@code source} (counters' name) failed with {@code problem}: logs the loss. */
    void lost(String source, String problem) {
        lostAtNanos = clock.nanos();
        failureLogged = false;
        logger.log(Level.WARNING, source + ": the input failed (" + problem + "); the audio bindings keep their"
                + " last values while " + reopener.describe() + " is looked for every " + every);
    }

    /** One attempt: a new source delivering {@code format}, or null (not back, or it failed). */
    PcmSource tryReopen(String source, AudioFormat format) {
        attempts = attempts + 1;
        try {
            return reopener.reopen(format);
        } catch (SensorStartException e) {
            failed(source, e.getMessage());
        } catch (RuntimeException e) {
            failed(source, e.toString());
        }
        return null;
    }

    /** The reopened source, {@code device}, delivered its first hop: a reconnection. */
    void confirmed(String source, String deviceBefore, String device) {
        double seconds = Math.max(0, clock.nanos() - lostAtNanos) / 1e9;
        logger.log(Level.INFO, String.format(Locale.ROOT, "%s reconnected after %.1f s%s", source, seconds,
                device.equals(deviceBefore) ? "" : " (now '" + device + "')"));
        reconnections = reconnections + 1; // counted after the line: a reader seeing the count sees the line
    }

    /** The reopened source failed before delivering anything: a failed attempt. */
    void reopenedSourceFailed(String source, String problem) {
        failed(source, "it opened but failed at once (" + problem + ")");
    }

    private void failed(String source, String why) {
        if (!failureLogged) {
            failureLogged = true;
            logger.log(Level.WARNING, source + ": reconnecting failed: " + why + "; trying again every " + every
                    + " (logged once per loss)");
        }
    }
}
