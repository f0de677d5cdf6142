package org.vernissage.app;

import java.lang.System.Logger;
import java.util.Map;
import java.util.Optional;
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
import org.vernissage.showcontrol.cue.CueList;
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
 *   MSC RESUME [cue]  -> resume it, or all                           MSC TIMED_GO     -> as GO (time ignored)
 *   MSC SET n v       -> parameter n (manifest order, from 0) to v/16383 of its range
 *   MSC ALL_OFF       -> stop all                                    MSC RESET        -> reset
 * </pre>
 * A note-on (velocity above 0) or a controller crossing 64 upwards triggers its mapping once.
 *
 * <p>Called on the MIDI device's transmitter thread (through {@code MidiInput.showControl}); one
 * envelope reused (that thread only); counters readable by any thread.
 */
final class MidiCues implements Receiver {

    /** The console id MIDI's commands carry. */
    static final int CONSOLE_ID = -3;
    private static final int GO = -1;
    private static final int STOP = -2;
    private static final int PANIC = -3;

    private final InputRing ring;
    private final Clock clock;
    private final CueList cues;
    private final ParameterLayout layout;
    private final Optional<MscReceiver> msc;
    private final Map<Integer, Integer> notes;      // note -> cue index or GO/STOP/PANIC
    private final Map<Integer, Integer> controllers; // cc -> cue index or GO/STOP/PANIC
    private final boolean[] controllerHigh = new boolean[128];
    private final InputEvent envelope = new InputEvent();
    private final ConsoleCommandFlyweight command = new ConsoleCommandFlyweight();
    private final FaultCounts refused;
    private final AtomicLong sent = new AtomicLong();
    private long nextRequest;

    /**
     * @param mscDevice this engine's MSC device id, or empty for no MSC
     * @param mapping {@code --midi-cue} entries: "60" or "cc20" to "go", "stop", "panic" or a cue number
     * @throws IllegalArgumentException naming the entry when a key or a cue is not understood
     */
    MidiCues(InputRing ring, Clock clock, CueList cues, ParameterLayout layout, Optional<Integer> mscDevice,
             Map<String, String> mapping, Logger log) {
        this.ring = ring;
        this.clock = clock;
        this.cues = cues;
        this.layout = layout;
        this.refused = new FaultCounts("MIDI show control", "that command was ignored", log);
        this.msc = mscDevice.map(id -> new MscReceiver(id, new int[0], new int[] {0x01, 0x02, 0x10},
                this::onMsc, log));
        this.notes = new java.util.HashMap<>();
        this.controllers = new java.util.HashMap<>();
        mapping.forEach(this::map);
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
        int target = switch (action) {
            case "go" -> GO;
            case "stop" -> STOP;
            case "panic" -> PANIC;
            default -> cues.indexOf(action).orElseThrow(() -> new IllegalArgumentException("--midi-cue " + key + "="
                    + action + ": no cue numbered " + action + " in cues.json (or go, stop, panic)"));
        };
        (cc ? controllers : notes).put(number, target);
    }

    @Override
    public void send(MidiMessage message, long timeStamp) {
        msc.ifPresent(r -> r.send(message, timeStamp));
        if (message instanceof ShortMessage m) {
            if (m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0) {
                Integer target = notes.get(m.getData1());
                if (target != null) {
                    trigger(target);
                }
            } else if (m.getCommand() == ShortMessage.CONTROL_CHANGE) {
                boolean high = m.getData2() >= 64;
                boolean rose = high && !controllerHigh[m.getData1()];
                controllerHigh[m.getData1()] = high;
                Integer target = controllers.get(m.getData1());
                if (rose && target != null) {
                    trigger(target);
                }
            }
        }
    }

    private void trigger(int target) {
        switch (target) {
            case GO -> offer(ControlCommands.GO);
            case STOP -> offer(ControlCommands.STOP_ALL);
            case PANIC -> offer(ControlCommands.PANIC);
            default -> offer(ControlCommands.CUE_START, target);
        }
    }

    private void onMsc(MscCommand msc) {
        switch (msc.command()) {
            case GO, TIMED_GO -> cueOr(msc, ControlCommands.CUE_START, ControlCommands.GO);
            case STOP -> cueOr(msc, ControlCommands.CUE_STOP, ControlCommands.STOP_ALL);
            case RESUME -> cueOr(msc, ControlCommands.CUE_RESUME, ControlCommands.RESUME_ALL);
            case ALL_OFF -> offer(ControlCommands.STOP_ALL);
            case RESET -> offer(ControlCommands.RESET);
            case SET -> set(msc);
            default -> refuse(msc + ": not a command this engine acts on");
        }
    }

    private void cueOr(MscCommand msc, int cueCommand, int allCommand) {
        if (msc.cue().isEmpty()) {
            offer(allCommand);
            return;
        }
        Optional<Integer> index = cues.indexOf(msc.cue().get());
        if (index.isEmpty()) {
            refuse(msc + ": no cue numbered " + msc.cue().get() + " in cues.json");
            return;
        }
        offer(cueCommand, index.get());
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

    /** Commands refused (unknown cue, unsupported, ring full), by kind. Any thread. */
    FaultCounts refused() {
        return refused;
    }

    @Override
    public void close() {
    }
}
