package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventHandler;
import java.lang.System.Logger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.ConductorStage;
import org.vernissage.engine.pipeline.ConductorStages;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.Outbox;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.ShowState;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.CueCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;

/**
 * The statistics lines of what the ring and the conductor counted instead of stopping the show,
 * over a real conductor fed through a real input ring on its consumer threads: a conditioner that
 * throws on one value, a stage that throws on every event (disabled), a second consumer (standing
 * in for the journal) that throws once, an event of a kind no stage takes, and a console stage
 * whose replies overflow a small outbox that nobody drains.
 */
class PipelineFaultsViewTest {

    private static final Logger LOG = System.getLogger(PipelineFaultsViewTest.class.getName());
    private static final float POISON = 13f;

    private final ParameterLayout layout = new ParameterLayout(List.of(
            new ParameterSpec("a", ParameterType.FLOAT, 0f, 100f, new float[] {0f}, "", ""),
            new ParameterSpec("b", ParameterType.FLOAT, 0f, 100f, new float[] {0f}, "", "")));
    private final SnapshotExchange snapshots = new SnapshotExchange(new float[2]);

    /** Writes raw values into slot = channel; throws on {@link #POISON}. */
    private static final class PoisonedConditioner implements ChannelConditioner {
        @Override
        public void onValue(int channel, float raw, long nanos, float[] values) {
            if (raw == POISON) {
                throw new IllegalStateException("poisoned value on channel " + channel);
            }
            values[channel] = raw;
        }

        @Override
        public void advanceTo(long nanos, float[] values) {
        }
    }

    /** A stage that throws on every channel value: disabled after the failure limit. */
    private static final class BrokenMeter implements ConductorStage {
        @Override
        public String name() {
            return "meter";
        }

        @Override
        public int[] kinds() {
            return new int[] {EventKinds.CHANNEL_VALUE};
        }

        @Override
        public boolean onEvent(InputEvent event, long nanos, ShowState show) {
            throw new ArithmeticException("meter divides by zero");
        }

        @Override
        public void advanceTo(long horizonNanos, ShowState show) {
        }
    }

    /** Answers every console command by posting it back to the outbox. */
    private static final class EchoConsole implements ConductorStage {
        @Override
        public String name() {
            return "console";
        }

        @Override
        public int[] kinds() {
            return new int[] {EventKinds.CONSOLE_COMMAND};
        }

        @Override
        public boolean onEvent(InputEvent event, long nanos, ShowState show) {
            show.outbox().post(event);
            return false;
        }

        @Override
        public void advanceTo(long horizonNanos, ShowState show) {
        }
    }

    /** The ring's second consumer, standing in for the journal: throws on its third event. */
    private static final class JournalStandIn implements EventHandler<InputEvent> {
        final AtomicLong seen = new AtomicLong();

        @Override
        public void onEvent(InputEvent event, long sequence, boolean endOfBatch) {
            if (seen.incrementAndGet() == 3) {
                throw new IllegalStateException("disk hiccup");
            }
        }
    }

    @Test
    void eachFaultIsOneLineOnlyOnceItHappened() throws InterruptedException {
        Conductor conductor = new Conductor(layout, snapshots,
                ConductorStages.standard(new PoisonedConditioner()).then(new EchoConsole()).then(new BrokenMeter()),
                new ConductorSettings(Duration.ofSeconds(1), 16, 4, 4), new Outbox(2, LOG), LOG);
        JournalStandIn journal = new JournalStandIn();
        try (InputRing ring = new InputRing(64, RingWaitStrategy.BLOCKING,
                DaemonThreads.named("faults-view-conductor", "faults-view-journal"), LOG, conductor, journal)) {
            PipelineFaultsView view = new PipelineFaultsView(conductor, ring);
            ring.start();
            assertEquals(List.of(), view.lines(), "nothing went wrong yet: nothing to say");

            int events = 0;
            for (int i = 0; i < 6; i++) {
                assertTrue(ring.offerChannel(0, i == 2 ? POISON : i, 10 + i));
                events++;
            }
            InputEvent cue = new InputEvent();
            CueCommandFlyweight.encode(cue.begin(EventKinds.CUE_COMMAND, 20, InputBatch.IMMEDIATELY, false),
                    1, 1, 0, 1f);
            assertTrue(ring.offerEvent(cue));
            events++;
            InputEvent command = new InputEvent();
            for (int i = 0; i < 5; i++) {
                command.begin(EventKinds.CONSOLE_COMMAND, 30 + i, InputBatch.IMMEDIATELY, false);
                new ConsoleCommandFlyweight().wrap(command).reset(1, 7, i);
                assertTrue(ring.offerEvent(command));
                events++;
            }
            long expected = events;
            Await.until(() -> snapshots.publishedEventsConsumed() == expected && journal.seen.get() == expected,
                    "both consumers took every event");
            assertEquals(5f, snapshots.latch().value(0), "values after the faults were applied");

            assertEquals(List.of(
                    "ring consumer JournalStandIn: 1 event skipped after an exception (IllegalStateException 1)",
                    "conductor stage bindings: 1 event skipped after an exception (IllegalStateException 1)",
                    "conductor stage meter: 4 events skipped after an exception (ArithmeticException 4);"
                            + " disabled after failing too often in a row, the rest of the conductor runs on",
                    "conductor: 1 event of a kind no stage takes, ignored",
                    "conductor outbox: 3 posts refused (the outbox was full)"), view.lines());
        }
    }
}
