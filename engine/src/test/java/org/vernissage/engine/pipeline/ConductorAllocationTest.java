package org.vernissage.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.RecordingLog;
import org.vernissage.engine.journal.JournalHeader;
import org.vernissage.engine.journal.JournalWriter;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.event.CueCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;

/**
 * Envelopes cost nothing per event: staging a batch, copying it into ring slots, the conductor's
 * stages and routing, the outbox, and the journal's encoding allocate 0 bytes in steady state
 * (least of a few windows, as the sensors' allocation tests measure).
 */
class ConductorAllocationTest {

    private static final int EVENTS = 100_000;
    private static final int WINDOWS = 5;

    @TempDir
    Path temp;

    private final ParameterLayout layout = new ParameterLayout(List.of(
            new ParameterSpec("a", ParameterType.FLOAT, 0f, 100f, new float[] {0f}, "", ""),
            new ParameterSpec("b", ParameterType.FLOAT, 0f, 100f, new float[] {0f}, "", "")));
    private final SnapshotExchange snapshots = new SnapshotExchange(new float[2], 8);
    private final Outbox outbox = new Outbox(64);
    /** Answers every cue with a post to the outbox, which is drained every 32 events. */
    private final ConductorStage cues = new ConductorStage() {
        private final CueCommandFlyweight cue = new CueCommandFlyweight();

        @Override
        public String name() {
            return "cues";
        }

        @Override
        public int[] kinds() {
            return new int[] {EventKinds.CUE_COMMAND};
        }

        @Override
        public boolean onEvent(InputEvent event, long nanos, ShowState show) {
            cue.wrap(event);
            show.values()[1] = cue.level();
            show.outbox().post(event);
            return true;
        }

        @Override
        public void advanceTo(long horizonNanos, ShowState show) {
        }
    };
    private final Conductor conductor = new Conductor(layout, snapshots,
            ConductorStages.standard(new ChannelConditioner() {
                @Override
                public void onValue(int channel, float raw, long nanos, float[] values) {
                    values[channel & 1] = raw;
                }

                @Override
                public void advanceTo(long nanos, float[] values) {
                }
            }).cuesAndFades(cues), new ConductorSettings(Duration.ofMillis(50), 64, 8), outbox, new RecordingLog());
    private final InputBatch batch = new InputBatch(8);
    private final InputEvent[] slots = {new InputEvent(), new InputEvent(), new InputEvent(), new InputEvent(),
        new InputEvent(), new InputEvent(), new InputEvent(), new InputEvent()};
    private final InputEvent single = new InputEvent();
    private final Outbox.Handler drain = event -> true;
    private long sequence;

    @Test
    void everyKindThroughBatchRingSlotConductorOutboxAndJournalAllocatesNothing() throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (JournalWriter journal = JournalWriter.create(temp.resolve("alloc.vnsj"),
                new JournalHeader(64, 36, 60, 0, "alloc", "sha256:0"))) {
            long nanos = drive(journal, 0, EVENTS); // warm-up: JIT, first log lines
            long least = Long.MAX_VALUE;
            for (int w = 0; w < WINDOWS; w++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                nanos = drive(journal, nanos, EVENTS);
                least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
            }
            System.out.printf("envelopes: least %d bytes over %d events%n", least, EVENTS);
            assertEquals(0, least, least + " bytes allocated for " + EVENTS + " events");
        }
        assertTrue(conductor.stats().scheduled() > 0, "scheduled events were exercised");
        assertTrue(outbox.posted() > 0, "the outbox was exercised");
        assertTrue(snapshots.latch().touches().count() > 0, "touches were exercised");
        assertTrue(conductor.stats().unrouted() > 0, "unrouted kinds were exercised");
    }

    /** {@code events} events of every kind from time {@code nanos} on; returns the time reached. */
    private long drive(JournalWriter journal, long nanos, int events) {
        for (int i = 0; i < events; i += 8) {
            nanos += 1_000_000L;
            batch.clear(nanos);
            batch.addChannel(i & 3, i * 0.5f, (i & 63) == 0 ? nanos + 3_000_000L : InputBatch.IMMEDIATELY);
            batch.addTouch(TouchKind.CURSOR, (i & 127) == 0 ? TouchPhase.REMOVED : TouchPhase.UPDATED, 0, (i >> 3) & 7, 0,
                    0.5f, 0.25f, 0f, 0.1f, 0f, InputBatch.IMMEDIATELY);
            for (int b = 0; b < batch.size(); b++) {
                batch.copyInto(b, slots[b], b < batch.size() - 1);
                deliver(journal, slots[b]);
            }
            single.setParameter(0, i, nanos);
            deliver(journal, single);
            CueCommandFlyweight.encode(single.begin(EventKinds.CUE_COMMAND, nanos, InputBatch.IMMEDIATELY, false),
                    i, CueCommandFlyweight.GO, 0, (i & 7) / 8f);
            deliver(journal, single);
            single.begin(EventKinds.MODEL_RESULT, nanos, InputBatch.IMMEDIATELY, false); // no stage takes it
            deliver(journal, single);
            single.setFrame(i, nanos, nanos + 1_000_000L, 0);
            deliver(journal, single);
            outbox.drain(drain);
        }
        return nanos;
    }

    private void deliver(JournalWriter journal, InputEvent event) {
        journal.onEvent(event, sequence, true);
        conductor.onEvent(event, sequence++, !event.continues());
    }
}
