package org.vernissage.showcontrol.console;

import java.util.Optional;

/**
 * What the console reads of the run and asks of it. Implemented by the run's wiring; called on the
 * console server's event-loop thread, so each method must return at once (read counters, take the
 * latest preview, offer a command to the ring: never wait for the render or conductor thread).
 */
public interface ConsoleView {

    /** The run as it is now. */
    ConsoleState state();

    /** The newest preview of the output as a JPEG, or empty before the first one is made. */
    Optional<byte[]> preview();

    /**
     * Runs a console command: "go", "stop" or "panic".
     *
     * @return what happened, in a line for the technician
     * @throws IllegalArgumentException when the command cannot be done now; the message says why
     */
    String command(String name);
}
