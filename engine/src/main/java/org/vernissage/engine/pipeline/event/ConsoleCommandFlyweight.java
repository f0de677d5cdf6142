package org.vernissage.engine.pipeline.event;

import org.vernissage.engine.pipeline.InputEvent;

/**
 * The payload of a {@link EventKinds#CONSOLE_COMMAND} event: a command from an operator's
 * console (OSC or web), resolved to a number once by the adapter, with up to {@link #MAX_ARGUMENTS}
 * numeric arguments and a request id the reply (through the conductor's outbox) refers to.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |        console (int32): which connection sent it              |  0
 *  +---------------------------------------------------------------+
 *  |        command (int32): the command's number                  |  4
 *  +---------------------------------------------------------------+
 *  |        request id (int64): echoed in the reply                |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  | count (u8)    |                 reserved (0)                  |  16
 *  +---------------------------------------------------------------+
 *  |                   argument 0 (float32)                        |  20
 *  +---------------------------------------------------------------+
 *  |                            ...                                |
 *  +---------------------------------------------------------------+
 *  |                   argument 8 (float32)                        |  52
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class ConsoleCommandFlyweight extends PayloadFlyweight {

    public static final int MAX_ARGUMENTS = 9;
    public static final int CONSOLE_OFFSET = 0;
    public static final int COMMAND_OFFSET = 4;
    public static final int REQUEST_OFFSET = 8;
    public static final int COUNT_OFFSET = 16;
    public static final int ARGUMENTS_OFFSET = 20;
    public static final int LENGTH = ARGUMENTS_OFFSET + MAX_ARGUMENTS * Float.BYTES;

    public ConsoleCommandFlyweight wrap(InputEvent event) {
        wrapPayload(event);
        return this;
    }

    /** Starts a payload with no arguments; add them with {@link #argument(int, float)}. */
    public ConsoleCommandFlyweight reset(int console, int command, long requestId) {
        clear(LENGTH);
        putInt(CONSOLE_OFFSET, console);
        putInt(COMMAND_OFFSET, command);
        putLong(REQUEST_OFFSET, requestId);
        return this;
    }

    /** Sets argument {@code i} and grows the count to include it. */
    public ConsoleCommandFlyweight argument(int i, float value) {
        putCountedFloat(COUNT_OFFSET, ARGUMENTS_OFFSET, MAX_ARGUMENTS, i, value, "console arguments");
        return this;
    }

    public int console() {
        return getInt(CONSOLE_OFFSET);
    }

    public int command() {
        return getInt(COMMAND_OFFSET);
    }

    public long requestId() {
        return getLong(REQUEST_OFFSET);
    }

    public int count() {
        return getByte(COUNT_OFFSET) & 0xFF;
    }

    public float argument(int i) {
        return getFloat(ARGUMENTS_OFFSET + i * Float.BYTES);
    }
}
