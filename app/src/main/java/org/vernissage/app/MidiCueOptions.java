package org.vernissage.app;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Show control from the MIDI input ({@code --midi-device}): MIDI Show Control addressed to
 * {@code --msc-device ID}, and notes or controllers mapped to GO, stop, panic or a cue
 * ({@code --midi-cue 60=go}, {@code --midi-cue cc20=2}). With {@code --msc-list L}, MSC commands
 * that name another cue list are for another device on the same MIDI line and are let pass.
 *
 * <p>Immutable.
 */
public record MidiCueOptions(Optional<Integer> mscDevice, Optional<String> mscList, Map<String, String> mapping) {

    public static final MidiCueOptions NONE = new MidiCueOptions(Optional.empty(), Optional.empty(), Map.of());

    /** MSC's cue numbers, lists and paths: ASCII digits with decimal points ("1", "25.5"). */
    private static final Pattern MSC_NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    public MidiCueOptions {
        Objects.requireNonNull(mscDevice, "mscDevice");
        Objects.requireNonNull(mscList, "mscList");
        mapping = Map.copyOf(mapping);
        if (mscList.isPresent() && mscDevice.isEmpty()) {
            throw new IllegalArgumentException("--msc-list chooses the cue list MIDI Show Control runs: add --msc-device");
        }
        mscList.ifPresent(list -> {
            if (!MSC_NUMBER.matcher(list).matches()) {
                throw new IllegalArgumentException("--msc-list takes a cue list number as MSC writes it (digits and"
                        + " decimal points, e.g. 1 or 2.5), got '" + list + "'");
            }
        });
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
