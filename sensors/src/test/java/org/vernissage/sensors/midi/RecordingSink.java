package org.vernissage.sensors.midi;

import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputSink;

/**
 * A unit-test double of the input ring: records every channel offer (thread-safe, since a
 * sequencer delivers on its own thread), and refuses offers when told to.
 */
final class RecordingSink implements InputSink {

    record Offer(int channel, float value, long arrivalNanos) {
    }

    private final List<Offer> offers = new ArrayList<>();
    volatile boolean full;

    @Override
    public synchronized boolean offerChannel(int channel, float value, long arrivalNanos) {
        if (full) {
            return false;
        }
        offers.add(new Offer(channel, value, arrivalNanos));
        return true;
    }

    @Override
    public boolean offer(InputBatch batch) {
        throw new AssertionError("MIDI offers single channel values, never batches");
    }

    @Override
    public boolean offerParameter(int slot, float value, long arrivalNanos) {
        throw new AssertionError("MIDI offers channel values, never parameters");
    }

    synchronized List<Offer> offers() {
        return List.copyOf(offers);
    }

    synchronized void clear() {
        offers.clear();
    }
}
