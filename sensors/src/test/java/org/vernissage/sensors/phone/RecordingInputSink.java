package org.vernissage.sensors.phone;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchPhase;

/**
 * A test double of the input ring: records every channel value and touch event offered (from the
 * phones' event loop) for the test thread to inspect, and refuses offers while {@link #full}.
 */
final class RecordingInputSink implements InputSink {

    record Channel(int channel, float value, long arrivalNanos) {
    }

    record Touch(TouchKind kind, TouchPhase phase, int source, long session, float x, float y, float vx,
                 float vy, long arrivalNanos, int batch) {
    }

    private final List<Channel> channels = new ArrayList<>();
    private final List<Touch> touches = new ArrayList<>();
    private final java.util.Set<String> threads = new java.util.TreeSet<>();
    private int batches;
    volatile boolean full;

    @Override
    public synchronized boolean offerParameter(int slot, float value, long arrivalNanos) {
        throw new AssertionError("the phones must never set a parameter directly");
    }

    @Override
    public synchronized boolean offerChannel(int channel, float value, long arrivalNanos) {
        if (full) {
            return false;
        }
        threads.add(Thread.currentThread().getName());
        channels.add(new Channel(channel, value, arrivalNanos));
        notifyAll();
        return true;
    }

    @Override
    public synchronized boolean offer(InputBatch batch) {
        if (full) {
            return false;
        }
        threads.add(Thread.currentThread().getName());
        batches++;
        for (int i = 0; i < batch.size(); i++) {
            if (batch.kind(i) != EventKinds.TOUCH) {
                throw new AssertionError("the phones offer touches in batches, nothing else");
            }
            touches.add(new Touch(batch.touchKind(i), batch.phase(i), batch.source(i), batch.session(i),
                    batch.x(i), batch.y(i), batch.vx(i), batch.vy(i), batch.arrivalNanos(), batches));
        }
        notifyAll();
        return true;
    }

    /** The names of the threads that offered anything. */
    synchronized java.util.Set<String> threads() {
        return java.util.Set.copyOf(threads);
    }

    synchronized List<Channel> channels() {
        return List.copyOf(channels);
    }

    synchronized List<Touch> touches() {
        return List.copyOf(touches);
    }

    /** The values offered for {@code channel}, in order. */
    synchronized List<Float> values(int channel) {
        return channels.stream().filter(c -> c.channel() == channel).map(Channel::value).toList();
    }

    /** The last value offered for {@code channel}, or NaN. */
    synchronized float last(int channel) {
        List<Float> values = values(channel);
        return values.isEmpty() ? Float.NaN : values.get(values.size() - 1);
    }

    synchronized void clear() {
        channels.clear();
        touches.clear();
    }

    /** Waits (up to 5 s) until a channel value matches. */
    Channel awaitChannel(Predicate<Channel> wanted) throws InterruptedException {
        return await(() -> channels.stream().filter(wanted).findFirst().orElse(null), "channel value");
    }

    /** Waits (up to 5 s) until a touch event matches. */
    Touch awaitTouch(Predicate<Touch> wanted) throws InterruptedException {
        return await(() -> touches.stream().filter(wanted).findFirst().orElse(null), "touch event");
    }

    private synchronized <T> T await(java.util.function.Supplier<T> search, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            T found = search.get();
            if (found != null) {
                return found;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching " + what + " within 5 s; channels " + channels
                        + ", touches " + touches);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
