package org.vernissage.sensors.midi;

import java.util.List;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.MidiMessageKind;
import org.vernissage.engine.binding.MidiSelector;

/**
 * The artwork's MIDI bindings resolved into flat lookup tables, so that a message finds its
 * bindings with one array index: key = (kind, channel 0..15, number 0..127) gives a start and a
 * count into one array of binding channels (a binding's index in the manifest is its channel on
 * the ring). A selector for any channel is entered under all 16 channels; kinds without a number
 * (bend, pressure) use number 0. Several bindings on one control keep their manifest order.
 *
 * <p>Built once at start-up on the wiring thread, then only read (by the MIDI delivery thread);
 * immutable after construction, so it is safe to publish through the {@link MidiInput} that owns
 * it. Size is fixed: 4 kinds x 16 channels x 128 numbers = 8192 keys, 64 KiB of tables.
 */
final class MidiBindingTable {

    static final int CHANNELS = 16;
    static final int NUMBERS = 128;
    private static final int KEYS = MidiMessageKind.values().length * CHANNELS * NUMBERS;

    private final int[] start = new int[KEYS];
    private final int[] count = new int[KEYS];
    private final int[] bindingChannels;
    private final int selectors;

    MidiBindingTable(List<BindingSpec> bindings) {
        // Two passes: count per key, then fill contiguous ranges in manifest order.
        int entries = 0;
        int found = 0;
        for (BindingSpec binding : bindings) {
            if (binding.from() instanceof MidiSelector selector) {
                found++;
                for (int channel = 0; channel < CHANNELS; channel++) {
                    if (selector.acceptsChannel(channel + 1)) {
                        count[key(selector, channel)]++;
                        entries++;
                    }
                }
            }
        }
        this.selectors = found;
        this.bindingChannels = new int[entries];
        int next = 0;
        for (int k = 0; k < KEYS; k++) {
            start[k] = next;
            next += count[k];
        }
        int[] filled = new int[KEYS];
        for (int index = 0; index < bindings.size(); index++) {
            if (bindings.get(index).from() instanceof MidiSelector selector) {
                for (int channel = 0; channel < CHANNELS; channel++) {
                    if (selector.acceptsChannel(channel + 1)) {
                        int k = key(selector, channel);
                        bindingChannels[start[k] + filled[k]++] = index;
                    }
                }
            }
        }
    }

    /**
     * The key of a message of {@code kind} on MIDI {@code channel} 0..15 (the status byte's low
     * nibble) with data {@code number} 0..127 (0 for kinds without a number).
     */
    static int key(MidiMessageKind kind, int channel, int number) {
        return (kind.ordinal() * CHANNELS + channel) * NUMBERS + number;
    }

    private static int key(MidiSelector selector, int channel) {
        return key(selector.kind(), channel, selector.kind().hasNumber() ? selector.number() : 0);
    }

    /** Index of the first binding channel for {@code key} in {@link #bindingChannel(int)}. */
    int start(int key) {
        return start[key];
    }

    /** How many bindings listen to {@code key}. */
    int count(int key) {
        return count[key];
    }

    /** The ring channel (manifest binding index) of entry {@code i}. */
    int bindingChannel(int i) {
        return bindingChannels[i];
    }

    /** How many of the bindings were MIDI bindings. */
    int selectorCount() {
        return selectors;
    }
}
