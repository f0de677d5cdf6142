package org.vernissage.engine.pipeline;

import org.vernissage.engine.pipeline.event.ChannelValueFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;

/**
 * The bindings stage: raw {@link EventKinds#CHANNEL_VALUE}s through the manifest's conditioning
 * (a {@link ChannelConditioner}: scale, curve, filters, rate limit, idle easing) into parameter
 * values; each frame eases idle bindings and slews rate-limited ones. Conductor thread only.
 */
public final class BindingsStage implements ConductorStage {

    private static final int[] KINDS = {EventKinds.CHANNEL_VALUE};

    private final ChannelConditioner conditioner;
    private final ChannelValueFlyweight channel = new ChannelValueFlyweight();

    public BindingsStage(ChannelConditioner conditioner) {
        this.conditioner = conditioner;
    }

    @Override
    public String name() {
        return "bindings";
    }

    @Override
    public int[] kinds() {
        return KINDS.clone();
    }

    @Override
    public boolean onEvent(InputEvent event, long nanos, ShowState show) {
        channel.wrap(event);
        conditioner.onValue(channel.channel(), channel.value(), nanos, show.values());
        return true;
    }

    @Override
    public void advanceTo(long horizonNanos, ShowState show) {
        conditioner.advanceTo(horizonNanos, show.values());
    }
}
