package org.vernissage.engine.pipeline;

/**
 * Turns raw binding-channel values into parameter values: the per-binding scale, curve, filters,
 * rate limit and idle easing the manifest declares. The conductor owns one and calls it for every
 * {@code CHANNEL_VALUE} event and every frame; it writes the results into the conductor's
 * value array.
 *
 * <p>Called only on the conductor thread, which is the only writer of its state. Must be a pure
 * function of the calls it receives (no clock of its own), so that a replayed journal reproduces
 * the same values. Must not allocate.
 */
public interface ChannelConditioner {

    /** Ignores every channel: for engines with no bindings. */
    ChannelConditioner NONE = new ChannelConditioner() {
        @Override
        public void onValue(int channel, float raw, long nanos, float[] values) {
        }

        @Override
        public void advanceTo(long nanos, float[] values) {
        }
    };

    /** A raw value for {@code channel} arrived (or came due) at {@code nanos}. */
    void onValue(int channel, float raw, long nanos, float[] values);

    /** Time moved on to {@code nanos} with no value: ease idle bindings, slew rate-limited ones. */
    void advanceTo(long nanos, float[] values);
}
