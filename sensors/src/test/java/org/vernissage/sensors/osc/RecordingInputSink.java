package org.vernissage.sensors.osc;

import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.InputSink;

/**
 * A unit-test double of the input ring: records every offer (each value with the number of the
 * offer it came in, so a test sees which values travelled together), and refuses them when told
 * to. Single-threaded, like the router it is given to.
 */
final class RecordingInputSink implements InputSink {

    /** One channel value; {@code offer} numbers the call it arrived in, {@code batched} whether by offer(batch). */
    record Value(int offer, boolean batched, int channel, float value, long dueNanos, long arrivalNanos) {
    }

    /** One parameter set (a parameter's own address); {@code offer} and {@code batched} as for a value. */
    record Set(int offer, boolean batched, int slot, float value, long dueNanos) {
    }

    final List<Value> values = new ArrayList<>();
    final List<Set> sets = new ArrayList<>();
    int offers;
    boolean full;

    @Override
    public boolean offerChannel(int channel, float value, long arrivalNanos) {
        if (full) {
            return false;
        }
        values.add(new Value(offers++, false, channel, value, InputBatch.IMMEDIATELY, arrivalNanos));
        return true;
    }

    @Override
    public boolean offer(InputBatch batch) {
        if (full) {
            return false;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (batch.kind(i) == EventKinds.PARAMETER_SET) {
                sets.add(new Set(offers, true, batch.parameterSlot(i), batch.parameterValue(i), batch.dueNanos(i)));
                continue;
            }
            if (batch.kind(i) != EventKinds.CHANNEL_VALUE) {
                throw new AssertionError("an OSC router staged a " + EventKinds.name(batch.kind(i)));
            }
            values.add(new Value(offers, true, batch.channel(i), batch.value(i), batch.dueNanos(i),
                    batch.arrivalNanos()));
        }
        offers++;
        return true;
    }

    @Override
    public boolean offerParameter(int slot, float value, long arrivalNanos) {
        if (full) {
            return false;
        }
        sets.add(new Set(offers++, false, slot, value, InputBatch.IMMEDIATELY));
        return true;
    }

    /** The slot and value of every parameter set, flattened: slot, value, slot, value, ... */
    List<Float> setSlotsAndValues() {
        List<Float> flat = new ArrayList<>();
        for (Set set : sets) {
            flat.add((float) set.slot());
            flat.add(set.value());
        }
        return flat;
    }

    List<Float> rawValues() {
        return values.stream().map(Value::value).toList();
    }

    List<Integer> channels() {
        return values.stream().map(Value::channel).toList();
    }
}
