package org.vernissage.sensors;

import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputSink;

/**
 * A unit-test double of the input ring for adapters that offer single channel values (MIDI,
 * audio): records every offer, and refuses offers while {@link #full} is set. Thread-safe: the
 * adapter's thread offers, the test reads.
 */
public final class ChannelRecordingSink implements InputSink {

    /** One accepted offer. */
    public record Offer(int channel, float value, long arrivalNanos) {
    }

    private final List<Offer> offers = new ArrayList<>();
    /** Set to make the sink refuse offers, as a full ring does. */
    public volatile boolean full;

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
        throw new AssertionError("this adapter offers single channel values, never batches");
    }

    @Override
    public boolean offerParameter(int slot, float value, long arrivalNanos) {
        throw new AssertionError("this adapter offers channel values, never parameters");
    }

    public synchronized List<Offer> offers() {
        return List.copyOf(offers);
    }

    public synchronized void clear() {
        offers.clear();
    }

    public synchronized int size() {
        return offers.size();
    }
}
