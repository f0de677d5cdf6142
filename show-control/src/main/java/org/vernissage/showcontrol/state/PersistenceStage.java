package org.vernissage.showcontrol.state;

import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ConductorStage;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.ShowState;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueListLoader;
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
 *   packed, n = slots, m = cue capacity (twice the start list's size, at least {@link #RELOAD_CAPACITY}):
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
    /**
     * Cues whose progress is kept at least: a list reloaded during the run with up to this many
     * cues, or twice as many as the start list, is saved with its cues' progress; a longer one
     * without it. (Each period copies the whole capacity into the exchange: headroom, not the
     * file format's 4,096.)
     */
    public static final int RELOAD_CAPACITY = 64;

    private final CueStage cues;
    private final int slots;
    private final int cueCount;
    private final long periodNanos;
    private final SnapshotExchange out;
    private final float[] packed;
    private final CueProgress progress;
    private long lastNanos = Long.MIN_VALUE;
    private int packedCues; // cues packed last period; beyond them the array holds zeros

    /**
     * @param list the cue list the run starts with (its size fixes the packed array's, see
     *     {@link #cueCapacity})
     */
    public PersistenceStage(CueStage cues, ParameterLayout layout, CueList list, long periodNanos,
                            SnapshotExchange out) {
        this.cues = cues;
        this.slots = layout.slotCount();
        this.cueCount = cueCapacity(list);
        this.periodNanos = periodNanos;
        this.out = out;
        this.packed = new float[packedLength(layout, list)];
        this.progress = new CueProgress(slots, cueCount);
    }

    /** The length of the packed array for {@code layout} and {@code list}: make the exchange with it. */
    public static int packedLength(ParameterLayout layout, CueList list) {
        return layout.slotCount() * SLOT_SECTIONS + cueCapacity(list) * CUE_FIELDS + 2;
    }

    /** How many cues' progress the packed array holds, for a run starting with {@code list}. */
    public static int cueCapacity(CueList list) {
        return Math.min(CueListLoader.MAX_CUES, Math.max(2 * list.size(), RELOAD_CAPACITY));
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
        // The list's cues, and those a longer list packed last time (zeroed now); the rest of the
        // capacity stayed zero: a 3-cue show does not pack 256 each period.
        int filledCues = progress.cues();
        for (int c = 0, n = Math.max(filledCues, packedCues); c < n; c++) {
            boolean filled = c < filledCues;
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
        packedCues = filledCues;
        int end = playheadField(slots, cueCount);
        packed[end] = cues.playhead();
        packed[end + 1] = progress.generation();
        out.publish(packed, 0, horizonNanos);
    }
}
