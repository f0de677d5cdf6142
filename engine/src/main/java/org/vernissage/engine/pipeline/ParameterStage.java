package org.vernissage.engine.pipeline;

import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ParameterSetFlyweight;

/**
 * The stage for {@link EventKinds#PARAMETER_SET}: a value already in parameter units goes into its
 * slot, clamped to the slot's declared range; a set on an event (a trigger) adds one to its
 * trigger count instead, so two triggers between frames are both counted, and a replay of the
 * journal, which holds the same sets, counts the same (see
 * {@link org.vernissage.engine.param.ParameterLayout#afterSet}). A slot outside the show is
 * ignored (not counted as applied). Conductor thread only.
 */
final class ParameterStage implements ConductorStage {

    private static final int[] KINDS = {EventKinds.PARAMETER_SET};

    private final ParameterSetFlyweight parameter = new ParameterSetFlyweight();

    @Override
    public String name() {
        return "parameters";
    }

    @Override
    public int[] kinds() {
        return KINDS.clone();
    }

    @Override
    public boolean onEvent(InputEvent event, long nanos, ShowState show) {
        parameter.wrap(event);
        int slot = parameter.slot();
        if (!show.validSlot(slot)) {
            return false;
        }
        float[] values = show.values();
        values[slot] = show.layout().afterSet(slot, values[slot], parameter.value());
        return true;
    }

    @Override
    public void advanceTo(long horizonNanos, ShowState show) {
    }
}
