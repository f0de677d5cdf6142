package org.vernissage.showcontrol.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.LongSupplier;

/**
 * The status answer's JSON bytes, shared by every console: {@link ConsoleView#state()} is built and
 * serialised at most once per {@link #MAX_AGE_MILLIS} ms, or at the first status call after a
 * command ran ({@link #commandRan()}), whichever comes first; every other status call gets the same
 * bytes. Building the state is what a status call cost the show: the run's report merges the frame
 * time histograms and reads every part's counters, so three consoles polling twice a second paid it
 * six times a second where twice would do. The page polls every 500 ms, so what it shows is never
 * more than {@value #MAX_AGE_MILLIS} ms older than it was before, and never older than a command
 * the technician just gave.
 *
 * <p>Owned by one {@link ConsoleServer}; called only on its single event-loop thread
 * "vernissage-console", so it needs no lock.
 */
final class StatusJson {

    /** How long one status answer is served again. */
    static final long MAX_AGE_MILLIS = 250;

    private final ConsoleView view;
    private final ObjectMapper json;
    private final LongSupplier nanoClock;
    private byte[] bytes;
    private long builtNanos;
    private long built;

    /**
     * @param view whose state is served
     * @param json the mapper that writes it
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime} but in tests)
     */
    StatusJson(ConsoleView view, ObjectMapper json, LongSupplier nanoClock) {
        this.view = view;
        this.json = json;
        this.nanoClock = nanoClock;
    }

    /** The state as JSON, built anew when the last is too old or a command ran since. */
    byte[] bytes() {
        long now = nanoClock.getAsLong();
        if (bytes == null || now - builtNanos >= MAX_AGE_MILLIS * 1_000_000L) {
            try {
                bytes = json.writeValueAsBytes(view.state());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the console's JSON: " + e.getMessage(), e);
            }
            builtNanos = now;
            built++;
        }
        return bytes;
    }

    /** A command ran: the next status call shows its effect rather than the state before it. */
    void commandRan() {
        bytes = null;
    }

    /** How many times the state was built, for tests. */
    long built() {
        return built;
    }
}
