package org.vernissage.engine.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;

/**
 * Triggers (event parameters) through the real ring, conductor and journal: each set adds one to
 * the count whatever its value, none is lost between two frames, and a replay of the journal
 * gives every frame the same count.
 */
class EventTriggerReplayTest {

    private static final JournalHeader HEADER =
            new JournalHeader(64, 64, 60, 1_790_000_000_000L, "Triggers", "sha256:abc");
    private static final long FRAME = 16_666_667L;

    @TempDir
    Path temp;

    private final ParameterLayout layout = new ParameterLayout(List.of(
            new ParameterSpec("level", ParameterType.FLOAT, 0f, 1f, new float[] {0f}, "", ""),
            new ParameterSpec("flash", ParameterType.EVENT, 0f, 1f, new float[] {0f}, "", "")));

    @Test
    void triggersAreCountedNeverClampedAndReplayedTheSame() throws Exception {
        Path file = temp.resolve("triggers.vnsj");
        // Per frame, the triggers sent before it: two between frames 0 and 1, values that a
        // clamp to the declared 0..1 would have swallowed (0 and 7), then none, then one.
        float[][] sentBefore = {{}, {0f, 7f}, {}, {1f}, {}};
        float[] expected = {0f, 2f, 2f, 3f, 3f};
        float[] live = new float[sentBefore.length];

        SnapshotExchange liveSnapshots = new SnapshotExchange(new float[layout.slotCount()]);
        JournalWriter journal = JournalWriter.create(file, HEADER);
        try (InputRing ring = new InputRing(1024, RingWaitStrategy.BLOCKING, threads(),
                new Conductor(layout, liveSnapshots, ChannelConditioner.NONE, ConductorSettings.DEFAULT), journal)) {
            ring.start();
            long consumed = 0;
            for (int frame = 0; frame < sentBefore.length; frame++) {
                for (float value : sentBefore[frame]) {
                    assertTrue(ring.offerParameter(1, value, frame * FRAME - 1000));
                    consumed++;
                }
                awaitConsumed(liveSnapshots, consumed);
                ParameterSnapshot s = liveSnapshots.latch();
                live[frame] = s.value(1);
                assertTrue(ring.offerFrame(frame, frame * FRAME, (frame + 1) * FRAME, s.eventsConsumed()));
                consumed++;
                awaitConsumed(liveSnapshots, consumed);
            }
        }
        journal.close();
        assertFalse(journal.failed());
        assertArrayEquals(expected, live, "the count of triggers each frame saw");

        SnapshotExchange replaySnapshots = new SnapshotExchange(new float[layout.slotCount()]);
        float[] replayed = new float[sentBefore.length];
        try (InputRing replay = new InputRing(1024, RingWaitStrategy.BLOCKING, threads(),
                new Conductor(layout, replaySnapshots, ChannelConditioner.NONE, ConductorSettings.DEFAULT));
             JournalPlayer player = new JournalPlayer(JournalReader.open(file), replay, replaySnapshots, null)) {
            replay.start();
            for (int frame = 0; frame < sentBefore.length; frame++) {
                player.awaitFrame(frame);
                replayed[frame] = replaySnapshots.latch().value(1);
            }
        }
        assertArrayEquals(live, replayed, "the replay's counts");
    }

    @Test
    void aCountAtTheLargestExactFloatWrapsToOneSoATriggerIsNeverSwallowed() {
        float top = ParameterLayout.MAX_EVENT_COUNT;
        assertEquals(top, layout.afterSet(1, top - 1, 0f));
        assertEquals(1f, layout.afterSet(1, top, 0f), "2^24 + 1 is not a float: the count wraps to 1");
        assertEquals(1f, layout.afterSet(0, 0f, 7f), "a float parameter is still clamped");
    }

    private static void awaitConsumed(SnapshotExchange snapshots, long events) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (snapshots.publishedEventsConsumed() < events) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the conductor consumed " + snapshots.publishedEventsConsumed()
                        + " of " + events + " events");
            }
            Thread.sleep(1);
        }
    }

    private static ThreadFactory threads() {
        return task -> {
            Thread thread = new Thread(task, "event-trigger-test");
            thread.setDaemon(true);
            return thread;
        };
    }
}
