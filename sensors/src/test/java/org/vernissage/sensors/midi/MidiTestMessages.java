package org.vernissage.sensors.midi;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.MidiMessageKind;
import org.vernissage.engine.binding.MidiSelector;

/** Builders for the MIDI tests: bindings and messages, valid or deliberately broken. */
final class MidiTestMessages {

    private MidiTestMessages() {
    }

    static BindingSpec binding(MidiMessageKind kind, int number, int channel) {
        return new BindingSpec(new MidiSelector(kind, number, channel), "p", 0,
                ConditioningSpec.linear(kind.min(), kind.max(), 0, 1));
    }

    /** A valid channel message; {@code channel} is 1..16 as musicians count. */
    static ShortMessage shortMessage(int command, int channel, int data1, int data2) {
        try {
            return new ShortMessage(command, channel - 1, data1, data2);
        } catch (InvalidMidiDataException e) {
            throw new AssertionError(e);
        }
    }

    /** A short message holding exactly these bytes, unchecked (as a broken driver could hand over). */
    static ShortMessage rawShort(int... bytes) {
        return new RawShortMessage(toBytes(bytes));
    }

    /** A system exclusive message holding exactly these bytes, unchecked. */
    static SysexMessage rawSysex(int... bytes) {
        return new RawSysexMessage(toBytes(bytes));
    }

    static MetaMessage meta(int type, byte[] data) {
        try {
            return new MetaMessage(type, data, data.length);
        } catch (InvalidMidiDataException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] toBytes(int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return data;
    }

    static final class RawShortMessage extends ShortMessage {
        RawShortMessage(byte[] data) {
            super(data);
        }
    }

    static final class RawSysexMessage extends SysexMessage {
        RawSysexMessage(byte[] data) {
            super(data);
        }
    }

    /** A message type javax.sound.midi does not define. */
    static final class OtherMessage extends MidiMessage {
        OtherMessage(byte[] data) {
            super(data);
        }

        @Override
        public Object clone() {
            return new OtherMessage(getMessage());
        }
    }

    /** A broken implementation whose getters throw. */
    static final class ThrowingShortMessage extends ShortMessage {
        @Override
        public int getStatus() {
            throw new IllegalStateException("broken driver");
        }
    }
}
