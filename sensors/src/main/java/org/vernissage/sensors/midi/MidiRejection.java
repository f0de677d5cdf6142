package org.vernissage.sensors.midi;

/**
 * Why a MIDI message was refused as malformed. Logged once per reason with the message's bytes
 * (then only counted as rejected).
 *
 * <p>Immutable; used by the MIDI delivery thread.
 */
public enum MidiRejection {
    /** The first byte is a data byte (0..0x7F): running status or a stream out of step. */
    NOT_A_STATUS_BYTE,
    /** A data byte has its top bit set: a status byte cut into the middle of the message. */
    DATA_BYTE_OUT_OF_RANGE,
    /** Fewer bytes than the status byte announces (or none at all). */
    TRUNCATED,
    /** A short message carrying 0xF0 or 0xF7, which only begin or end a system exclusive one. */
    MISPLACED_SYSEX_BYTE,
    /** Not a short, system exclusive or meta message, or null. */
    UNKNOWN_MESSAGE_TYPE,
    /** Reading the message threw (a broken MidiMessage implementation); the receiver goes on. */
    UNREADABLE
}
