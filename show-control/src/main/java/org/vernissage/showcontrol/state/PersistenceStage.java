package org.vernissage.showcontrol.state;

import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ConductorStage;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.ShowState;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.showcontrol.cue.CueStage;

/**
 * The conductor's last stage when the show state is kept across restarts: every {@code period} of
 * show time it packs what a restart needs (the parameter values, each running fade's target and
 * time left, the playhead) into one float array and publishes it through a triple buffer
 * ({@link SnapshotExchange}, latest wins) to the {@link ShowStateWriter}, which writes the file on
 * its own thread. The conductor never touches the disk and never waits.
 *
 * <pre>
 *   packed: values[slots] | fade targets[slots] | seconds left[slots] (0: no fade) | playhead
 * </pre>
 *
 * <p>Conductor thread only (made on the wiring thread); allocates nothing per frame.
 */
public final class PersistenceStage implements ConductorStage {

    private final CueStage cues;
    private final int slots;
    private final long periodNanos;
    private final SnapshotExchange out;
    private final float[] packed;
    private final float[] targets;
    private final long[] remaining;
    private long lastNanos = Long.MIN_VALUE;

    public PersistenceStage(CueStage cues, ParameterLayout layout, long periodNanos, SnapshotExchange out) {
        this.cues = cues;
        this.slots = layout.slotCount();
        this.periodNanos = periodNanos;
        this.out = out;
        this.packed = new float[packedLength(layout)];
        this.targets = new float[slots];
        this.remaining = new long[slots];
    }

    /** The length of the packed array for {@code layout}: make the exchange with it. */
    public static int packedLength(ParameterLayout layout) {
        return layout.slotCount() * 3 + 1;
    }

    @Override
    public String name() {
        return "persistence";
    }

    @Override
    public int[] kinds() {
        return new int[0];
    }

    @Override
    public boolean onEvent(InputEvent event, long nanos, ShowState show) {
        return false;
    }

    @Override
    public void advanceTo(long horizonNanos, ShowState show) {
        if (lastNanos != Long.MIN_VALUE && horizonNanos - lastNanos < periodNanos) {
            return;
        }
        lastNanos = horizonNanos;
        System.arraycopy(show.values(), 0, packed, 0, slots);
        cues.fadesAt(horizonNanos, targets, remaining);
        for (int slot = 0; slot < slots; slot++) {
            packed[slots + slot] = targets[slot];
            packed[2 * slots + slot] = (float) (remaining[slot] / 1e9);
        }
        packed[3 * slots] = cues.playhead();
        out.publish(packed, 0, horizonNanos);
    }
}
