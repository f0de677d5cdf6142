package org.vernissage.engine.binding;

import java.util.Objects;

/** One signal of the audience's phones, combined over every connected phone by {@code aggregate}. */
public record PhoneSelector(PhoneSignal signal, PhoneAggregate aggregate) implements InputSelector {

    public PhoneSelector {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(aggregate, "aggregate");
    }

    @Override
    public String describe() {
        return "phones " + signal.manifestName()
                + (signal == PhoneSignal.PARTICIPANTS ? "" : " (" + aggregate.manifestName() + ")");
    }

    @Override
    public float[] naturalRange() {
        return new float[] {signal.min(), signal.max()};
    }
}
