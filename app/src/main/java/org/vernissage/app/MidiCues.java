package org.vernissage.app;

import java.lang.System.Logger;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.fault.FaultCounts;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.showcontrol.cue.ControlCommands;
import org.vernissage.showcontrol.cue.CueListInForce;
import org.vernissage.showcontrol.cue.NanosAsFloats;
import org.vernissage.showcontrol.msc.MscCommand;
import org.vernissage.showcontrol.msc.MscReceiver;

/**
 * Show control from the MIDI input: MIDI Show Control addressed to this engine ({@code --msc-device
 * ID}) and notes or controllers mapped to GO or to a cue ({@code --midi-cue 60=go}, {@code 61=2},
 * {@code cc20=panic}); each becomes a console command in the ring, like a console's, so the
 * conductor's cue stage runs it, in order with everything else, and a journal records it.
 *
 * <pre>
 *   MSC GO [cue]      -> start that cue, or GO at the playhead      MSC STOP [cue]   -> stop it, or all
 *   MSC RESUME [cue]  -> resume it, or all                           MSC ALL_OFF      -> stop all
 *   MSC TIMED_GO t [cue] -> as GO, the fades taking time t instead   MSC RESET        -> reset
 *   MSC SET n v       -> parameter n (manifest order, from 0) to v/16383 of its range
 * </pre>
 * A note-on (velocity above 0) or a controller crossing 64 upwards triggers its mapping once.
 * Cue numbers (MSC's and the mappings') are read when the command comes, against the list the
 * cue stage runs then ({@link CueListInForce}: a saved {@code cues.json} may have been reloaded
 * since the start), and sent with that list's generation, so the stage never runs another cue
 * that has come to have the same index. With {@code --msc-list}, a GO, STOP, RESUME or TIMED_GO
 * naming another list is let pass (counted, said once): on a shared MIDI line it is another
 * device's. A cue path is not read (one show runs here).
 *
 * <p>Called on the MIDI device's transmitter thread (through {@code MidiInput.showControl}); one
 * envelope reused (that thread only); counters readable by any thread.
 */
final class MidiCues implements Receiver {

    /** The console id MIDI's commands carry. */
    static final int CONSOLE_ID = -3;
    private static final Set<String> ACTIONS = Set.of("go", "stop", "panic");

    private final InputRing ring;
    private final Clock clock;
    private final CueListInForce cues;
    private final ParameterLayout layout;
    private final Optional<MscReceiver> msc;
    private final Map<Integer, String> notes;       // note -> go, stop, panic or a cue number
    private final Map<Integer, String> controllers; // cc -> go, stop, panic or a cue number
    private final boolean[] controllerHigh = new boolean[128];
    private final InputEvent envelope = new InputEvent();
    private final ConsoleCommandFlyweight command = new ConsoleCommandFlyweight();
    private final FaultCounts refused;
    private final Optional<String> mscList;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong otherLists = new AtomicLong();
    private final Logger log;
    private boolean otherListSaid; // the transmitter thread only
    private long nextRequest;

    /**
     * @param options this engine's MSC device id and cue list (each optional), and the {@code --midi-cue}
     *     entries: "60" or "cc20" to "go", "stop", "panic" or a cue number
     * @throws IllegalArgumentException naming the entry when a key or a cue is not understood
     */
    MidiCues(InputRing ring, Clock clock, CueListInForce cues, ParameterLayout layout, MidiCueOptions options,
             Logger log) {
        this.ring = ring;
        this.log = log;
        this.mscList = options.mscList();
        this.clock = clock;
        this.cues = cues;
        this.layout = layout;
        this.refused = new FaultCounts("MIDI show control", "that command was ignored", log);
        this.msc = options.mscDevice().map(id -> new MscReceiver(id, new int[0], new int[] {0x01, 0x02, 0x10},
                this::onMsc, log));
        this.notes = new java.util.HashMap<>();
        this.controllers = new java.util.HashMap<>();
        options.mapping().forEach(this::map);
    }

    private void map(String key, String action) {
        boolean cc = key.startsWith("cc");
        int number;
        try {
            number = Integer.parseInt(cc ? key.substring(2) : key);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--midi-cue " + key + "=" + action + ": expected a note number (0-127)"
                    + " or cc and a controller number, e.g. 60=go or cc20=2");
        }
        if (number < 0 || number > 127) {
            throw new IllegalArgumentException("--midi-cue " + key + "=" + action + ": MIDI numbers are 0 to 127");
        }
        if (!ACTIONS.contains(action) && cues.current().indexOf(action) < 0) {
            throw new IllegalArgumentException("--midi-cue " + key + "=" + action + ": no cue numbered " + action
                    + " in cues.json (or go, stop, panic)");
        }
        (cc ? controllers : notes).put(number, action);
    }

    @Override
    public void send(MidiMessage message, long timeStamp) {
        msc.ifPresent(r -> r.send(message, timeStamp));
        if (message instanceof ShortMessage m) {
            if (m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0) {
                String target = notes.get(m.getData1());
                if (target != null) {
                    trigger(target, "note " + m.getData1());
                }
            } else if (m.getCommand() == ShortMessage.CONTROL_CHANGE) {
                boolean high = m.getData2() >= 64;
                boolean rose = high && !controllerHigh[m.getData1()];
                controllerHigh[m.getData1()] = high;
                String target = controllers.get(m.getData1());
                if (rose && target != null) {
                    trigger(target, "cc" + m.getData1());
                }
            }
        }
    }

    private void trigger(String target, String key) {
        switch (target) {
            case "go" -> offer(ControlCommands.GO);
            case "stop" -> offer(ControlCommands.STOP_ALL);
            case "panic" -> offer(ControlCommands.PANIC);
            default -> offerCue(ControlCommands.CUE_START, target, "--midi-cue " + key + "=" + target);
        }
    }

    private void onMsc(MscCommand msc) {
        if (forAnotherList(msc)) {
            return;
        }
        switch (msc.command()) {
            case GO -> cueOr(msc, ControlCommands.CUE_START, ControlCommands.GO);
            case TIMED_GO -> timedGo(msc);
            case STOP -> cueOr(msc, ControlCommands.CUE_STOP, ControlCommands.STOP_ALL);
            case RESUME -> cueOr(msc, ControlCommands.CUE_RESUME, ControlCommands.RESUME_ALL);
            case ALL_OFF -> offer(ControlCommands.STOP_ALL);
            case RESET -> offer(ControlCommands.RESET);
            case SET -> set(msc);
            default -> refuse(msc + ": not a command this engine acts on");
        }
    }

    /** True (counted, said once) when {@code --msc-list} is set and {@code msc} names another list. */
    private boolean forAnotherList(MscCommand msc) {
        if (mscList.isEmpty() || msc.list().isEmpty() || msc.list().equals(mscList)) {
            return false;
        }
        otherLists.incrementAndGet();
        if (!otherListSaid) {
            otherListSaid = true;
            log.log(Logger.Level.INFO, "MIDI show control: " + msc + " is for cue list " + msc.list().get()
                    + ", not this engine's (--msc-list " + mscList.get() + "): let pass; further ones are counted");
        }
        return true;
    }

    private void cueOr(MscCommand msc, int cueCommand, int allCommand) {
        if (msc.cue().isEmpty()) {
            offer(allCommand);
            return;
        }
        offerCue(cueCommand, msc.cue().get(), msc.toString());
    }

    /** TIMED_GO: GO at the playhead, or that cue's start, its fades taking the message's time. */
    private void timedGo(MscCommand msc) {
        long time = Math.max(0, msc.timeNanos());
        float high = NanosAsFloats.high(time);
        float low = NanosAsFloats.low(time);
        if (msc.cue().isEmpty()) {
            offer(ControlCommands.TIMED_GO, -1, 0, high, low);
        } else {
            offerCue(ControlCommands.TIMED_GO, msc.cue().get(), msc.toString(), high, low);
        }
    }

    /**
     * Offers {@code code} for the cue numbered {@code number} in the list the stage runs now, with
     * that list's generation, then {@code more}; refuses it, naming {@code from}, when that list has
     * no such cue (cues.json was reloaded without it).
     */
    private void offerCue(int code, String number, String from, float... more) {
        CueListInForce.Generation now = cues.current();
        int index = now.indexOf(number);
        if (index < 0) {
            refuse(from + ": no cue numbered " + number + " in the cue list now running");
            return;
        }
        float[] arguments = new float[2 + more.length];
        arguments[0] = index;
        arguments[1] = now.number();
        System.arraycopy(more, 0, arguments, 2, more.length);
        offer(code, arguments);
    }

    private void set(MscCommand msc) {
        if (msc.control() >= layout.parameterCount()) {
            refuse(msc + ": this artwork has " + layout.parameterCount() + " parameters (controls 0 to "
                    + (layout.parameterCount() - 1) + ")");
            return;
        }
        ParameterSpec spec = layout.specs().get(msc.control());
        float value = spec.min() + (spec.max() - spec.min()) * msc.value() / 16383f;
        offer(ControlCommands.PARAMETER_SET, layout.offset(msc.control()), value);
    }

    private void refuse(String why) {
        refused.record(new IllegalArgumentException(why), "a MIDI show control command");
    }

    private void offer(int code, float... arguments) {
        command.wrap(envelope.begin(EventKinds.CONSOLE_COMMAND, clock.nanos(), InputBatch.IMMEDIATELY, false))
                .reset(CONSOLE_ID, code, nextRequest++);
        for (int i = 0; i < arguments.length; i++) {
            command.argument(i, arguments[i]);
        }
        if (ring.offerEvent(envelope)) {
            sent.incrementAndGet();
        } else {
            refuse("the input ring is full");
        }
    }

    /** Commands offered to the ring so far. Any thread. */
    long sent() {
        return sent.get();
    }

    /** MSC commands let pass because they named another cue list ({@code --msc-list}). Any thread. */
    long otherLists() {
        return otherLists.get();
    }

    /** Commands refused (unknown cue, unsupported, ring full), by kind. Any thread. */
    FaultCounts refused() {
        return refused;
    }

    @Override
    public void close() {
    }
}
