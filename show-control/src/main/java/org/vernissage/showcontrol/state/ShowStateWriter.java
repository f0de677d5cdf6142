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
import org.vernissage.showcontrol.cue.CueList;

/**
 * Writes the show state to its file whenever what the {@link PersistenceStage} published changed:
 * on its own agent thread ("vernissage-state", a look every 100 ms), never on the conductor's, and
 * not on the outbox agent's either (a disk that stalls in {@code fsync} must not delay a console's
 * reply). A failed write is counted and logged once; the next change tries again.
 *
 * <p>{@link #doWork} on the agent's thread only; the counters may be read by any thread.
 */
public final class ShowStateWriter implements Agent {

    private final SnapshotExchange in;
    private final ParameterLayout layout;
    private final CueList cues;
    private final String artwork;
    private final Path folder;
    private final Logger log;
    private final float[] latest;
    private final float[] written;
    private boolean anyWritten;
    private volatile long writes;
    private volatile long failures;

    public ShowStateWriter(SnapshotExchange in, ParameterLayout layout, CueList cues, String artwork, Path folder,
                           Logger log) {
        this.in = in;
        this.layout = layout;
        this.cues = cues;
        this.artwork = artwork;
        this.folder = folder;
        this.log = log;
        this.latest = new float[PersistenceStage.packedLength(layout)];
        this.written = new float[latest.length];
    }

    @Override
    public int doWork() {
        if (in.publishedEventsConsumed() == Long.MIN_VALUE) {
            return 0; // nothing published yet
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

    /** The packed array as names and numbers. */
    SavedShow unpack(float[] packed) {
        int slots = layout.slotCount();
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
                float left = packed[2 * slots + offset + k];
                if (left > 0) {
                    fades.add(new SavedShow.Fade(spec.name(), k, packed[slots + offset + k], left));
                }
            }
        }
        return new SavedShow(artwork, cues.numberOf(Math.round(packed[3 * slots])), values, fades);
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
