package org.vernissage.sensors.conditioning;

/**
 * What the {@link BindingConditioner} refused, for the statistics output.
 *
 * <p>Written only by the conductor thread (plain increments published with volatile stores: no
 * lock, no allocation); read by any thread. Owned by its conditioner.
 */
public final class ConditionerStats {

    private volatile long applied;
    private volatile long unknownChannels;
    private volatile long notANumber;

    void countApplied() {
        applied = applied + 1;
    }

    void countUnknownChannel() {
        unknownChannels = unknownChannels + 1;
    }

    void countNotANumber() {
        notANumber = notANumber + 1;
    }

    /** Values conditioned and written into their slots. */
    public long applied() {
        return applied;
    }

    /** Values for a channel number that no binding has (an adapter built from another manifest). */
    public long unknownChannels() {
        return unknownChannels;
    }

    /** NaN values ignored (the binding keeps its last good value). */
    public long notANumber() {
        return notANumber;
    }

    @Override
    public String toString() {
        return "conditioner: applied " + applied + ", unknown channel " + unknownChannels
                + ", NaN " + notANumber;
    }
}
