package org.vernissage.app;

import java.util.Objects;
import java.util.Optional;

/**
 * The services a live run offers besides its sensors, each off unless asked for: OSCQuery
 * ({@code --oscquery}), the models' Wekinator endpoint ({@code --wekinator}, {@code --wekinator-out}),
 * the web console ({@code --console}), show control from MIDI ({@code --msc-device},
 * {@code --midi-cue}), the show state kept across restarts ({@code --state}, {@code --fresh}), what is
 * kept of the audience ({@link PrivacyOptions}: {@code --retention-days}, {@code --record-features-only})
 * the energy meter ({@code --energy-log}, {@code --power-budget}) and the disclosure caption's
 * starting language ({@code --disclosure-language}). Grouped so that a new service
 * is one field here, not one more argument to every {@link RunOptions} method.
 *
 * <p>Immutable.
 */
public record ServiceOptions(OscQueryOptions oscQuery, ModelOptions models, Optional<ConsoleOptions> console,
                             MidiCueOptions midiCues, StateOptions state, PrivacyOptions privacy,
                             EnergyOptions energy, Optional<String> disclosureLanguage) {

    /** None of them (and no show state kept). */
    public static final ServiceOptions NONE = new ServiceOptions(OscQueryOptions.NONE, ModelOptions.NONE,
            Optional.empty(), MidiCueOptions.NONE, StateOptions.NONE);

    /** The services with the default privacy ({@link PrivacyOptions#NONE}) and energy meter. */
    public ServiceOptions(OscQueryOptions oscQuery, ModelOptions models, Optional<ConsoleOptions> console,
                          MidiCueOptions midiCues, StateOptions state) {
        this(oscQuery, models, console, midiCues, state, PrivacyOptions.NONE, EnergyOptions.DEFAULTS);
    }

    /** The services with the manifest's caption language. */
    public ServiceOptions(OscQueryOptions oscQuery, ModelOptions models, Optional<ConsoleOptions> console,
                          MidiCueOptions midiCues, StateOptions state, PrivacyOptions privacy, EnergyOptions energy) {
        this(oscQuery, models, console, midiCues, state, privacy, energy, Optional.empty());
    }

    public ServiceOptions {
        Objects.requireNonNull(oscQuery, "oscQuery");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(midiCues, "midiCues");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(privacy, "privacy");
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(disclosureLanguage, "disclosureLanguage");
        disclosureLanguage.ifPresent(tag -> {
            if (tag.isBlank()) {
                throw new IllegalArgumentException("--disclosure-language needs a language tag of the manifest's"
                        + " disclosure texts (e.g. en), got an empty one");
            }
        });
    }

    public ServiceOptions withPrivacy(PrivacyOptions newPrivacy) {
        return new ServiceOptions(oscQuery, models, console, midiCues, state, newPrivacy, energy, disclosureLanguage);
    }

    public ServiceOptions withEnergy(EnergyOptions newEnergy) {
        return new ServiceOptions(oscQuery, models, console, midiCues, state, privacy, newEnergy, disclosureLanguage);
    }

    public ServiceOptions withOscQuery(OscQueryOptions newOscQuery) {
        return new ServiceOptions(newOscQuery, models, console, midiCues, state, privacy, energy, disclosureLanguage);
    }

    public ServiceOptions withModels(ModelOptions newModels) {
        return new ServiceOptions(oscQuery, newModels, console, midiCues, state, privacy, energy, disclosureLanguage);
    }

    public ServiceOptions withState(StateOptions newState) {
        return new ServiceOptions(oscQuery, models, console, midiCues, newState, privacy, energy, disclosureLanguage);
    }

    public ServiceOptions withConsole(ConsoleOptions newConsole) {
        return new ServiceOptions(oscQuery, models, Optional.of(newConsole), midiCues, state, privacy, energy, disclosureLanguage);
    }

    /** These services with the caption starting in {@code tag} ({@code --disclosure-language}). */
    public ServiceOptions withDisclosureLanguage(String tag) {
        return new ServiceOptions(oscQuery, models, console, midiCues, state, privacy, energy, Optional.of(tag));
    }
}
