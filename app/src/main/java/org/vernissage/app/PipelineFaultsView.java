package org.vernissage.app;

import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.fault.FaultCounts;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.Outbox;

/**
 * What the input ring and the conductor counted instead of stopping the show, as statistics
 * lines, each only when its count is not zero:
 * <ul>
 *   <li>per ring consumer (the conductor, the journal): events skipped because it threw, per kind
 *       of exception ({@link InputRing#faults()});</li>
 *   <li>the conductor's own code, then each stage in order: events skipped per kind, and whether
 *       the stage was disabled for failing too often in a row ({@link Conductor#faults()},
 *       {@link Conductor#stageFaults}, {@link Conductor#stageDisabled});</li>
 *   <li>events of a kind no stage takes, ignored ({@code ConductorStats.unrouted()});</li>
 *   <li>posts the outbox refused because it was full, and events its agent could not handle
 *       ({@link Outbox#refused()}, {@link Outbox#faults()}).</li>
 * </ul>
 *
 * <p>Read-only: it holds the conductor and the ring, owned by the run's pipeline part, and only
 * reads their counters (single writer each, any reader). Made on the wiring thread; {@link #lines()}
 * from any thread, also after the ring was closed.
 */
final class PipelineFaultsView {

    private final Conductor conductor;
    private final InputRing ring;

    PipelineFaultsView(Conductor conductor, InputRing ring) {
        this.conductor = conductor;
        this.ring = ring;
    }

    /** The lines, in the order an event meets them: ring consumers, conductor, stages, outbox. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (FaultCounts consumer : ring.faults()) {
            skipped(consumer, "", lines);
        }
        skipped(conductor.faults(), "", lines);
        for (String stage : conductor.stageNames()) {
            skipped(conductor.stageFaults(stage), conductor.stageDisabled(stage)
                    ? "; disabled after failing too often in a row, the rest of the conductor runs on" : "", lines);
        }
        long unrouted = conductor.stats().unrouted();
        if (unrouted > 0) {
            lines.add("conductor: " + events(unrouted) + " of a kind no stage takes, ignored");
        }
        Outbox outbox = conductor.outbox();
        if (outbox.refused() > 0) {
            lines.add("conductor outbox: " + outbox.refused() + " posts refused (the outbox was full)");
        }
        skipped(outbox.faults(), "", lines);
        return lines;
    }

    private static String events(long count) {
        return count == 1 ? "1 event" : count + " events";
    }

    private static void skipped(FaultCounts faults, String more, List<String> lines) {
        long total = faults.total();
        if (total > 0) {
            lines.add(faults.owner() + ": " + events(total) + " skipped after an exception ("
                    + CountsByKind.describe(faults.byKind()) + ")" + more);
        }
    }
}
