package org.vernissage.sensors.midi;

/**
 * Why a well-formed MIDI message did not become a channel value. Each is counted as dropped;
 * all but {@link #NO_BINDING} are also logged once, with a hint at the fix.
 *
 * <p>Immutable; used by the MIDI delivery thread.
 */
public enum MidiDropReason {
    /**
     * A channel message no binding listens to (also program change and polyphonic pressure). Not
     * logged: a big controller with a few bound faders sends these all the time.
     */
    NO_BINDING,
    /** A system exclusive message: this adapter reads channel messages only. */
    SYSTEM_EXCLUSIVE,
    /** A system common or real-time message (clock, start/stop, song position, active sensing). */
    SYSTEM_MESSAGE,
    /** A sequencer meta message (tempo, text, end of track): not a performance control. */
    META_MESSAGE,
    /** The input ring refused a value because it was full. */
    RING_FULL,
    /** A message arrived after the receiver was closed. */
    CLOSED
}
