package org.vernissage.engine.binding;

/**
 * Which raw signal a binding listens to: an OSC address and argument, a MIDI controller, an audio
 * feature, a signal from the audience's phones. Each adapter picks out the selectors of its own
 * kind at start-up and resolves them to its own fast lookup.
 *
 * <p>Immutable; made by the manifest loader.
 */
public sealed interface InputSelector permits OscSelector, MidiSelector, AudioSelector, PhoneSelector {

    /** The selector as an artist would write it, for messages. */
    String describe();

    /**
     * The raw range a binding maps onto its parameter when the manifest gives no {@code input}
     * range, or null when the parameter's own range is the natural default (OSC).
     */
    float[] naturalRange();
}
