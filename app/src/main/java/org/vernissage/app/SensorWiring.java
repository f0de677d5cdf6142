package org.vernissage.app;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.InputSelector;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.sensors.osc.OscBindingRouter;
import org.vernissage.sensors.osc.OscParameterAddresses;
import org.vernissage.sensors.osc.OscStats;
import org.vernissage.sensors.osc.OscTimeTags;
import org.vernissage.engine.render.isf.AudioFrames;

/**
 * What every sensor part of a live run is started with: the command line's sensor options, the
 * artwork's bindings, the addresses its parameters answer at over OSC with no binding, what takes
 * the outputs' OSC messages, the ring they publish into and the run's clock.
 *
 * <p>Immutable; used on the thread preparing the run.
 *
 * @param oscParameters every parameter's own OSC address ({@code /vernissage/<id>/<name>})
 * @param outputControl takes the OSC messages under {@code /vernissage/output/}, on each OSC
 *     receiving thread (so it must be safe for several); null when nothing controls the outputs
 * @param warnings takes one line for the run's start banner (printed after it)
 * @param audioFrames where the audio input hands its windows to an ISF shader's audio inputs, if
 *     the artwork has any
 * @param phoneAbout what the phones' page says in its "About this work" panel
 */
record SensorWiring(SensorOptions options, List<BindingSpec> bindings, OscParameterAddresses oscParameters,
                    OscMessageHandler outputControl, InputSink sink, Clock clock, Consumer<String> warnings,
                    Optional<AudioFrames> audioFrames, org.vernissage.sensors.phone.PhoneAbout phoneAbout) {

    /** Wiring whose phones' page says the defaults (nothing kept, no model named). */
    SensorWiring(SensorOptions options, List<BindingSpec> bindings, OscParameterAddresses oscParameters,
                 OscMessageHandler outputControl, InputSink sink, Clock clock, Consumer<String> warnings,
                 Optional<AudioFrames> audioFrames) {
        this(options, bindings, oscParameters, outputControl, sink, clock, warnings, audioFrames,
                org.vernissage.sensors.phone.PhoneAbout.PLAIN);
    }

    /** Wiring for an artwork without audio inputs of an ISF shader. */
    SensorWiring(SensorOptions options, List<BindingSpec> bindings, OscParameterAddresses oscParameters,
                 OscMessageHandler outputControl, InputSink sink, Clock clock, Consumer<String> warnings) {
        this(options, bindings, oscParameters, outputControl, sink, clock, warnings, Optional.empty());
    }

    SensorWiring {
        Objects.requireNonNull(options, "options");
        bindings = List.copyOf(bindings);
        Objects.requireNonNull(oscParameters, "oscParameters");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(audioFrames, "audioFrames");
        Objects.requireNonNull(phoneAbout, "phoneAbout");
    }

    /**
     * The OSC addresses of the parameters of artwork {@code artworkId}; none, with a warning, when
     * the id cannot be part of an address (a folder named with a space): the piece still plays,
     * through its declared bindings.
     */
    static OscParameterAddresses oscParameters(String artworkId, ParameterLayout layout, Consumer<String> warnings) {
        try {
            return new OscParameterAddresses(artworkId, layout);
        } catch (IllegalArgumentException e) {
            warnings.accept(e.getMessage() + "; until then its parameters answer over OSC only through declared"
                    + " bindings");
            return OscParameterAddresses.NONE;
        }
    }

    /** A router for one OSC receiver: the bindings, the parameters' own addresses, the outputs' handler. */
    OscBindingRouter oscRouter(OscStats stats) {
        return new OscBindingRouter(bindings, oscParameters, outputControl, sink, stats, new OscTimeTags(clock));
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
