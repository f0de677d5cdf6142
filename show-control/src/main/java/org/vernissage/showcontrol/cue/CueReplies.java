package org.vernissage.showcontrol.cue;

import static org.vernissage.showcontrol.cue.ControlCommands.ERROR;
import static org.vernissage.showcontrol.cue.ControlCommands.NO_REASON;
import static org.vernissage.showcontrol.cue.ControlCommands.OK;
import static org.vernissage.showcontrol.cue.ControlCommands.UPDATE_REQUEST;

import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.ShowState;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;

/**
 * What the cue stage tells consoles, as {@code CONSOLE_REPLY} envelopes in the conductor's outbox
 * (layouts in {@link ControlCommands}): the answer to a command (its request id echoed, the
 * playhead after it) and the unsolicited playhead, cue-state and list updates. Posts nothing when
 * the stage was made not to answer (a replay: nothing drains the outbox); a full outbox refuses,
 * counted there, and the show goes on.
 *
 * <p>Conductor thread only, owned by the {@link CueStage}. Allocates nothing: one reused flyweight.
 */
final class CueReplies {

    private final boolean answerConsoles;
    private final ConsoleCommandFlyweight reply = new ConsoleCommandFlyweight();

    CueReplies(boolean answerConsoles) {
        this.answerConsoles = answerConsoles;
    }

    /** An update: {@code what} ({@code UPDATE_*}) happened to {@code subject}. */
    void update(int what, int subject, float detail, long nanos, ShowState show) {
        if (!answerConsoles) {
            return;
        }
        InputEvent out = show.outbox().claim(EventKinds.CONSOLE_REPLY, nanos);
        if (out != null) {
            reply.wrap(out).reset(-1, what, UPDATE_REQUEST).argument(0, subject).argument(1, detail);
            show.outbox().commit();
        }
    }

    /** Refuses {@code command} for {@code reason}. */
    void refuse(ConsoleCommandFlyweight command, int reason, int playhead, long nanos, ShowState show) {
        post(command, ERROR, reason, playhead, -1, 0, nanos, show);
    }

    /** Answers {@code command} OK with the playhead, {@code subject} and {@code detail}. */
    void answer(ConsoleCommandFlyweight command, int playhead, int subject, float detail, long nanos,
                ShowState show) {
        post(command, OK, NO_REASON, playhead, subject, detail, nanos, show);
    }

    private void post(ConsoleCommandFlyweight command, int status, int reason, int playhead, int subject,
                      float detail, long nanos, ShowState show) {
        if (!answerConsoles) {
            return;
        }
        InputEvent out = show.outbox().claim(EventKinds.CONSOLE_REPLY, nanos);
        if (out != null) {
            reply.wrap(out).reset(command.console(), command.command(), command.requestId())
                    .argument(0, status).argument(1, reason).argument(2, playhead).argument(3, subject)
                    .argument(4, detail);
            show.outbox().commit();
        }
    }
}
