package org.vernissage.engine.binding;

import java.util.Objects;

/**
 * MIDI channel messages of one kind: a note or controller {@code number} (for kinds that have
 * one, else -1), on {@code channel} 1..16, or on any channel when {@code channel} is
 * {@link #ANY_CHANNEL}.
 */
public record MidiSelector(MidiMessageKind kind, int number, int channel) implements InputSelector {

    public static final int ANY_CHANNEL = 0;

    public MidiSelector {
        Objects.requireNonNull(kind, "kind");
        if (kind.hasNumber() ? number < 0 || number > 127 : number != -1) {
            throw new IllegalArgumentException(kind.manifestName() + ": bad number " + number);
        }
        if (channel < 0 || channel > 16) {
            throw new IllegalArgumentException("MIDI channel must be 1..16 (or 0 for any): " + channel);
        }
    }

    /** Whether a message on {@code messageChannel} (1..16) is for this selector. */
    public boolean acceptsChannel(int messageChannel) {
        return channel == ANY_CHANNEL || channel == messageChannel;
    }

    @Override
    public String describe() {
        return "MIDI " + kind.manifestName() + (kind.hasNumber() ? " " + number : "")
                + (channel == ANY_CHANNEL ? "" : " channel " + channel);
    }

    @Override
    public float[] naturalRange() {
        return new float[] {kind.min(), kind.max()};
    }
}
