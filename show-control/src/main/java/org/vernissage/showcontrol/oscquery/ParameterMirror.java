package org.vernissage.showcontrol.oscquery;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.OutboxListener;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ParameterSetFlyweight;

/**
 * OSCQuery's copy of the current parameter values, kept from the {@code PARAMETER_SET} envelopes
 * the {@link ValueReportStage} posts to the conductor's outbox. As the outbox's listener it runs
 * on the outbox agent's thread: it stores each value (as float bits), marks its parameter changed
 * and wakes the server ({@code onChange}, which must be cheap and must not block); the server's
 * event loop reads values and takes the changed marks. Starts at the layout's defaults.
 *
 * <p>Two threads: the outbox agent writes, the OSCQuery event loop reads; every field is an atomic
 * array or volatile. No allocation per envelope. Owned by the OSCQuery wiring.
 */
public final class ParameterMirror implements OutboxListener {

    private final ParameterSetFlyweight parameter = new ParameterSetFlyweight(); // agent thread only
    private final AtomicIntegerArray bits;
    private final AtomicIntegerArray changed;
    private final ParameterLayout layout;
    private final Runnable onChange;
    private volatile int freshGeneration = -1;

    /** @param onChange called on the agent's thread after each value (the server schedules its push) */
    public ParameterMirror(ParameterLayout layout, Runnable onChange) {
        this.onChange = onChange;
        this.layout = layout;
        int slots = layout.slotCount();
        float[] defaults = new float[slots];
        layout.copyDefaultsInto(defaults);
        bits = new AtomicIntegerArray(slots);
        for (int slot = 0; slot < slots; slot++) {
            bits.set(slot, Float.floatToRawIntBits(defaults[slot]));
        }
        changed = new AtomicIntegerArray(layout.parameterCount());
    }

    /** Outbox agent thread: one envelope of a kind this mirror listens to. */
    @Override
    public void onEnvelope(InputEvent envelope) {
        if (envelope.kind() != EventKinds.PARAMETER_SET) {
            return;
        }
        parameter.wrap(envelope);
        int slot = parameter.slot();
        if (slot == ValueReportStage.FULL_REPORT_END) {
            freshGeneration = (int) parameter.value();
            return;
        }
        if (slot < 0 || slot >= layout.slotCount()) {
            return;
        }
        bits.set(slot, Float.floatToRawIntBits(parameter.value()));
        changed.set(layout.parameterOfSlot(slot), 1);
        onChange.run();
    }

    /** Any thread: the value of {@code slot} as last reported. */
    public float value(int slot) {
        return Float.intBitsToFloat(bits.get(slot));
    }

    /** Event loop: whether parameter {@code parameter} changed since the last call for it (and clears the mark). */
    boolean takeChanged(int parameter) {
        return changed.getAndSet(parameter, 0) != 0;
    }

    /** Any thread: whether a full report of {@code generation} has arrived (the values are current). */
    public boolean freshFor(int generation) {
        return freshGeneration == generation;
    }
}
