package org.vernissage.engine.energy;

/** An energy counter could not be read; the message names the file and how to allow reading it. */
public final class EnergyUnreadableException extends Exception {

    public EnergyUnreadableException(String message) {
        super(message);
    }

    public EnergyUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
