package org.vernissage.sensors.conditioning;

import org.vernissage.engine.binding.OneEuroSpec;

/**
 * Step 5: the One Euro filter (Casiez, Roussel and Vogel, "1€ Filter: A Simple Speed-based
 * Low-pass Filter for Noisy Input in Interactive Systems", CHI 2012). Two first-order low-pass
 * filters on the event times: one smooths the signal's speed, whose magnitude raises the cutoff of
 * the other, which smooths the signal. For a sample {@code x} at {@code Te} seconds after the
 * previous one:
 * <pre>
 *   alpha(fc)  = 1 / (1 + tau / Te),   tau = 1 / (2 pi fc)
 *   dx         = (x - xHat') / Te                          speed, against the previous output
 *   dxHat      = alpha(derivativeCutoff) dx + (1 - alpha) dxHat'
 *   cutoff     = minCutoff + beta |dxHat|
 *   xHat       = alpha(cutoff) x + (1 - alpha) xHat'
 * </pre>
 * The speed is taken against the previous filtered value as in the paper's listing (the authors'
 * later C++ code uses the previous raw value; the paper is the reference here). The first sample
 * passes through with speed 0.
 *
 * <p>Time never runs backwards for the filter. A sample stamped at or before the previous one
 * ({@code Te <= 0}: several values of one bundle, or two senders out of order) is taken as a
 * correction of the previous instant: the filter steps again from the state it had before that
 * instant, with the new value, so the last value of an instant wins and no division by zero or
 * negative time ever happens. Times are whole nanoseconds, so every step is a pure function of
 * the samples and their stamps.
 *
 * <p>Allocation-free; state owned by one binding, called only on the conductor thread.
 */
final class OneEuroFilter {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double minCutoffHz;
    private final double beta;
    private final double derivativeCutoffHz;

    private boolean primed;
    private double xHat;
    private double dxHat;
    private long lastNanos;

    // The state before the latest step, for a correction of the latest instant.
    private boolean primedBefore;
    private double xHatBefore;
    private double dxHatBefore;
    private long nanosBefore;

    OneEuroFilter(OneEuroSpec spec) {
        this.minCutoffHz = spec.minCutoffHz();
        this.beta = spec.beta();
        this.derivativeCutoffHz = spec.derivativeCutoffHz();
    }

    /** Filters sample {@code x} taken at {@code nanos}; returns the filtered value. */
    double filter(double x, long nanos) {
        if (primed && nanos - lastNanos <= 0) {
            return correctLatest(x);
        }
        primedBefore = primed;
        xHatBefore = xHat;
        dxHatBefore = dxHat;
        nanosBefore = lastNanos;
        lastNanos = nanos;
        return step(x, nanos);
    }

    /** The latest output, or NaN before the first sample. */
    double value() {
        return primed ? xHat : Double.NaN;
    }

    private double correctLatest(double x) {
        primed = primedBefore;
        xHat = xHatBefore;
        dxHat = dxHatBefore;
        return step(x, lastNanos);
    }

    private double step(double x, long nanos) {
        if (!primed) {
            primed = true;
            xHat = x;
            dxHat = 0;
            return x;
        }
        double te = (nanos - nanosBefore) / NANOS_PER_SECOND;
        double dx = (x - xHat) / te;
        dxHat = lowPass(dx, dxHat, alpha(te, derivativeCutoffHz));
        double cutoff = minCutoffHz + beta * Math.abs(dxHat);
        xHat = lowPass(x, xHat, alpha(te, cutoff));
        return xHat;
    }

    /** The smoothing factor of a first-order low-pass with cutoff {@code cutoffHz} at step {@code te} s. */
    static double alpha(double te, double cutoffHz) {
        double tau = 1.0 / (2 * Math.PI * cutoffHz);
        return 1.0 / (1.0 + tau / te);
    }

    private static double lowPass(double x, double previous, double alpha) {
        return alpha * x + (1 - alpha) * previous;
    }
}
