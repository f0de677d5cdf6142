package org.vernissage.sensors.osc;

import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.pipeline.ParameterInput;

/** A unit-test double of the input ring: records every offer, and refuses them when told to. */
final class RecordingParameterInput implements ParameterInput {

    record Offer(int slot, float value, long arrivalNanos) {
    }

    final List<Offer> offers = new ArrayList<>();
    boolean full;

    @Override
    public boolean offerParameter(int slot, float value, long arrivalNanos) {
        if (full) {
            return false;
        }
        offers.add(new Offer(slot, value, arrivalNanos));
        return true;
    }
}
