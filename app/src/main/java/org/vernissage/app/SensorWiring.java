package org.vernissage.app;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.InputSelector;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.engine.render.isf.AudioFrames;

/**
 * What every sensor part of a live run is started with: the command line's sensor options, the
 * artwork's bindings, the ring they publish into and the run's clock.
 *
 * <p>Immutable; used on the thread preparing the run.
 *
 * @param warnings takes one line for the run's start banner (printed after it)
 * @param audioFrames where the audio input hands its windows to an ISF shader's audio inputs, if
 *     the artwork has any
 */
record SensorWiring(SensorOptions options, List<BindingSpec> bindings, InputSink sink, Clock clock,
                    Consumer<String> warnings, Optional<AudioFrames> audioFrames) {

    SensorWiring(SensorOptions options, List<BindingSpec> bindings, InputSink sink, Clock clock,
                 Consumer<String> warnings) {
        this(options, bindings, sink, clock, warnings, Optional.empty());
    }

    SensorWiring {
        Objects.requireNonNull(options, "options");
        bindings = List.copyOf(bindings);
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(audioFrames, "audioFrames");
    }

    /**
     * Warns when the artwork binds inputs of {@code kind} that the options did not start: an
     * artwork binding MIDI on a machine started without {@code --midi-device}.
     *
     * @param what the inputs, in words ("MIDI")
     * @param option the option that starts them ("--midi-device NAME")
     */
    void warnIfBound(Class<? extends InputSelector> kind, String what, String option) {
        long bound = bindings.stream().filter(b -> kind.isInstance(b.from())).count();
        if (bound > 0) {
            warnings.accept("the artwork also listens to " + bound + " " + what + " input" + (bound == 1 ? "" : "s")
                    + ", not started (" + option + " starts it); until then those bindings only ease to their"
                    + " idle values");
        }
    }
}
