package org.vernissage.sensors.osc;

import org.vernissage.osc.OscPatternMatcher;

/**
 * Why a well-formed OSC message set no value. Each reason points the operator at a different fix:
 * a typo in the manifest or the controller (NO_BINDING, BAD_PATTERN), a hostile or broken sender
 * (PATTERN_TOO_LONG, MATCH_TOO_COSTLY), a controller sending the
 * wrong type or too few arguments (NO_ARGUMENT, NOT_NUMERIC, NOT_FINITE, WRONG_ARGUMENTS), a sender packing more
 * into one packet than the engine takes at once (TOO_MANY_VALUES), or an engine that cannot keep
 * up (RING_FULL).
 *
 * <p>A message counts as dropped only when none of the bindings it matched got a value; one that
 * reached some of its bindings counts as received (the first problem is still logged).
 *
 * <p>Immutable; used by the receiving thread and read by whoever reports statistics.
 */
public enum OscDropReason {
    /** No binding's address (or address pattern) matches the message's address. */
    NO_BINDING,
    /** The message's address is a pattern with a syntax error (an unclosed '[' or '{', ...). */
    BAD_PATTERN,
    /**
     * The message's address is a pattern longer than {@link OscPatternMatcher#MAX_PATTERN_LENGTH}
     * bytes: refused unread, since matching it could hold up the receiving thread.
     */
    PATTERN_TOO_LONG,
    /**
     * Matching the message's address against the bindings took more than the router's step budget
     * per message ({@link OscBindingRouter#MATCH_STEP_BUDGET}); a sender of costly patterns (or of
     * an enormous address against patterned bindings) cannot starve the other messages.
     */
    MATCH_TOO_COSTLY,
    /** The message has no argument at the position its binding reads. */
    NO_ARGUMENT,
    /**
     * The argument its binding reads is not a number: numbers are i f h d c (its character code),
     * T (1) and F (0); s S b t r m N I and the array brackets are not.
     */
    NOT_NUMERIC,
    /** The argument is NaN or infinite (or a double too large for a float). */
    NOT_FINITE,
    /**
     * The message has the address of a parameter ({@code /vernissage/<id>/<name>}, no binding
     * declared) but its arguments do not fit the parameter's type: their number or type tags (a
     * vec2 sent one float, a float sent a string); see {@link OscParameterAddresses}.
     */
    WRONG_ARGUMENTS,
    /** The packet holds more bound values than one all-or-nothing batch; none of it applies. */
    TOO_MANY_VALUES,
    /** The input ring refused the packet's values because it was full. */
    RING_FULL
}
