package org.vernissage.showcontrol.msc;

import java.lang.System.Logger;
import java.util.Arrays;
import java.util.function.Consumer;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.SysexMessage;
import org.vernissage.engine.fault.FaultCounts;

/**
 * Takes the MIDI Show Control messages addressed to this engine from a MIDI input and hands each
 * decoded command on. Addressed means: to this device id, to one of its groups (0x70-0x7E), or to
 * everyone (0x7F); and in one of the command formats it answers to, or to all types (0x7F). Other
 * MIDI (notes, controllers) and other SysEx pass by untouched and uncounted. A malformed MSC message
 * is counted and logged once per kind, and the next one is read as if nothing happened.
 *
 * <p>Called on the MIDI device's transmitter thread ({@link #send}); {@code commands} is called on
 * that thread and must not block. Counters may be read by any thread. Owned by the part that
 * opened the MIDI input.
 */
public final class MscReceiver implements Receiver {

    /** Everyone: the all-call device id. */
    public static final int ALL_CALL = 0x7F;
    /** All types: the command format every device answers to. */
    public static final int ALL_TYPES = 0x7F;

    private final int deviceId;
    private final int[] groups;
    private final int[] formats;
    private final Consumer<MscCommand> commands;
    private final FaultCounts malformed;
    private volatile long accepted;
    private volatile long notForUs;

    /**
     * @param deviceId this engine's device id, 0 to 0x6F
     * @param groups the group ids (0x70-0x7E) it belongs to
     * @param formats the command formats it answers to besides all types (e.g. 0x01 lighting)
     */
    public MscReceiver(int deviceId, int[] groups, int[] formats, Consumer<MscCommand> commands, Logger log) {
        if (deviceId < 0 || deviceId > 0x6F) {
            throw new IllegalArgumentException("an MSC device id is 0 to 111 (0x6F), got " + deviceId);
        }
        for (int group : groups) {
            if (group < 0x70 || group > 0x7E) {
                throw new IllegalArgumentException("an MSC group id is 0x70 to 0x7E, got 0x" + Integer.toHexString(group));
            }
        }
        this.deviceId = deviceId;
        this.groups = groups.clone();
        this.formats = formats.clone();
        this.commands = commands;
        this.malformed = new FaultCounts("MIDI Show Control", "that message was ignored", log);
    }

    @Override
    public void send(MidiMessage message, long timeStamp) {
        if (!(message instanceof SysexMessage)) {
            return;
        }
        byte[] bytes = message.getMessage();
        if (!MscDecoder.isMsc(bytes)) {
            return;
        }
        if (!addressedToUs(bytes[2] & 0xFF, bytes[4] & 0xFF)) {
            notForUs++;
            return;
        }
        MscCommand command;
        try {
            command = MscDecoder.decode(bytes);
        } catch (MscException e) {
            malformed.record(e, "an MSC message");
            return;
        }
        accepted++;
        commands.accept(command);
    }

    private boolean addressedToUs(int device, int format) {
        boolean deviceMatches = device == deviceId || device == ALL_CALL || contains(groups, device);
        return deviceMatches && (format == ALL_TYPES || contains(formats, format));
    }

    private static boolean contains(int[] values, int value) {
        return Arrays.stream(values).anyMatch(v -> v == value);
    }

    /** Commands decoded and handed on. Any thread. */
    public long accepted() {
        return accepted;
    }

    /** MSC messages for another device or format. Any thread. */
    public long notForUs() {
        return notForUs;
    }

    /** Malformed MSC messages, by kind. Any thread. */
    public FaultCounts malformed() {
        return malformed;
    }

    @Override
    public void close() {
    }
}
