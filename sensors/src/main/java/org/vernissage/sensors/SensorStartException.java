package org.vernissage.sensors;

/**
 * A sensor adapter could not start, for a reason the person running the show can fix (a port in
 * use, an unknown host). The message is one line, written for that person, and names what to
 * change; the cause keeps the low-level detail for the log.
 *
 * <p>Thrown on the thread that calls an adapter's {@code start()} (the app's wiring); immutable.
 */
public final class SensorStartException extends Exception {

    private static final long serialVersionUID = 1L;

    public SensorStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
