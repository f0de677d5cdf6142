package org.vernissage.showcontrol.state;

import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ConductorStage;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.ShowState;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueProgress;
import org.vernissage.showcontrol.cue.CueState;
import org.vernissage.showcontrol.cue.CueStage;
import org.vernissage.showcontrol.cue.NanosAsFloats;

/**
 * The conductor's last stage when the show state is kept across restarts: every {@code period} of
 * show time it packs what a restart needs (the parameter values, each running fade with its
 * origin, target, curve, length and elapsed time, each cue's state with when its action and its
 * continue are due, the playhead) into one float array and publishes it through a triple buffer
 * ({@link SnapshotExchange}, latest wins) to the {@link ShowStateWriter}, which writes the file on
 * its own thread. The conductor never touches the disk and never waits.
 *
 * <pre>
 *   packed, n = slots, m = cues of the start list:
 *     per slot, one section of n each:  value | faded by (-1 none, -2 parameter fade, cue index) |
 *       from | to | curve ordinal | elapsed high | elapsed low | length high | length low
 *     per cue, 7 floats each:  state code | paused-from code | action in high | low |
 *       continue pending 0/1 | continue in high | low
 *     then: playhead | list generation
 * </pre>
 * Times are {@link NanosAsFloats} pairs, exact to the nanosecond.
 *
 * <p>Conductor thread only (made on the wiring thread); allocates nothing per frame.
 */
public final class PersistenceStage implements ConductorStage {

    static final int VALUE = 0;
    static final int FADED_BY = 1;
    static final int FROM = 2;
    static final int TO = 3;
    static final int CURVE = 4;
    static final int ELAPSED_HIGH = 5;
    static final int ELAPSED_LOW = 6;
    static final int LENGTH_HIGH = 7;
    static final int LENGTH_LOW = 8;
    static final int SLOT_SECTIONS = 9;
    static final int STATE = 0;
    static final int PAUSED_FROM = 1;
    static final int ACTION_HIGH = 2;
    static final int ACTION_LOW = 3;
    static final int CONTINUE_PENDING = 4;
    static final int CONTINUE_HIGH = 5;
    static final int CONTINUE_LOW = 6;
    static final int CUE_FIELDS = 7;

    private final CueStage cues;
    private final int slots;
    private final int cueCount;
    private final long periodNanos;
    private final SnapshotExchange out;
    private final float[] packed;
    private final CueProgress progress;
    private long lastNanos = Long.MIN_VALUE;

    /**
     * @param list the cue list the run starts with (its size fixes the packed array's; a list
     *     reloaded later is saved without its cues' progress, see {@link ShowStateWriter})
     */
    public PersistenceStage(CueStage cues, ParameterLayout layout, CueList list, long periodNanos,
                            SnapshotExchange out) {
        this.cues = cues;
        this.slots = layout.slotCount();
        this.cueCount = list.size();
        this.periodNanos = periodNanos;
        this.out = out;
        this.packed = new float[packedLength(layout, list)];
        this.progress = new CueProgress(slots, cueCount);
    }

    /** The length of the packed array for {@code layout} and {@code list}: make the exchange with it. */
    public static int packedLength(ParameterLayout layout, CueList list) {
        return layout.slotCount() * SLOT_SECTIONS + list.size() * CUE_FIELDS + 2;
    }

    static int slotField(int slots, int section, int slot) {
        return section * slots + slot;
    }

    static int cueField(int slots, int cue, int field) {
        return slots * SLOT_SECTIONS + cue * CUE_FIELDS + field;
    }

    static int playheadField(int slots, int cues) {
        return slots * SLOT_SECTIONS + cues * CUE_FIELDS;
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
        cues.progressAt(horizonNanos, progress);
        for (int slot = 0; slot < slots; slot++) {
            int by = progress.fadedBy(slot);
            packed[slotField(slots, FADED_BY, slot)] = by;
            boolean fading = by != CueProgress.NO_FADE;
            // Zeros where no fade runs, so that a steady show packs the same array and is not rewritten.
            packed[slotField(slots, FROM, slot)] = fading ? progress.from(slot) : 0;
            packed[slotField(slots, TO, slot)] = fading ? progress.to(slot) : 0;
            packed[slotField(slots, CURVE, slot)] = fading ? progress.curve(slot) : 0;
            long elapsed = fading ? progress.elapsedNanos(slot) : 0;
            long length = fading ? progress.totalNanos(slot) : 0;
            packed[slotField(slots, ELAPSED_HIGH, slot)] = NanosAsFloats.high(elapsed);
            packed[slotField(slots, ELAPSED_LOW, slot)] = NanosAsFloats.low(elapsed);
            packed[slotField(slots, LENGTH_HIGH, slot)] = NanosAsFloats.high(length);
            packed[slotField(slots, LENGTH_LOW, slot)] = NanosAsFloats.low(length);
        }
        for (int c = 0; c < cueCount; c++) {
            boolean filled = c < progress.cues();
            boolean active = filled && (progress.state(c) != CueState.IDLE || progress.continuePending(c));
            long action = active ? progress.actionInNanos(c) : 0;
            long next = active && progress.continuePending(c) ? progress.continueInNanos(c) : 0;
            packed[cueField(slots, c, STATE)] = active ? progress.state(c).code() : 0;
            packed[cueField(slots, c, PAUSED_FROM)] = active ? progress.pausedFrom(c).code() : 0;
            packed[cueField(slots, c, ACTION_HIGH)] = NanosAsFloats.high(action);
            packed[cueField(slots, c, ACTION_LOW)] = NanosAsFloats.low(action);
            packed[cueField(slots, c, CONTINUE_PENDING)] = active && progress.continuePending(c) ? 1 : 0;
            packed[cueField(slots, c, CONTINUE_HIGH)] = NanosAsFloats.high(next);
            packed[cueField(slots, c, CONTINUE_LOW)] = NanosAsFloats.low(next);
        }
        int end = playheadField(slots, cueCount);
        packed[end] = cues.playhead();
        packed[end + 1] = progress.generation();
        out.publish(packed, 0, horizonNanos);
    }
}
