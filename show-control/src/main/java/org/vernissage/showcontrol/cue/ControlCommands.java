package org.vernissage.showcontrol.cue;

/**
 * The numbers of the commands a console sends to the cue stage (the {@code command} field of a
 * {@code CONSOLE_COMMAND} envelope, {@code ConsoleCommandFlyweight}), the statuses and reasons of
 * its replies ({@code CONSOLE_REPLY}, same layout, the request id echoed), and the unsolicited
 * updates it posts. These numbers are journalled with the commands: <b>never renumber one</b>.
 *
 * <pre>
 * command            arguments                                  reply arguments
 *  1 GO              -                                          status, reason, playhead, cue started
 *  2 STOP_ALL        -                                          status, reason, playhead
 *  3 PAUSE_ALL       -                                          status, reason, playhead
 *  4 RESUME_ALL      -                                          status, reason, playhead
 *  5 PANIC           -                                          status, reason, playhead
 *  6 RESET           -                                          status, reason, playhead
 *  7 CUE_START       cue index                                  status, reason, playhead, cue
 *  8 CUE_STOP        cue index                                  status, reason, playhead, cue
 *  9 CUE_PAUSE       cue index                                  status, reason, playhead, cue
 * 10 CUE_RESUME      cue index                                  status, reason, playhead, cue
 * 11 PLAYHEAD_SET    cue index                                  status, reason, playhead
 * 12 PLAYHEAD_NEXT   -                                          status, reason, playhead
 * 13 PLAYHEAD_PREV   -                                          status, reason, playhead
 * 14 PLAYHEAD_QUERY  -                                          status, reason, playhead
 * 15 CUE_STATE       cue index                                  status, reason, playhead, cue, state
 * 16 PARAMETER_SET   slot, value                                status, reason, playhead, slot, value
 * 17 PARAMETER_FADE  slot, value, seconds, curve ordinal        status, reason, playhead, slot, value
 * 18 RELOAD          k (the kept list's version, RecordedCueLists)  status, reason, playhead, -, generation
 * 19 CUE_RESTORE     cue, generation, state code, paused-from code,  status, reason, playhead, cue, state
 *                    action in (2 args), continue pending 0/1,
 *                    continue in (2 args)
 * 20 FADE_RESTORE    slot, to, from, curve ordinal, elapsed (2      status, reason, playhead, slot, value
 *                    args), length (2 args), cue index (-2: none)
 * 21 TIMED_GO        cue index (-1: GO at the playhead), generation, status, reason, playhead, cue started
 *                    fade time (2 args)
 * </pre>
 * 19 and 20 come from {@code ShowRestore} at a restart (console -4): they put a cue and a fade back
 * where the saved show had them, so that the show goes on from the saved moment exactly (its curve,
 * its continue, its waits). Times travel as two exact floats each ({@link NanosAsFloats}), relative
 * to the command's own time (for a paused cue: the moment it is paused again).
 * 21 is MIDI Show Control's TIMED_GO: GO (cue -1: the playhead moves on) or a cue's start (the
 * playhead stays), its fades (a group's cues' too) taking the given time instead of the cues' own.
 * The cue commands 7 to 11, 19 and 21 with a cue take the cue list's generation as argument 1 (the endpoint resolved
 * the cue's number against that list); a command read against another generation is refused
 * ({@link #LIST_CHANGED}) rather than run on whatever cue now has that index. RELOAD swaps in
 * the list offered to the stage ({@code CueStage.offer}) and moves the generation on.
 * Updates are {@code CONSOLE_REPLY} envelopes with request id {@link #UPDATE_REQUEST} and console
 * -1: command {@link #UPDATE_PLAYHEAD} (argument 0: the playhead), {@link #UPDATE_CUE}
 * (argument 0: the cue, 1: its {@link CueState} code) or {@link #UPDATE_LIST} (argument 0: the
 * new generation).
 *
 * <p>Constants only; any thread.
 */
public final class ControlCommands {

    public static final int GO = 1;
    public static final int STOP_ALL = 2;
    public static final int PAUSE_ALL = 3;
    public static final int RESUME_ALL = 4;
    public static final int PANIC = 5;
    public static final int RESET = 6;
    public static final int CUE_START = 7;
    public static final int CUE_STOP = 8;
    public static final int CUE_PAUSE = 9;
    public static final int CUE_RESUME = 10;
    public static final int PLAYHEAD_SET = 11;
    public static final int PLAYHEAD_NEXT = 12;
    public static final int PLAYHEAD_PREVIOUS = 13;
    public static final int PLAYHEAD_QUERY = 14;
    public static final int CUE_STATE = 15;
    public static final int PARAMETER_SET = 16;
    public static final int PARAMETER_FADE = 17;
    public static final int RELOAD = 18;
    public static final int CUE_RESTORE = 19;
    public static final int FADE_RESTORE = 20;
    public static final int TIMED_GO = 21;

    /** The request id of an update (no console asked for it). */
    public static final long UPDATE_REQUEST = -1;
    public static final int UPDATE_PLAYHEAD = 101;
    public static final int UPDATE_CUE = 102;
    public static final int UPDATE_LIST = 103;

    /** Reply argument 0: the command was done. */
    public static final int OK = 0;
    /** Reply argument 0: the command was refused; argument 1 says why. */
    public static final int ERROR = 1;

    /** Reply argument 1 of an error: why. */
    public static final int NO_REASON = 0;
    public static final int UNKNOWN_CUE = 1;
    public static final int NOTHING_AT_PLAYHEAD = 2;
    public static final int UNKNOWN_COMMAND = 3;
    public static final int BAD_SLOT = 4;
    public static final int BAD_VALUE = 5;
    public static final int NOT_RUNNING = 6;
    public static final int NOT_PAUSED = 7;
    public static final int LIST_CHANGED = 8;
    public static final int NOTHING_TO_LOAD = 9;

    private ControlCommands() {
    }

    /** What a reason code means, for a reply a person reads. */
    public static String reason(int code) {
        return switch (code) {
            case UNKNOWN_CUE -> "no such cue";
            case NOTHING_AT_PLAYHEAD -> "the playhead is past the last cue: nothing to go to";
            case UNKNOWN_COMMAND -> "unknown command";
            case BAD_SLOT -> "no such parameter";
            case BAD_VALUE -> "expected a finite value, a fade time of 0 s or more and a known curve";
            case NOT_RUNNING -> "the cue is not running";
            case NOT_PAUSED -> "the cue is not paused";
            case LIST_CHANGED -> "the cue list was reloaded since this command was read; send it again";
            case NOTHING_TO_LOAD -> "no new cue list was offered";
            default -> "refused";
        };
    }
}
