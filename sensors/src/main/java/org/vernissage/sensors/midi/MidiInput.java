package org.vernissage.sensors.midi;

import java.lang.System.Logger;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.MidiMessageKind;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.sensors.FirstOccurrenceLog;
import org.vernissage.sensors.SourceCounters;
import org.vernissage.sensors.SourceStats;

/**
 * Turns MIDI channel messages into raw channel values on the input ring: for every binding whose
 * selector is a {@code MidiSelector} (its channel on the ring is its index in the manifest) it
 * offers
 * <ul>
 *   <li>NOTE: the note-on velocity 0..127; note off, and note on with velocity 0, give 0;</li>
 *   <li>CC: the controller value 0..127;</li>
 *   <li>BEND: the 14-bit pitch wheel centred on 0, -8192..8191;</li>
 *   <li>PRESSURE: channel pressure 0..127.</li>
 * </ul>
 * Values are raw: scaling and smoothing happen on the conductor. Arrival is stamped with the
 * injected {@link Clock} (the MIDI time stamp is ignored: many devices and the JDK sequencer send
 * -1). Selectors are resolved at construction into a {@link MidiBindingTable}, so {@link #send}
 * indexes arrays, reads the message's bytes in place through {@link ShortMessage}'s getters
 * ({@code getMessage()} would copy) and allocates nothing.
 *
 * <p>Bad input never escapes: system exclusive, system and meta messages are dropped, malformed
 * short messages (a data byte where the status should be, a data byte with its top bit set, too
 * few bytes) are rejected, each reason logged once with the bytes and then only counted in
 * {@link #counters()} ({@code "MIDI <device name>"}); {@code send} never throws, not even after
 * {@link #close()} (where {@link Receiver} would allow it), because the thread calling it belongs
 * to the MIDI implementation and an exception there can end its delivery for good.
 *
 * <p>Threads: built on the wiring thread; {@link #send} is then called on the thread that
 * delivers MIDI: the JDK's input thread of a hardware port, or "Java Sound Sequencer" for a
 * sequencer. Single writer: connect exactly ONE {@code Transmitter} at a time to an instance,
 * because its counters ({@link SourceStats}) and first-occurrence log are written without
 * synchronisation. A {@link MidiDeviceConnection} that reconnects after a loss keeps to that: it
 * closes the lost device (which ends its delivery thread) before it connects the new one to the
 * same instance, so bindings, counters and logs carry on across the reconnection.
 * The counters may be read from any thread. Owned by the wiring that connects it (normally
 * through {@link MidiDeviceConnection}).
 */
public final class MidiInput implements Receiver {

    private static final Logger LOG = System.getLogger(MidiInput.class.getName());

    private final MidiBindingTable table;
    private final InputSink sink;
    private final Clock clock;
    private final SourceStats stats;
    private final FirstOccurrenceLog firstDrops;
    private final FirstOccurrenceLog firstRejections;
    private volatile boolean closed;
    private volatile Receiver showControl;

    /**
     * @param sourceName names the source in counters and log lines, e.g. {@code "MIDI nanoKONTROL2"}
     */
    public MidiInput(List<BindingSpec> bindings, InputSink sink, Clock clock, String sourceName) {
        this(bindings, sink, clock, sourceName, LOG);
    }

    MidiInput(List<BindingSpec> bindings, InputSink sink, Clock clock, String sourceName, Logger logger) {
        this.table = new MidiBindingTable(Objects.requireNonNull(bindings, "bindings"));
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stats = new SourceStats(Objects.requireNonNull(sourceName, "sourceName"));
        this.firstDrops = new FirstOccurrenceLog(logger, MidiDropReason.values().length);
        this.firstRejections = new FirstOccurrenceLog(logger, MidiRejection.values().length);
    }

    /**
     * Also hands every message, first, to {@code receiver}: show control from the same port (MIDI
     * Show Control SysEx, notes and controllers mapped to GO and cues). SysEx then no longer counts
     * as dropped. Any thread; takes effect from the next message.
     */
    public void showControl(Receiver receiver) {
        this.showControl = receiver;
    }

    /** Received = every message handed to {@link #send}; dropped and rejected as documented. */
    public SourceCounters counters() {
        return stats;
    }

    /** The clock arrivals are stamped with; a reconnecting watch times its losses with it. */
    Clock clock() {
        return clock;
    }

    /** How many bindings of the artwork are MIDI bindings (0: nothing will ever be offered). */
    public int bindingCount() {
        return table.selectorCount();
    }

    @Override
    public void send(MidiMessage message, long timeStamp) {
        long now = clock.nanos();
        stats.countReceived(now);
        if (closed) {
            drop(MidiDropReason.CLOSED, message);
            return;
        }
        Receiver also = showControl;
        try {
            if (also != null) {
                also.send(message, timeStamp);
            }
            if (message instanceof ShortMessage shortMessage) {
                onShortMessage(shortMessage, now);
            } else if (message instanceof SysexMessage) {
                if (also == null) {
                    drop(MidiDropReason.SYSTEM_EXCLUSIVE, message);
                }
            } else if (message instanceof MetaMessage) {
                drop(MidiDropReason.META_MESSAGE, message);
            } else {
                reject(MidiRejection.UNKNOWN_MESSAGE_TYPE, message);
            }
        } catch (RuntimeException e) {
            // A MidiMessage subclass whose getters throw: never let it reach the MIDI thread.
            reject(MidiRejection.UNREADABLE, null);
        }
    }

    /**
     * Stops taking messages: later ones are counted as dropped. Does not close the device; that is
     * {@link MidiDeviceConnection#close()}'s job.
     */
    @Override
    public void close() {
        closed = true;
    }

    /** Whether {@link #close()} was called (by the wiring or by a closing transmitter). */
    public boolean isClosed() {
        return closed;
    }

    // ---- decoding ---------------------------------------------------------------------------

    private void onShortMessage(ShortMessage message, long now) {
        int length = message.getLength();
        if (length < 1) {
            reject(MidiRejection.TRUNCATED, message);
            return;
        }
        int status = message.getStatus();
        if (status < 0x80) {
            reject(MidiRejection.NOT_A_STATUS_BYTE, message);
            return;
        }
        if (status >= 0xF0) {
            onSystemMessage(status, message);
            return;
        }
        int command = status & 0xF0;
        int dataBytes = command == ShortMessage.PROGRAM_CHANGE || command == ShortMessage.CHANNEL_PRESSURE ? 1 : 2;
        if (length < 1 + dataBytes) {
            reject(MidiRejection.TRUNCATED, message);
            return;
        }
        // getData1/getData2 mask with 0xFF, so a byte >= 0x80 shows up as such here.
        int data1 = message.getData1();
        int data2 = dataBytes == 2 ? message.getData2() : 0;
        if (data1 > 0x7F || data2 > 0x7F) {
            reject(MidiRejection.DATA_BYTE_OUT_OF_RANGE, message);
            return;
        }
        int channel = status & 0x0F;
        switch (command) {
            case ShortMessage.NOTE_ON -> offer(MidiBindingTable.key(MidiMessageKind.NOTE, channel, data1), data2, now);
            case ShortMessage.NOTE_OFF -> offer(MidiBindingTable.key(MidiMessageKind.NOTE, channel, data1), 0, now);
            case ShortMessage.CONTROL_CHANGE -> offer(MidiBindingTable.key(MidiMessageKind.CC, channel, data1), data2, now);
            case ShortMessage.PITCH_BEND -> offer(MidiBindingTable.key(MidiMessageKind.BEND, channel, 0),
                    ((data2 << 7) | data1) - 8192, now);
            case ShortMessage.CHANNEL_PRESSURE -> offer(MidiBindingTable.key(MidiMessageKind.PRESSURE, channel, 0),
                    data1, now);
            default -> stats.countDropped(); // program change, polyphonic pressure: no binding kind
        }
    }

    private void onSystemMessage(int status, ShortMessage message) {
        if (status == ShortMessage.END_OF_EXCLUSIVE || status == 0xF0) {
            reject(MidiRejection.MISPLACED_SYSEX_BYTE, message);
        } else {
            drop(MidiDropReason.SYSTEM_MESSAGE, message);
        }
    }

    private void offer(int key, int value, long now) {
        int count = table.count(key);
        if (count == 0) {
            stats.countDropped(); // an unbound control is normal (a big controller, few bindings): not logged
            return;
        }
        int start = table.start(key);
        for (int i = start; i < start + count; i++) {
            if (!sink.offerChannel(table.bindingChannel(i), value, now)) {
                drop(MidiDropReason.RING_FULL, null);
            }
        }
    }

    // ---- counting and logging (strings are built only the first time) -----------------------

    private void drop(MidiDropReason reason, MidiMessage message) {
        stats.countDropped();
        if (firstDrops.first(reason)) {
            firstDrops.warn(stats.source() + ": dropped " + describe(message) + ": " + hint(reason)
                    + " (logged once; further ones are only counted as dropped)");
        }
    }

    private void reject(MidiRejection reason, MidiMessage message) {
        stats.countRejected();
        if (firstRejections.first(reason)) {
            firstRejections.warn(stats.source() + ": rejected " + describe(message) + ": " + hint(reason)
                    + " (logged once; further ones are only counted as rejected)");
        }
    }

    private static String hint(MidiDropReason reason) {
        return switch (reason) {
            case NO_BINDING -> "no binding listens to it";
            case SYSTEM_EXCLUSIVE -> "system exclusive messages are not read; bind notes, controllers, bend or pressure";
            case SYSTEM_MESSAGE -> "system common/real-time messages (clock, start, stop) are not read";
            case META_MESSAGE -> "sequencer meta messages are not performance input";
            case RING_FULL -> "the input ring is full (the engine is not keeping up)";
            case CLOSED -> "the MIDI input was already closed";
        };
    }

    private static String hint(MidiRejection reason) {
        return switch (reason) {
            case NOT_A_STATUS_BYTE -> "expected a status byte 0x80..0xFF first, found a data byte"
                    + " (running status or a stream out of step)";
            case DATA_BYTE_OUT_OF_RANGE -> "expected data bytes 0..0x7F";
            case TRUNCATED -> "fewer bytes than its status byte needs";
            case MISPLACED_SYSEX_BYTE -> "0xF0/0xF7 only begin or end a system exclusive message";
            case UNKNOWN_MESSAGE_TYPE -> "expected a ShortMessage, SysexMessage or MetaMessage";
            case UNREADABLE -> "reading the message threw";
        };
    }

    /** The message's class and bytes, for the one log line of a reason. Allocates; rare path. */
    private static String describe(MidiMessage message) {
        if (message == null) {
            return "a message";
        }
        try {
            byte[] bytes = message.getMessage();
            int shown = Math.min(message.getLength(), 16);
            String hex = bytes == null ? "" : HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(shown, bytes.length));
            return message.getClass().getSimpleName() + " [" + hex + (message.getLength() > shown ? " ..." : "")
                    + "] (" + message.getLength() + " bytes)";
        } catch (RuntimeException e) {
            return message.getClass().getSimpleName() + " (unreadable)";
        }
    }
}
