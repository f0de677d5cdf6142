package org.vernissage.bench;

import com.lmax.disruptor.EventHandler;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorStage;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.ShowState;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.event.EventKinds;

/**
 * Bench-only: stamps each message number at the moment the conductor publishes the snapshot that
 * carries it, on the conductor thread, so the latency ends where the data becomes available to the
 * render thread, as the bare baseline's ends where {@code receive} returns. No production code
 * is touched: it is two pieces the benchmark wires around a standard {@link Conductor}:
 * <ul>
 *   <li>{@link #lastStage()}, a conductor stage put after every other one, which notes the message
 *       number the show state's energy slot holds after each channel value (what the next
 *       snapshot will carry, as conditioned, not the raw datagram), and, when asked, stamps that
 *       number with the event's arrival time, so the latency splits into the wake-up and receive
 *       and the engine's own work after it;</li>
 *   <li>{@link #around}, the ring's handler in the conductor's place: it passes each event on, and
 *       when {@link SnapshotExchange#publishedEventsConsumed()} moved (the conductor published),
 *       stamps every number up to the one noted, at that moment.</li>
 * </ul>
 * Its own cost (one more stage call per event, one volatile read, a clock read per publication) is
 * on the Vernissage side of the comparison.
 *
 * <p>Threads: made by the thread that builds the pipeline; both pieces run on the conductor thread
 * only, which also owns the fields.
 */
final class PublicationStamper {

    private final SnapshotExchange snapshots;
    private final int energySlot;
    private final SequenceStamps stamps;
    private final SequenceStamps received;
    private long newestInShow = -1;   // conductor thread
    private long lastStamped = -1;    // conductor thread
    private long lastPublished;       // conductor thread

    /** @param received stamped with each message's arrival (its receiver's clock reading), where it is noted */
    PublicationStamper(SnapshotExchange snapshots, int energySlot, SequenceStamps stamps, SequenceStamps received) {
        this.snapshots = snapshots;
        this.energySlot = energySlot;
        this.stamps = stamps;
        this.received = received;
    }

    /** The stage to put after every other one: notes which message number the show state holds. */
    ConductorStage lastStage() {
        return new ConductorStage() {
            @Override
            public String name() {
                return "bench-publication-stamper";
            }

            @Override
            public int[] kinds() {
                return new int[] {EventKinds.CHANNEL_VALUE};
            }

            @Override
            public boolean onEvent(InputEvent event, long nanos, ShowState show) {
                long sequence = PacedSender.sequenceOf(show.values()[energySlot]);
                if (sequence > newestInShow && sequence < stamps.capacity()) {
                    newestInShow = sequence;
                    if (received != null) {
                        received.stamp(sequence, event.arrivalNanos());
                    }
                }
                return false; // noted, not applied: the bindings stage applied it
            }

            @Override
            public void advanceTo(long horizonNanos, ShowState show) {
                // no time of its own
            }
        };
    }

    /** The ring's handler in place of {@code conductor}: the conductor, then a stamp per publication. */
    EventHandler<InputEvent> around(Conductor conductor) {
        return (event, sequence, endOfBatch) -> {
            conductor.onEvent(event, sequence, endOfBatch);
            long published = snapshots.publishedEventsConsumed();
            if (published != lastPublished) {
                lastPublished = published;
                stampUpTo(newestInShow, System.nanoTime());
            }
        };
    }

    private void stampUpTo(long sequence, long now) {
        if (sequence > lastStamped) {
            stamps.stampRange(lastStamped + 1, sequence, now);
            lastStamped = sequence;
        }
    }
}
