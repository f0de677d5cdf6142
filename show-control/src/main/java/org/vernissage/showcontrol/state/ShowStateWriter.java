package org.vernissage.showcontrol.state;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrona.concurrent.Agent;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.showcontrol.cue.CueCurve;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueListInForce;
import org.vernissage.showcontrol.cue.CueProgress;
import org.vernissage.showcontrol.cue.CueState;
import org.vernissage.showcontrol.cue.NanosAsFloats;

/**
 * Writes the show state to its file whenever what the {@link PersistenceStage} published changed:
 * on its own agent thread ("vernissage-state", a look every 250 ms), never on the conductor's, and
 * not on the outbox agent's either (a disk that stalls in {@code fsync} must not delay a console's
 * reply). A failed write is counted and logged once; the next change tries again.
 *
 * <p>{@link #doWork} on the agent's thread only; the counters may be read by any thread.
 */
public final class ShowStateWriter implements Agent {

    private final SnapshotExchange in;
    private final ParameterLayout layout;
    private final CueList cues;
    private final CueListInForce inForce;
    private final int cueCapacity;
    private final String artwork;
    private final Path folder;
    private final Logger log;
    private final float[] latest;
    private final float[] written;
    private boolean anyWritten;
    private volatile long writes;
    private volatile long failures;

    /**
     * @param cues the list the run started with (generation 0)
     * @param inForce the list the stage runs now and its generation, to name the cues of a list
     *     reloaded during the run
     */
    public ShowStateWriter(SnapshotExchange in, ParameterLayout layout, CueList cues, CueListInForce inForce,
                           String artwork, Path folder, Logger log) {
        this.in = in;
        this.layout = layout;
        this.cues = cues;
        this.inForce = inForce;
        this.cueCapacity = PersistenceStage.cueCapacity(cues);
        this.artwork = artwork;
        this.folder = folder;
        this.log = log;
        this.latest = new float[PersistenceStage.packedLength(layout, cues)];
        this.written = new float[latest.length];
    }

    @Override
    public int doWork() {
        if (in.publishedEventsConsumed() == Long.MIN_VALUE) {
            return 0; // nothing published yet
        }
        if (anyWritten && !in.fresh()) {
            return 0; // nothing published since the last look (a standby's every look): no latch, copy or compare
        }
        in.latch().copyValuesInto(latest);
        if (anyWritten && Arrays.equals(latest, written)) {
            return 0;
        }
        try {
            ShowStateFile.write(folder, unpack(latest));
            System.arraycopy(latest, 0, written, 0, latest.length);
            anyWritten = true;
            writes = writes + 1;
            return 1;
        } catch (IOException e) {
            if (failures == 0) {
                log.log(Level.WARNING, "show state: writing " + folder.resolve(ShowStateFile.NAME) + " failed: "
                        + e.getMessage() + "; the show goes on, the next change tries again (further failures counted)");
            }
            failures = failures + 1;
            return 0;
        }
    }

    /**
     * The packed array ({@link PersistenceStage}) as names and numbers: cue indexes named by the
     * list of the packed generation (the start list, or one reloaded since, read from the list in
     * force). When that list is not known here (the stage has swapped again since this was packed)
     * or is longer than the packed capacity, the cues' progress is left out and their fades are
     * saved as parameter fades (still on their curves); the next write has it again.
     */
    SavedShow unpack(float[] packed) {
        int slots = layout.slotCount();
        int generation = Math.round(packed[PersistenceStage.playheadField(slots, cueCapacity) + 1]);
        CueList named = listOf(generation);
        boolean sameList = named != null;
        Map<String, float[]> values = new LinkedHashMap<>();
        List<SavedShow.Fade> fades = new ArrayList<>();
        for (int p = 0; p < layout.parameterCount(); p++) {
            ParameterSpec spec = layout.specs().get(p);
            int offset = layout.offset(p);
            if (spec.type() == ParameterType.EVENT) {
                continue; // a trigger's count is not a state to come back to
            }
            values.put(spec.name(), Arrays.copyOfRange(packed, offset, offset + spec.type().components()));
            for (int k = 0; k < spec.type().components(); k++) {
                int slot = offset + k;
                int by = Math.round(packed[PersistenceStage.slotField(slots, PersistenceStage.FADED_BY, slot)]);
                if (by == CueProgress.NO_FADE) {
                    continue;
                }
                long elapsed = NanosAsFloats.join(
                        packed[PersistenceStage.slotField(slots, PersistenceStage.ELAPSED_HIGH, slot)],
                        packed[PersistenceStage.slotField(slots, PersistenceStage.ELAPSED_LOW, slot)]);
                long total = NanosAsFloats.join(
                        packed[PersistenceStage.slotField(slots, PersistenceStage.LENGTH_HIGH, slot)],
                        packed[PersistenceStage.slotField(slots, PersistenceStage.LENGTH_LOW, slot)]);
                String cue = by >= 0 && sameList && by < named.size() ? named.numberOf(by) : "";
                fades.add(new SavedShow.Fade(spec.name(), k,
                        packed[PersistenceStage.slotField(slots, PersistenceStage.TO, slot)],
                        (float) (Math.max(0, total - elapsed) / 1e9),
                        packed[PersistenceStage.slotField(slots, PersistenceStage.FROM, slot)],
                        CueCurve.values()[Math.round(packed[PersistenceStage.slotField(slots, PersistenceStage.CURVE,
                                slot)])], elapsed, total, cue));
            }
        }
        List<SavedShow.CueRun> runs = new ArrayList<>();
        for (int c = 0; sameList && c < named.size(); c++) {
            CueState state = CueState.ofCode(Math.round(packed[PersistenceStage.cueField(slots, c,
                    PersistenceStage.STATE)]));
            boolean pending = packed[PersistenceStage.cueField(slots, c, PersistenceStage.CONTINUE_PENDING)] != 0;
            if (state == CueState.IDLE && !pending) {
                continue;
            }
            runs.add(new SavedShow.CueRun(named.numberOf(c), state,
                    CueState.ofCode(Math.round(packed[PersistenceStage.cueField(slots, c, PersistenceStage.PAUSED_FROM)])),
                    NanosAsFloats.join(packed[PersistenceStage.cueField(slots, c, PersistenceStage.ACTION_HIGH)],
                            packed[PersistenceStage.cueField(slots, c, PersistenceStage.ACTION_LOW)]),
                    pending,
                    NanosAsFloats.join(packed[PersistenceStage.cueField(slots, c, PersistenceStage.CONTINUE_HIGH)],
                            packed[PersistenceStage.cueField(slots, c, PersistenceStage.CONTINUE_LOW)])));
        }
        String playhead = (sameList ? named : cues).numberOf(
                Math.round(packed[PersistenceStage.playheadField(slots, cueCapacity)]));
        return new SavedShow(artwork, playhead, values, fades, runs);
    }

    /** The list of {@code generation}, or null when it is not the start list nor the one in force, or too long. */
    private CueList listOf(int generation) {
        if (generation == 0) {
            return cues;
        }
        CueListInForce.Generation now = inForce.current();
        return now.number() == generation && now.cues().size() <= cueCapacity ? now.cues() : null;
    }

    /** Files written so far. Any thread. */
    public long writes() {
        return writes;
    }

    /** Writes that failed. Any thread. */
    public long failures() {
        return failures;
    }

    @Override
    public String roleName() {
        return "show-state";
    }
}
