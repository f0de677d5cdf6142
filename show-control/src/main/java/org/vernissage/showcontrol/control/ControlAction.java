package org.vernissage.showcontrol.control;

import java.util.List;

/**
 * What the control endpoint does with one message, as {@link ControlDictionary} read it.
 *
 * <p>Immutable; made and used on the control endpoint's thread.
 */
public sealed interface ControlAction {

    /** How a reply's {@code data} is written from the stage's answer. */
    enum Shape {
        /** {"cue": the cue started, "playhead": the cue GO would start next}. */
        GO,
        /** The playhead's cue number ("" past the end). */
        PLAYHEAD,
        /** The name of the cue at the playhead ("" past the end). */
        PLAYHEAD_NAME,
        /** The cue's state word. */
        CUE_STATE,
        /** The numbers of the cues the command reached. */
        CUES,
        /** The parameter's value(s) after the command. */
        VALUES,
        /** No data. */
        NONE
    }

    /** Answered by the endpoint itself: connection state, not show state. */
    enum LocalKind { CONNECT, THUMP, UPDATES, UDP_REPLY_PORT, ANSWER, WORKSPACES, VERSION }

    /** One command for the cue stage: its code ({@code ControlCommands}) and numeric arguments. */
    record StageCommand(int code, float... arguments) {
    }

    /** Commands for the stage, entering the ring together; one reply once the stage answered all. */
    record ToStage(List<StageCommand> commands, Shape shape) implements ControlAction {
        public ToStage {
            commands = List.copyOf(commands);
            if (commands.isEmpty()) {
                throw new IllegalArgumentException("at least one command");
            }
        }
    }

    /** Something the endpoint answers at once. */
    record Local(LocalKind kind, String argument) implements ControlAction {
    }

    /** The message cannot be done; {@code message} says why, naming the address and what was expected. */
    record Refused(String message) implements ControlAction {
    }
}
