package org.vernissage.sensors.audio;

import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputSink;

/**
 * A unit-test double of the input ring: records every channel offer (thread-safe: the audio
 * thread offers, the test reads), and refuses offers when told to.
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
        throw new AssertionError("audio offers single channel values, never batches");
    }

    @Override
    public boolean offerParameter(int slot, float value, long arrivalNanos) {
        throw new AssertionError("audio offers channel values, never parameters");
    }

    synchronized List<Offer> offers() {
        return List.copyOf(offers);
    }

    synchronized int size() {
        return offers.size();
    }
}
