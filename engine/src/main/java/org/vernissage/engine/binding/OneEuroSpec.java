package org.vernissage.engine.binding;

/**
 * A One Euro filter (Casiez, Roussel and Vogel, CHI 2012): a low-pass whose cutoff rises with the
 * signal's speed, so a resting sensor stops jittering and a moving one does not lag. It filters a
 * stream of samples: meant for sensors that send continuously, not for a console that sends one
 * value now and then (that value would move the parameter only part of the way).
 *
 * @param minCutoffHz the cutoff at rest; lower is smoother and laggier
 * @param beta how fast the cutoff rises with speed (normalised units per second); higher lags less
 * @param derivativeCutoffHz the cutoff of the speed estimate itself
 */
public record OneEuroSpec(double minCutoffHz, double beta, double derivativeCutoffHz) {

    public OneEuroSpec {
        if (!(minCutoffHz > 0) || !(derivativeCutoffHz > 0) || !(beta >= 0)
                || Double.isInfinite(minCutoffHz + beta + derivativeCutoffHz)) {
            throw new IllegalArgumentException("One Euro: cutoffs must be > 0 and beta >= 0");
        }
    }
}
