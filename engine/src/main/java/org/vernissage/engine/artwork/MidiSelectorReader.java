package org.vernissage.engine.artwork;

import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.binding.InputSelector;
import org.vernissage.engine.binding.MidiMessageKind;
import org.vernissage.engine.binding.MidiSelector;

/**
 * A MIDI binding's selector: {@code "message"} (note, cc, bend or pressure), {@code "number"}
 * (the note or controller, for note and cc) and {@code "channel"} (1..16; any when absent).
 *
 * <p>Used on the loading thread only; stateless.
 */
final class MidiSelectorReader implements SelectorReader {

    @Override
    public String arrayName() {
        return "midi";
    }

    @Override
    public String example() {
        return "{\"message\": \"cc\", \"number\": 7, \"parameter\": \"energy\"}";
    }

    @Override
    public List<String> fields() {
        return List.of("message", "number", "channel");
    }

    @Override
    public InputSelector read(ManifestFields f) throws ManifestException {
        MidiMessageKind kind = kind(f);
        int number = -1;
        if (kind.hasNumber()) {
            number = f.requiredInt("number", 0, 127);
        } else if (f.has("number")) {
            throw f.error("number", "no number: a " + kind.manifestName() + " message has none",
                    Found.json(f.get("number")));
        }
        int channel = f.optionalInt("channel", 1, 16, MidiSelector.ANY_CHANNEL,
                "a MIDI channel from 1 to 16 (leave it out for any channel)");
        return new MidiSelector(kind, number, channel);
    }

    private static MidiMessageKind kind(ManifestFields f) throws ManifestException {
        List<String> names = new ArrayList<>();
        for (MidiMessageKind each : MidiMessageKind.values()) {
            names.add(each.manifestName());
        }
        return MidiMessageKind.values()[f.choice("message", names, -1)];
    }
}
