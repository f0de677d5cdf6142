package org.vernissage.sensors.conditioning;

import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.param.ParameterLayout;

/**
 * One binding's conditioning chain and its state: the shaped value goes through the One Euro
 * filter, the rate limiter and the idle ease (each only when the manifest asks for it), then onto
 * the parameter's scale and into its snapshot slot.
 *
 * <p><b>Time.</b> The binding keeps its own latest time, the newest of every value stamp and
 * frame horizon it was given; it never reads a clock. A value stamped before a horizon the
 * conductor already moved to (it arrived during the frame) counts from that horizon for the rate
 * limiter and the idle ease; the One Euro filter uses the value stamps themselves.
 *
 * <p><b>Writes.</b> The slot is written when a value arrives and whenever the output moves on a
 * frame (a slew, an ease); a frame that changes nothing writes nothing, so a value a console set
 * directly stands until this binding has something new to say.
 *
 * <p><b>Before the first value.</b> The binding leaves its slot alone, so the parameter's default
 * (or whatever a console set) stands. Its idle timer starts at the first frame, though: an
 * installation that nobody touches after opening still eases to its idle values {@code after}
 * seconds later, starting from the value standing in the slot. (A timer starting only with the
 * first value would leave such a room frozen on the defaults forever.) With a rate limit, the
 * first value slews from the value standing in the slot too: a rate limit means the parameter
 * never jumps, whoever set it before; the One Euro filter, which knows nothing of the slot, lets
 * its first sample through.
 *
 * <p><b>Events.</b> A binding to an event parameter (a trigger) conditions nothing: each value it
 * delivers adds one to the trigger count ({@link ParameterLayout#afterSet}), and time moves nothing.
 *
 * <p>Allocation-free once made; owned by the {@link BindingConditioner}, conductor thread only.
 */
final class BindingChannel {

    private final int slot;
    private final InputShaper shaper;
    private final OneEuroFilter filter;   // null: no smoothing
    private final RateLimiter limiter;    // null: no rate limit
    private final IdleEase idle;          // null: no idle
    private final OutputScale scale;

    /** The newest time seen (value stamps and frame horizons); valid once {@link #clockStarted}. */
    private long nowNanos;
    private boolean clockStarted;
    /** When the last value came (or the first frame, before any value); valid once {@link #timerStarted}. */
    private long lastValueNanos;
    private boolean timerStarted;
    /** Whether a value has arrived since the binding was made. */
    private boolean touched;
    private boolean idling;
    /** The normalised output last written (or standing in the slot when idling began untouched). */
    private double output;

    BindingChannel(ConditioningSpec spec, int slot) {
        this.slot = slot;
        this.shaper = new InputShaper(spec);
        this.scale = new OutputScale(spec.outputMin(), spec.outputMax());
        this.filter = spec.smoothing().map(OneEuroFilter::new).orElse(null);
        this.limiter = spec.rateLimitPerSecond() > 0 ? new RateLimiter(spec.rateLimitPerSecond()) : null;
        this.idle = spec.idle().map(i -> new IdleEase(i, scale.toNormalised(i.value()))).orElse(null);
    }

    int slot() {
        return slot;
    }

    /**
     * A raw value at {@code nanos}: conditions it and writes the slot.
     *
     * @param raw any finite or infinite value (NaN is the caller's to refuse)
     */
    void onValue(float raw, long nanos, float[] values, ParameterLayout layout) {
        if (layout.isEvent(slot)) {
            // A trigger: each value the binding delivers is one, whatever it is; nothing to condition.
            values[slot] = layout.afterSet(slot, values[slot], raw);
            return;
        }
        double smoothed = smooth(shaper.shape(raw), nanos);
        moveClockTo(nanos);
        lastValueNanos = timerStarted ? later(lastValueNanos, nanos) : nanos;
        timerStarted = true;
        if (limiter == null) {
            output = smoothed;
        } else {
            // A rate limit means the parameter never jumps: a take-over from the idle ease, or a
            // first value, slews from what the slot shows.
            if (idling) {
                limiter.reset(idle.valueAt(nowNanos), nowNanos);
            } else if (!touched) {
                limiter.reset(scale.toNormalised(values[slot]), nowNanos);
            }
            limiter.retarget(smoothed, nowNanos);
            output = limiter.valueAt(nowNanos);
        }
        idling = false;
        touched = true;
        write(values, layout);
    }

    /** Time moved on to {@code nanos} with no value: slews, starts or continues the idle ease. */
    void advanceTo(long nanos, float[] values, ParameterLayout layout) {
        if (layout.isEvent(slot)) {
            return; // a trigger count moves only with values, never with time
        }
        moveClockTo(nanos);
        if (!timerStarted) {
            lastValueNanos = nowNanos;
            timerStarted = true;
        }
        if (idle != null && idle.due(lastValueNanos, nowNanos)) {
            if (!idling) {
                beginIdle(values);
            }
            moveTo(idle.valueAt(nowNanos), values, layout);
        } else if (limiter != null && touched) {
            moveTo(limiter.advanceTo(nowNanos), values, layout);
        }
    }

    private double smooth(double shaped, long nanos) {
        return filter == null ? shaped : filter.filter(shaped, nanos);
    }

    private void beginIdle(float[] values) {
        long start = idle.startAfter(lastValueNanos);
        double from;
        if (touched) {
            from = limiter == null ? output : limiter.valueAt(start);
        } else {
            from = scale.toNormalised(values[slot]);
            output = from; // already standing in the slot: nothing to write until it moves
        }
        idle.begin(from, start);
        idling = true;
    }

    private void moveTo(double v, float[] values, ParameterLayout layout) {
        if (v != output) {
            output = v;
            write(values, layout);
        }
    }

    private void write(float[] values, ParameterLayout layout) {
        values[slot] = layout.clamp(slot, (float) scale.toOutput(output));
    }

    private void moveClockTo(long nanos) {
        nowNanos = clockStarted ? later(nowNanos, nanos) : nanos;
        clockStarted = true;
    }

    private static long later(long a, long b) {
        return b - a > 0 ? b : a;
    }
}
