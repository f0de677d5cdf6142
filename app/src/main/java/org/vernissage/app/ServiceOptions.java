package org.vernissage.app;

import java.util.Objects;
import java.util.Optional;

/**
 * The services a live run offers besides its sensors, each off unless asked for: OSCQuery
 * ({@code --oscquery}), the models' Wekinator endpoint ({@code --wekinator}, {@code --wekinator-out}),
 * the web console ({@code --console}), show control from MIDI ({@code --msc-device},
 * {@code --midi-cue}), the show state kept across restarts ({@code --state}, {@code --fresh}), what is
 * kept of the audience ({@link PrivacyOptions}: {@code --retention-days}, {@code --record-features-only})
 * and the energy meter ({@code --energy-log}, {@code --power-budget}). Grouped so that a new service
 * is one field here, not one more argument to every {@link RunOptions} method.
 *
 * <p>Immutable.
 */
public record ServiceOptions(OscQueryOptions oscQuery, ModelOptions models, Optional<ConsoleOptions> console,
                             MidiCueOptions midiCues, StateOptions state, PrivacyOptions privacy,
                             EnergyOptions energy) {

    /** None of them (and no show state kept). */
    public static final ServiceOptions NONE = new ServiceOptions(OscQueryOptions.NONE, ModelOptions.NONE,
            Optional.empty(), MidiCueOptions.NONE, StateOptions.NONE);

    /** The services with the default privacy ({@link PrivacyOptions#NONE}) and energy meter. */
    public ServiceOptions(OscQueryOptions oscQuery, ModelOptions models, Optional<ConsoleOptions> console,
                          MidiCueOptions midiCues, StateOptions state) {
        this(oscQuery, models, console, midiCues, state, PrivacyOptions.NONE, EnergyOptions.DEFAULTS);
    }

    public ServiceOptions {
        Objects.requireNonNull(oscQuery, "oscQuery");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(midiCues, "midiCues");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(privacy, "privacy");
        Objects.requireNonNull(energy, "energy");
    }

    public ServiceOptions withPrivacy(PrivacyOptions newPrivacy) {
        return new ServiceOptions(oscQuery, models, console, midiCues, state, newPrivacy, energy);
    }

    public ServiceOptions withEnergy(EnergyOptions newEnergy) {
        return new ServiceOptions(oscQuery, models, console, midiCues, state, privacy, newEnergy);
    }

    public ServiceOptions withOscQuery(OscQueryOptions newOscQuery) {
        return new ServiceOptions(newOscQuery, models, console, midiCues, state, privacy, energy);
    }

    public ServiceOptions withModels(ModelOptions newModels) {
        return new ServiceOptions(oscQuery, newModels, console, midiCues, state, privacy, energy);
    }

    public ServiceOptions withState(StateOptions newState) {
        return new ServiceOptions(oscQuery, models, console, midiCues, newState, privacy, energy);
    }

    public ServiceOptions withConsole(ConsoleOptions newConsole) {
        return new ServiceOptions(oscQuery, models, Optional.of(newConsole), midiCues, state, privacy, energy);
    }
}
