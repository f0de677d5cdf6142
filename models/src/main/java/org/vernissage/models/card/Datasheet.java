package org.vernissage.models.card;

import java.util.List;
import java.util.Objects;

/**
 * The datasheet of one example set ({@code NAME.datasheet.json} beside {@code NAME.examples.json}):
 * what was recorded, by whom and when, with what consent and licence, how many examples, which
 * inputs and outputs, and anything a later user should know. Written by {@link CardFiles}.
 *
 * <p>Immutable; shared by all threads. Optional texts are null when not known.
 */
public record Datasheet(String name, String what, String recordedBy, String recordedAt, String consent,
                        String licence, int examples, List<String> inputs, List<String> outputs, String notes) {

    public Datasheet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(what, "what");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The same datasheet for a set that now holds {@code count} examples, recorded at {@code at}. */
    public Datasheet withExamples(int count, String at) {
        return new Datasheet(name, what, recordedBy, at, consent, licence, count, inputs, outputs, notes);
    }
}
