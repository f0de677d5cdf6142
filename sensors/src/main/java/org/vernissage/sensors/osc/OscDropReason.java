package org.vernissage.sensors.osc;

/**
 * Why a well-formed OSC message did not become a parameter value. Each reason points the operator
 * at a different fix: a typo in the manifest or console (NO_BINDING), a controller sending the
 * wrong type (NO_ARGUMENT, NOT_NUMERIC), or an engine that cannot keep up (RING_FULL).
 *
 * <p>Immutable; used by the receiving thread and read by whoever reports statistics.
 */
public enum OscDropReason {
    /** No binding in the artwork for the message's address. */
    NO_BINDING,
    /** The message has no arguments, so there is no value to map. */
    NO_ARGUMENT,
    /** The first argument is not a number (i, f, h, d, T or F), or is a NaN float. */
    NOT_NUMERIC,
    /** The input ring refused at least one of the message's values because it was full. */
    RING_FULL
}
