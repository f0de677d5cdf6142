package org.vernissage.app;

import java.util.Objects;
import java.util.Optional;

/**
 * The services a live run offers besides its sensors, each off unless asked for: OSCQuery
 * ({@code --oscquery}), the models' Wekinator endpoint ({@code --wekinator}, {@code --wekinator-out}),
 * the web console ({@code --console}), show control from MIDI ({@code --msc-device},
 * {@code --midi-cue}) and the show state kept across restarts ({@code --state}, {@code --fresh}). Grouped so that a new service is one field here, not
 * one more argument to every {@link RunOptions} method.
 *
 * <p>Immutable.
 */
public record ServiceOptions(OscQueryOptions oscQuery, ModelOptions models, Optional<ConsoleOptions> console,
                             MidiCueOptions midiCues, StateOptions state) {

    /** None of them (and no show state kept). */
    public static final ServiceOptions NONE = new ServiceOptions(OscQueryOptions.NONE, ModelOptions.NONE,
            Optional.empty(), MidiCueOptions.NONE, StateOptions.NONE);

    public ServiceOptions {
        Objects.requireNonNull(oscQuery, "oscQuery");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(midiCues, "midiCues");
        Objects.requireNonNull(state, "state");
    }

    public ServiceOptions withOscQuery(OscQueryOptions newOscQuery) {
        return new ServiceOptions(newOscQuery, models, console, midiCues, state);
    }

    public ServiceOptions withModels(ModelOptions newModels) {
        return new ServiceOptions(oscQuery, newModels, console, midiCues, state);
    }

    public ServiceOptions withState(StateOptions newState) {
        return new ServiceOptions(oscQuery, models, console, midiCues, newState);
    }

    public ServiceOptions withConsole(ConsoleOptions newConsole) {
        return new ServiceOptions(oscQuery, models, Optional.of(newConsole), midiCues, state);
    }
}
