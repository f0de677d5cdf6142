package org.vernissage.engine.pipeline.event;

/**
 * The kind id of every event the input ring carries: small int constants, written into each ring
 * slot and into every journal record.
 *
 * <p><b>Never reuse an id, never renumber one.</b> Journals store these numbers; a recording made
 * today must mean the same thing to every later engine. A kind that is retired keeps its number
 * (mark it retired here), and a new kind takes the next free number. Nothing may depend on the
 * order of a Java enum: the numbers below are the contract.
 *
 * <pre>
 *   id  kind             payload   flyweight
 *    0  (none)                -    a slot never written; never stored
 *    1  PARAMETER_SET     8 bytes  {@link ParameterSetFlyweight}
 *    2  CHANNEL_VALUE     8 bytes  {@link ChannelValueFlyweight}
 *    3  TOUCH            40 bytes  {@link TouchFlyweight}
 *    4  FRAME_MARK       24 bytes  {@link FrameMarkFlyweight}
 *    5  CUE_COMMAND      24 bytes  {@link CueCommandFlyweight}
 *    6  MODEL_RESULT     56 bytes  {@link ModelResultFlyweight}
 *    7  CONSOLE_COMMAND  56 bytes  {@link ConsoleCommandFlyweight}
 *    8  CONSOLE_REPLY    56 bytes  {@link ConsoleCommandFlyweight} (outbox: the reply to a command)
 *    9  MODEL_INPUT      64 bytes  {@link ModelInputFlyweight}
 *   10  MODEL_COMMAND    20 bytes  {@link ModelCommandFlyweight}
 *   11..{@value #MAX_KIND}  free: 11 and 12 are the cues', the next kind after them takes 13
 * </pre>
 *
 * <p>Constants and stateless look-ups only; any thread.
 */
public final class EventKinds {

    /** No event: the id of a slot never written. Never published, never journalled. */
    public static final int NONE = 0;
    /** A value for a snapshot slot, already in parameter units (consoles, tests). */
    public static final int PARAMETER_SET = 1;
    /** A raw sensor value for a binding channel, for the bindings stage to condition. */
    public static final int CHANNEL_VALUE = 2;
    /** A touch point (TUIO cursor, object or blob, or a phone's finger) appeared, moved or left. */
    public static final int TOUCH = 3;
    /**
     * The render thread latched a snapshot for a frame: moves time on in the conductor (idle
     * easing, rate limits, scheduled events, touch timeouts, fades) and marks the frame in a journal.
     */
    public static final int FRAME_MARK = 4;
    /** A show-control cue: go, stop or load a cue, with a fade time. */
    public static final int CUE_COMMAND = 5;
    /** The outputs of a model run on another thread, for the model-results stage. */
    public static final int MODEL_RESULT = 6;
    /** A command from an operator's console (OSC or web), with a request id for the reply. */
    public static final int CONSOLE_COMMAND = 7;
    /**
     * The conductor's answer to a {@link #CONSOLE_COMMAND}, posted to its outbox: same layout, the
     * request id echoed, the arguments holding the results.
     */
    public static final int CONSOLE_REPLY = 8;
    /** Part of an input vector for a model that is not made of parameters (Wekinator's /wek/inputs). */
    public static final int MODEL_INPUT = 9;
    /** A command for a model trained in the room: record, train, run, delete, undo, save. */
    public static final int MODEL_COMMAND = 10;

    /** The highest id a ring slot or journal record may carry (the routing table's size - 1). */
    public static final int MAX_KIND = 255;

    private static final String[] NAMES = {"NONE", "PARAMETER_SET", "CHANNEL_VALUE", "TOUCH", "FRAME_MARK",
        "CUE_COMMAND", "MODEL_RESULT", "CONSOLE_COMMAND", "CONSOLE_REPLY", "MODEL_INPUT", "MODEL_COMMAND"};
    private static final int[] LENGTHS = {0, ParameterSetFlyweight.LENGTH, ChannelValueFlyweight.LENGTH,
        TouchFlyweight.LENGTH, FrameMarkFlyweight.LENGTH, CueCommandFlyweight.LENGTH, ModelResultFlyweight.LENGTH,
        ConsoleCommandFlyweight.LENGTH, ConsoleCommandFlyweight.LENGTH, ModelInputFlyweight.LENGTH,
        ModelCommandFlyweight.LENGTH};

    private EventKinds() {
    }

    /** Whether this engine knows {@code kind} (a journal from a newer engine may carry others). */
    public static boolean isKnown(int kind) {
        return kind > NONE && kind < NAMES.length;
    }

    /** Whether {@code kind} may appear in a ring slot or a journal at all. */
    public static boolean isValid(int kind) {
        return kind > NONE && kind <= MAX_KIND;
    }

    /** The payload length of a known kind, or -1. */
    public static int payloadLength(int kind) {
        return isKnown(kind) ? LENGTHS[kind] : -1;
    }

    /** The kind's name for messages; "KIND_n" for one this engine does not know. Allocates for those. */
    public static String name(int kind) {
        return kind >= 0 && kind < NAMES.length ? NAMES[kind] : "KIND_" + kind;
    }
}
