package org.vernissage.sensors.phone;

import java.util.List;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.PhoneAggregate;
import org.vernissage.engine.binding.PhoneSelector;
import org.vernissage.engine.binding.PhoneSignal;
import org.vernissage.engine.pipeline.InputSink;

/**
 * Publishes, for every binding whose {@code from()} is a {@link PhoneSelector}, the aggregate of
 * its signal over the phones connected now, as a raw channel value (channel = the binding's index
 * in the artwork's list), whenever that value changes.
 *
 * <p>Who counts: a phone counts for the touch signals while a finger is down (its lowest slot,
 * normally the first finger), for orientation and motion while it reports them (a desktop browser
 * never does). MEAN, MIN and MAX over no phone have no value, so nothing is published and the
 * binding keeps its last value (or eases to its idle value, if the manifest gives one); SUM over
 * no phone is 0. LATEST is the value whichever phone reported that signal last, kept after that
 * phone leaves. PARTICIPANTS is the number of phones connected, whatever the aggregate.
 *
 * <p>The selectors are resolved once, here, into parallel arrays; {@link #publish} recomputes only
 * the bindings whose signal changed (a bit per {@link PhoneSignal}) plus those the ring refused last
 * time, walking the audience's dense array: no allocation. Confined to the phones' event loop
 * thread; owned by the {@link PhoneInputRouter}.
 */
final class PhoneChannelPublisher {

    /** Every signal's bit: what a join or a leave may change. */
    static final int ALL_SIGNALS = (1 << PhoneSignal.values().length) - 1;
    static final int TOUCH_SIGNALS = bit(PhoneSignal.TOUCH_X) | bit(PhoneSignal.TOUCH_Y);
    static final int ORIENTATION_SIGNALS = bit(PhoneSignal.ORIENTATION_ALPHA)
            | bit(PhoneSignal.ORIENTATION_BETA) | bit(PhoneSignal.ORIENTATION_GAMMA);
    static final int MOTION_SIGNALS = bit(PhoneSignal.MOTION_X) | bit(PhoneSignal.MOTION_Y)
            | bit(PhoneSignal.MOTION_Z) | bit(PhoneSignal.MOTION_ENERGY);

    private final InputSink sink;
    private final int[] channels;
    private final PhoneSignal[] signals;
    private final PhoneAggregate[] aggregates;
    private final float[] offered;
    private final boolean[] hasOffered;
    private final boolean[] pending;
    private final float[] latest = new float[PhoneSignal.values().length];
    private final boolean[] hasLatest = new boolean[PhoneSignal.values().length];
    private int dirtySignals;

    PhoneChannelPublisher(List<BindingSpec> bindings, InputSink sink) {
        this.sink = sink;
        int n = 0;
        for (BindingSpec binding : bindings) {
            if (binding.from() instanceof PhoneSelector) {
                n++;
            }
        }
        channels = new int[n];
        signals = new PhoneSignal[n];
        aggregates = new PhoneAggregate[n];
        offered = new float[n];
        hasOffered = new boolean[n];
        pending = new boolean[n];
        int b = 0;
        for (int channel = 0; channel < bindings.size(); channel++) {
            if (bindings.get(channel).from() instanceof PhoneSelector selector) {
                channels[b] = channel;
                signals[b] = selector.signal();
                aggregates[b] = selector.aggregate();
                b++;
            }
        }
        dirtySignals = ALL_SIGNALS; // the first publish tells the engine the room is empty
    }

    static int bit(PhoneSignal signal) {
        return 1 << signal.ordinal();
    }

    /** How many bindings listen to the phones. */
    int bindingCount() {
        return channels.length;
    }

    /** Marks the signals in {@code mask} (bits of {@link #bit}) as possibly changed. */
    void markDirty(int mask) {
        dirtySignals |= mask;
    }

    /** A phone reported {@code value} for {@code signal}: the LATEST aggregate's value. */
    void noteLatest(PhoneSignal signal, float value) {
        latest[signal.ordinal()] = value;
        hasLatest[signal.ordinal()] = true;
    }

    /**
     * Offers every binding whose value changed since it was last offered.
     *
     * @return how many offers the ring refused (they are retried at the next call)
     */
    int publish(PhoneAudience audience, long nowNanos) {
        int dirty = dirtySignals;
        dirtySignals = 0;
        int refused = 0;
        for (int b = 0; b < channels.length; b++) {
            if (((dirty & bit(signals[b])) != 0 || pending[b]) && !publishBinding(b, audience, nowNanos)) {
                refused++;
            }
        }
        return refused;
    }

    /** @return false when the ring refused the value */
    private boolean publishBinding(int b, PhoneAudience audience, long nowNanos) {
        PhoneSignal signal = signals[b];
        float value;
        if (signal == PhoneSignal.PARTICIPANTS) {
            value = audience.size();
        } else if (aggregates[b] == PhoneAggregate.LATEST) {
            if (!hasLatest[signal.ordinal()]) {
                pending[b] = false;
                return true;
            }
            value = latest[signal.ordinal()];
        } else {
            value = aggregate(signal, aggregates[b], audience);
            if (Float.isNaN(value)) {
                pending[b] = false; // no phone has this signal: keep the last value
                return true;
            }
        }
        if (hasOffered[b] && Float.floatToIntBits(value) == Float.floatToIntBits(offered[b])) {
            pending[b] = false;
            return true;
        }
        if (!sink.offerChannel(channels[b], value, nowNanos)) {
            pending[b] = true; // retried at the next message or tick
            return false;
        }
        offered[b] = value;
        hasOffered[b] = true;
        pending[b] = false;
        return true;
    }

    /** The aggregate over the phones that report {@code signal}; NaN when none does (except SUM). */
    private static float aggregate(PhoneSignal signal, PhoneAggregate aggregate, PhoneAudience audience) {
        int count = 0;
        double sum = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < audience.size(); i++) {
            PhoneParticipant p = audience.get(i);
            if (p.reports(signal)) {
                float v = p.value(signal);
                count++;
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return switch (aggregate) {
            case SUM -> (float) sum;
            case MEAN -> count == 0 ? Float.NaN : (float) (sum / count);
            case MIN -> count == 0 ? Float.NaN : min;
            case MAX -> count == 0 ? Float.NaN : max;
            case LATEST -> throw new IllegalStateException("LATEST is not an aggregate over phones");
        };
    }
}
