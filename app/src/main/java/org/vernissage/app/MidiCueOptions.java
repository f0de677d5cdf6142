package org.vernissage.app;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Show control from the MIDI input ({@code --midi-device}): MIDI Show Control addressed to
 * {@code --msc-device ID}, and notes or controllers mapped to GO, stop, panic or a cue
 * ({@code --midi-cue 60=go}, {@code --midi-cue cc20=2}).
 *
 * <p>Immutable.
 */
public record MidiCueOptions(Optional<Integer> mscDevice, Map<String, String> mapping) {

    public static final MidiCueOptions NONE = new MidiCueOptions(Optional.empty(), Map.of());

    public MidiCueOptions {
        Objects.requireNonNull(mscDevice, "mscDevice");
        mapping = Map.copyOf(mapping);
        mscDevice.ifPresent(id -> {
            if (id < 0 || id > 0x6F) {
                throw new IllegalArgumentException("--msc-device takes a device id from 0 to 111, got " + id);
            }
        });
    }

    /** Whether anything was asked for. */
    public boolean active() {
        return mscDevice.isPresent() || !mapping.isEmpty();
    }
}
