package org.vernissage.showcontrol.msc;

/** A MIDI Show Control message that cannot be read; the message says what and where. */
public final class MscException extends Exception {

    private static final long serialVersionUID = 1L;

    public MscException(String message) {
        super(message);
    }
}
