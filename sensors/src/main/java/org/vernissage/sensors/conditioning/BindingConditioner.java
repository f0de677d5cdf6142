package org.vernissage.sensors.conditioning;

import java.lang.System.Logger;
import java.util.List;
import java.util.Objects;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.sensors.FirstOccurrenceLog;

/**
 * The artwork's bindings on the conductor thread: turns each raw channel value into its
 * parameter's value as the manifest's {@link org.vernissage.engine.binding.ConditioningSpec}
 * says (normalise, dead zone, clamp, curve, One Euro filter, rate limit, idle ease, output scale,
 * the parameter's clamp), and moves slews and idle eases on at every frame.
 *
 * <p>Channel {@code i} is binding {@code i} of the list it was made from, resolved once here to
 * its snapshot slot. Everything is a pure function of the calls: no clock, no randomness, no
 * platform-dependent maths ({@link StrictMath} where a library function is needed), so a replayed
 * journal gives the same values bit for bit. Before its first value a binding leaves its slot
 * alone, but its idle timer starts at the first frame, so an untouched room still eases to its
 * idle values; with a rate limit, the first value slews from what the slot shows (see
 * {@link BindingChannel}).
 *
 * <p>Bad input is counted in {@link #stats()} and logged once per kind: a channel with no binding
 * is ignored; a NaN is ignored (the binding keeps its last good value and its idle timer runs on);
 * an infinity lands on the end of the input range.
 *
 * <p>Made by the app's wiring at start-up and handed to the {@code Conductor}, whose thread is the
 * only one that calls it afterwards; no allocation per call.
 */
public final class BindingConditioner implements ChannelConditioner {

    private enum Refusal { UNKNOWN_CHANNEL, NOT_A_NUMBER }

    private final ParameterLayout layout;
    private final BindingChannel[] channels;
    private final List<BindingSpec> bindings;
    private final ConditionerStats stats = new ConditionerStats();
    private final FirstOccurrenceLog log;

    /**
     * Resolves every binding to its slot in {@code layout}.
     *
     * @throws IllegalArgumentException naming the binding, when its parameter is not in the layout
     *     or has no such component
     */
    public BindingConditioner(List<BindingSpec> bindings, ParameterLayout layout) {
        this(bindings, layout, System.getLogger(BindingConditioner.class.getName()));
    }

    /** As {@link #BindingConditioner(List, ParameterLayout)}, logging to {@code logger}. */
    public BindingConditioner(List<BindingSpec> bindings, ParameterLayout layout, Logger logger) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.bindings = List.copyOf(bindings);
        this.channels = new BindingChannel[this.bindings.size()];
        for (int i = 0; i < channels.length; i++) {
            BindingSpec binding = this.bindings.get(i);
            channels[i] = new BindingChannel(binding.conditioning(), resolveSlot(binding, layout));
        }
        this.log = new FirstOccurrenceLog(logger, Refusal.values().length);
    }

    /** The snapshot slot {@code binding} writes. */
    static int resolveSlot(BindingSpec binding, ParameterLayout layout) {
        int parameter = layout.indexOf(binding.parameter()).orElseThrow(() -> new IllegalArgumentException(
                "binding " + binding.describe() + ": the artwork has no parameter '" + binding.parameter() + "'"));
        ParameterSpec spec = layout.specs().get(parameter);
        int components = spec.type().components();
        if (binding.component() >= components) {
            throw new IllegalArgumentException("binding " + binding.describe() + ": parameter '"
                    + binding.parameter() + "' is a " + spec.type().manifestName() + " with " + components
                    + (components == 1 ? " component" : " components") + ", there is no component "
                    + binding.component());
        }
        return layout.offset(parameter) + binding.component();
    }

    /** What was applied and refused. Any thread. */
    public ConditionerStats stats() {
        return stats;
    }

    /** The snapshot slot channel {@code channel} writes; for wiring checks and tests. */
    public int slotOf(int channel) {
        return channels[channel].slot();
    }

    /** Conductor thread. */
    @Override
    public void onValue(int channel, float raw, long nanos, float[] values) {
        if (channel < 0 || channel >= channels.length) {
            stats.countUnknownChannel();
            if (log.first(Refusal.UNKNOWN_CHANNEL)) {
                log.warn("a value for channel " + channel + " was ignored: the artwork has "
                        + channels.length + " bindings (channels 0.." + (channels.length - 1)
                        + "); an adapter was built from another manifest? (logged once, then counted)");
            }
            return;
        }
        if (Float.isNaN(raw)) {
            stats.countNotANumber();
            if (log.first(Refusal.NOT_A_NUMBER)) {
                log.warn("binding " + bindings.get(channel).describe() + ": a NaN value was ignored,"
                        + " the binding keeps its last value (logged once, then counted)");
            }
            return;
        }
        channels[channel].onValue(raw, nanos, values, layout);
        stats.countApplied();
    }

    /** Conductor thread. */
    @Override
    public void advanceTo(long nanos, float[] values) {
        for (BindingChannel channel : channels) {
            channel.advanceTo(nanos, values, layout);
        }
    }
}
