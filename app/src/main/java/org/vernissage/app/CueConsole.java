package org.vernissage.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.OutboxListener;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.showcontrol.console.ConsoleState;
import org.vernissage.showcontrol.cue.ControlCommands;
import org.vernissage.showcontrol.cue.Cue;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueListInForce;
import org.vernissage.showcontrol.cue.CueState;

/**
 * The web console's buttons and its view of the cue list. GO, stop and panic enter the ring as
 * console commands, like the control port's (so the conductor stays the single writer and a
 * journal records them); the cue list's state comes back as the cue stage's updates through the
 * run's outbox agent ({@link #onEnvelope}), kept here for the console to read. When the stage
 * swaps in a reloaded {@code cues.json} (its {@code UPDATE_LIST}), the view takes the list the
 * stage now runs ({@link CueListInForce}), every cue stopped as the stage has them, so the page
 * shows the new numbers and names. A running fade's progress is the time since its cue started
 * running over the cue's fade time, on this machine's clock (the stage does not publish it; close
 * enough for a progress bar).
 *
 * <p>{@link #run} and {@link #cues} on the console's thread; {@link #onEnvelope} on the outbox
 * agent's; the state between them is one immutable-shaped view (a volatile field) of atomic
 * arrays. Made by the run's wiring.
 */
final class CueConsole implements ConsoleCommands, OutboxListener {

    /** The console id the web console's commands carry (the control port numbers its consoles from 0). */
    static final int CONSOLE_ID = -2;

    /** A cue list and its cues' states as the stage last said; replaced whole at a reload. */
    private record View(CueList cues, AtomicIntegerArray states, AtomicLongArray runningSince) {

        View(CueList cues) {
            this(cues, new AtomicIntegerArray(Math.max(1, cues.size())),
                    new AtomicLongArray(Math.max(1, cues.size())));
        }
    }

    private final InputRing ring;
    private final Clock clock;
    private final CueListInForce inForce;
    private final InputEvent envelope = new InputEvent();
    private final ConsoleCommandFlyweight command = new ConsoleCommandFlyweight();
    private final ConsoleCommandFlyweight update = new ConsoleCommandFlyweight();
    private volatile View view;
    private volatile int playhead;
    private long nextRequest;

    CueConsole(InputRing ring, Clock clock, CueListInForce inForce) {
        this.ring = ring;
        this.clock = clock;
        this.inForce = inForce;
        this.view = new View(inForce.current().cues());
        this.playhead = view.cues().first();
    }

    @Override
    public synchronized String run(String name) {
        int code = switch (name) {
            case "go" -> ControlCommands.GO;
            case "stop" -> ControlCommands.STOP_ALL;
            case "panic" -> ControlCommands.PANIC;
            default -> throw new IllegalArgumentException("no console command \"" + name + "\"; expected go, stop, panic");
        };
        if (name.equals("go") && view.cues().size() == 0) {
            throw new IllegalArgumentException("this artwork has no cue list (cues.json beside artwork.json)");
        }
        // Said as the console sees the show when pressed: once offered, the stage's update of the
        // playhead may come back (on the outbox agent's thread) before this line would read it.
        String said = switch (name) {
            case "go" -> "GO: cue " + numberAt(playhead);
            case "stop" -> "stopped every cue";
            default -> "panic: every cue stopped, fades cut";
        };
        command.wrap(envelope.begin(EventKinds.CONSOLE_COMMAND, clock.nanos(), InputBatch.IMMEDIATELY, false))
                .reset(CONSOLE_ID, code, nextRequest++);
        if (!ring.offerEvent(envelope)) {
            throw new IllegalStateException("the engine is busy (its input ring is full): press again");
        }
        return said;
    }

    @Override
    public void onEnvelope(InputEvent envelope) {
        update.wrap(envelope);
        if (update.requestId() != ControlCommands.UPDATE_REQUEST) {
            return; // a reply to a console command: the page reads the state instead
        }
        switch (update.command()) {
            case ControlCommands.UPDATE_PLAYHEAD -> playhead = (int) update.argument(0);
            case ControlCommands.UPDATE_CUE -> cueChanged((int) update.argument(0), (int) update.argument(1));
            case ControlCommands.UPDATE_LIST -> view = new View(inForce.current().cues()); // every cue stopped
            default -> { }
        }
    }

    private void cueChanged(int cue, int state) {
        View now = view;
        if (cue < 0 || cue >= now.cues().size()) {
            return;
        }
        if (state == CueState.RUNNING.code() && now.states().get(cue) != CueState.RUNNING.code()) {
            now.runningSince().set(cue, System.nanoTime());
        }
        now.states().set(cue, state);
    }

    @Override
    public ConsoleState.Cues cues() {
        View shown = view;
        List<ConsoleState.Cue> list = new ArrayList<>();
        List<ConsoleState.Fade> running = new ArrayList<>();
        long now = System.nanoTime();
        for (Cue cue : shown.cues().cues()) {
            CueState state = CueState.ofCode(shown.states().get(cue.index()));
            list.add(new ConsoleState.Cue(cue.number(), cue.name(), state.word()));
            if (state == CueState.RUNNING && cue.fadeNanos() > 0) {
                long since = shown.runningSince().get(cue.index());
                double progress = Math.min(1.0, (now - since) / (double) cue.fadeNanos());
                running.add(new ConsoleState.Fade(cue.number(), progress));
            }
        }
        return new ConsoleState.Cues(numberAt(playhead), list, running);
    }

    private String numberAt(int index) {
        return view.cues().numberOf(index);
    }
}
