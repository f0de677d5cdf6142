package org.vernissage.showcontrol.oscquery;

import java.util.Arrays;
import org.vernissage.engine.pipeline.ConductorStage;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.Outbox;
import org.vernissage.engine.pipeline.ShowState;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ParameterSetFlyweight;

/**
 * The conductor stage that lets the outside world see current values: once per frame horizon,
 * while its {@link ValueDemand} says someone wants them, it posts each slot whose value changed
 * since it last posted it into the conductor's outbox as a {@code PARAMETER_SET} envelope (slot
 * and value, the horizon as its time). When the demand rises anew ({@link ValueDemand#generation()}
 * moved) it posts every slot and then a marker envelope, slot {@link #FULL_REPORT_END} with the
 * generation as its value, so a mirror knows it is whole.
 *
 * <p>Put it at the end of the stage list ({@code ConductorStages.then(stage)}) so it sees what
 * every other stage did in the same frame. It takes no event kind: it only reads show state in
 * {@link #advanceTo}. It is a function of the calls it receives and of the demand flag (which
 * only chooses whether to post, never what the show state becomes), so a replay's show state is
 * the same with or without it.
 *
 * <p>Conductor thread only; allocates nothing per frame. When the outbox is full it stops for this
 * frame and posts the rest at the next one (nothing is lost, values arrive a frame late; the
 * outbox counts the refusal).
 */
public final class ValueReportStage implements ConductorStage {

    /** The slot of the marker envelope that ends a full report; its value is the generation. */
    public static final int FULL_REPORT_END = -1;

    private static final int[] NO_KINDS = {};

    private final ValueDemand demand;
    private final float[] reported;
    private int reportedGeneration = -1;
    /** The generation of the full report under way; meaningful while {@link #fullFrom} >= 0. */
    private int reportingGeneration;
    /** The slot the full report under way continues at (a full outbox interrupted it); -1: none under way. */
    private int fullFrom = -1;

    /** @param slotCount the show's snapshot slot count */
    public ValueReportStage(ValueDemand demand, int slotCount) {
        this.demand = demand;
        this.reported = new float[slotCount];
        Arrays.fill(reported, Float.NaN);
    }

    @Override
    public String name() {
        return "value reports";
    }

    @Override
    public int[] kinds() {
        return NO_KINDS.clone();
    }

    @Override
    public boolean onEvent(InputEvent event, long nanos, ShowState show) {
        return false;
    }

    @Override
    public void advanceTo(long horizonNanos, ShowState show) {
        if (!demand.wanted()) {
            return;
        }
        int generation = demand.generation();
        if (generation != reportedGeneration && (fullFrom < 0 || generation != reportingGeneration)) {
            reportingGeneration = generation;
            fullFrom = 0;
        }
        float[] values = show.values();
        Outbox outbox = show.outbox();
        int slots = Math.min(values.length, reported.length);
        for (int slot = 0; slot < slots; slot++) {
            float value = values[slot];
            boolean inFullReport = fullFrom >= 0 && slot >= fullFrom;
            if (inFullReport || Float.floatToRawIntBits(value) != Float.floatToRawIntBits(reported[slot])) {
                if (!post(outbox, horizonNanos, slot, value)) {
                    return; // full outbox: the rest (and the marker) next frame, from here
                }
                reported[slot] = value;
                if (inFullReport) {
                    fullFrom = slot + 1;
                }
            }
        }
        if (fullFrom >= 0 && post(outbox, horizonNanos, FULL_REPORT_END, reportingGeneration)) {
            reportedGeneration = reportingGeneration;
            fullFrom = -1;
        }
    }

    private static boolean post(Outbox outbox, long nanos, int slot, float value) {
        InputEvent envelope = outbox.claim(EventKinds.PARAMETER_SET, nanos);
        if (envelope == null) {
            return false;
        }
        ParameterSetFlyweight.encode(envelope, slot, value);
        outbox.commit();
        return true;
    }
}
