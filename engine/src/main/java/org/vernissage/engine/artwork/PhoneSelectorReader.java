package org.vernissage.engine.artwork;

import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.binding.InputSelector;
import org.vernissage.engine.binding.PhoneAggregate;
import org.vernissage.engine.binding.PhoneSelector;
import org.vernissage.engine.binding.PhoneSignal;

/**
 * A phones binding's selector: {@code "signal"} (touch.x, orientation.beta, motion.energy,
 * participants ...) and {@code "aggregate"} (how all phones combine: mean by default).
 *
 * <p>Used on the loading thread only; stateless.
 */
final class PhoneSelectorReader implements SelectorReader {

    @Override
    public String arrayName() {
        return "phones";
    }

    @Override
    public String example() {
        return "{\"signal\": \"orientation.beta\", \"parameter\": \"tilt\"}";
    }

    @Override
    public List<String> fields() {
        return List.of("signal", "aggregate");
    }

    @Override
    public InputSelector read(ManifestFields f) throws ManifestException {
        List<String> signals = new ArrayList<>();
        for (PhoneSignal signal : PhoneSignal.values()) {
            signals.add(signal.manifestName());
        }
        PhoneSignal signal = PhoneSignal.values()[f.choice("signal", signals, -1)];
        List<String> aggregates = new ArrayList<>();
        for (PhoneAggregate aggregate : PhoneAggregate.values()) {
            aggregates.add(aggregate.manifestName());
        }
        PhoneAggregate aggregate = PhoneAggregate.values()[f.choice("aggregate", aggregates,
                PhoneAggregate.MEAN.ordinal())];
        return new PhoneSelector(signal, aggregate);
    }
}
