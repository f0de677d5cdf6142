package org.vernissage.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.RecordingLog;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;

/**
 * The conductor's outbox with real threads: a console stage answers commands from the input ring
 * through the outbox, an agent thread drains it; a full outbox refuses and counts, never blocks.
 */
class OutboxTest {

    private static final int GET = 1;

    private final ParameterLayout layout = new ParameterLayout(List.of(
            new ParameterSpec("level", ParameterType.FLOAT, 0f, 10f, new float[] {0f}, "", "")));
    private final SnapshotExchange snapshots = new SnapshotExchange(new float[1]);

    /** Answers each console command with the current value of slot 0, echoing its request id. */
    private static final class ConsoleStage implements ConductorStage {
        private final ConsoleCommandFlyweight command = new ConsoleCommandFlyweight();
        private final ConsoleCommandFlyweight reply = new ConsoleCommandFlyweight();

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
            command.wrap(event);
            InputEvent payload = show.outbox().claim(EventKinds.CONSOLE_REPLY, nanos);
            if (payload != null) {
                reply.wrap(payload).reset(command.console(), command.command(), command.requestId())
                        .argument(0, show.values()[0]);
                show.outbox().commit();
            }
            return true;
        }

        @Override
        public void advanceTo(long horizonNanos, ShowState show) {
        }
    }

    private Conductor conductor(Outbox outbox) {
        return new Conductor(layout, snapshots, ConductorStages.standard(ChannelConditioner.NONE)
                .then(new ConsoleStage()), ConductorSettings.DEFAULT, outbox, new RecordingLog());
    }

    /** Offers a command as a console adapter would: fill an envelope, offer it, never block. */
    private static void offerCommand(InputRing ring, InputEvent scratch, long request, long nanos) {
        new ConsoleCommandFlyweight().wrap(scratch.begin(EventKinds.CONSOLE_COMMAND, nanos, InputBatch.IMMEDIATELY,
                false)).reset(3, GET, request);
        while (!ring.offerEvent(scratch)) {
            Thread.onSpinWait(); // the ring is full for a moment: a test may wait, an adapter counts a drop
        }
    }

    @Test
    void repliesPostedByAStageReachAnAgentDrainingOnAnotherThread() throws Exception {
        Outbox outbox = new Outbox(1024);
        List<long[]> received = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ConsoleCommandFlyweight reply = new ConsoleCommandFlyweight();
        Thread agent = new Thread(() -> {
            while (!stop.get()) {
                int n = outbox.drain(event -> {
                    reply.wrap(event);
                    synchronized (received) {
                        received.add(new long[] {event.kind(), reply.console(), reply.requestId(),
                                (long) reply.argument(0)});
                    }
                    return true;
                });
                if (n == 0) {
                    Thread.onSpinWait();
                }
            }
        }, "outbox-test-agent");
        agent.setDaemon(true);
        agent.start();
        InputEvent scratch = new InputEvent();
        try (InputRing ring = new InputRing(256, RingWaitStrategy.BLOCKING, RingTestThreads.daemons("outbox-test-conductor"), conductor(outbox))) {
            ring.start();
            for (int i = 0; i < 500; i++) {
                if (i % 100 == 0) {
                    while (!ring.offerParameter(0, i / 100f, i)) {
                        Thread.onSpinWait(); // the 256-slot ring may be full of commands on a loaded machine
                    }
                }
                offerCommand(ring, scratch, 1000 + i, i);
            }
            RingTestThreads.await(() -> {
                synchronized (received) {
                    return received.size() == 500;
                }
            }, "every reply reached the agent");
        } finally {
            stop.set(true);
            agent.join(5000);
        }
        for (int i = 0; i < 500; i++) {
            long[] r = received.get(i);
            assertEquals(EventKinds.CONSOLE_REPLY, r[0]);
            assertEquals(3, r[1]);
            assertEquals(1000 + i, r[2], "replies in command order");
            assertEquals(i / 100, r[3], "each reply carries the value when its command was applied");
        }
        assertEquals(500, outbox.posted());
        assertEquals(0, outbox.refused());
    }

    @Test
    void aReplyWakesTheAgentOncePerBatchAndNothingElseDoes() {
        Outbox outbox = new Outbox(64);
        int[] wakes = {0};
        outbox.wakeOn(EventKinds.CONSOLE_REPLY, () -> wakes[0]++);
        outbox.claim(EventKinds.PARAMETER_SET, 0);
        outbox.commit();
        outbox.endOfBatch();
        assertEquals(0, wakes[0], "a value report waits for the agent's next poll");
        for (int i = 0; i < 3; i++) {
            outbox.claim(EventKinds.CONSOLE_REPLY, 0);
            outbox.commit();
        }
        assertEquals(0, wakes[0], "not per envelope");
        outbox.endOfBatch();
        assertEquals(1, wakes[0], "once, at the end of the batch that posted replies");
        outbox.endOfBatch();
        assertEquals(1, wakes[0], "a batch without one wakes nobody");
    }

    @Test
    void aParkedAgentGetsAReplyWithoutWaitingForItsPark() throws Exception {
        Outbox outbox = new Outbox(1024);
        CountDownLatch got = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Thread agent = new Thread(() -> {
            while (!stop.get()) {
                if (outbox.drain(event -> {
                    got.countDown();
                    return true;
                }) == 0) {
                    LockSupport.parkNanos(10_000_000_000L); // parked far longer than the test waits
                }
            }
        }, "outbox-test-agent");
        agent.setDaemon(true);
        agent.start();
        outbox.wakeOn(EventKinds.CONSOLE_REPLY, () -> LockSupport.unpark(agent));
        InputEvent scratch = new InputEvent();
        try (InputRing ring = new InputRing(256, RingWaitStrategy.BLOCKING,
                RingTestThreads.daemons("outbox-test-conductor"), conductor(outbox))) {
            ring.start();
            Thread.sleep(50); // the agent is parked now
            offerCommand(ring, scratch, 1, 0);
            assertTrue(got.await(5, TimeUnit.SECONDS), "the reply woke the parked agent");
        } finally {
            stop.set(true);
            LockSupport.unpark(agent);
            agent.join(5000);
        }
    }

    @Test
    void aFullOutboxIsCountedAndNeverBlocksTheConductor() throws Exception {
        Outbox outbox = new Outbox(8);
        InputEvent scratch = new InputEvent();
        try (InputRing ring = new InputRing(64, RingWaitStrategy.BLOCKING, RingTestThreads.daemons("outbox-test-conductor"), conductor(outbox))) {
            ring.start();
            for (int i = 0; i < 20; i++) {
                offerCommand(ring, scratch, i, i);
            }
            assertTrue(ring.offerParameter(0, 7f, 100));
            RingTestThreads.await(() -> snapshots.publishedEventsConsumed() == 21, "the conductor went on past a full outbox");
            assertEquals(7f, snapshots.latch().value(0));
        }
        assertEquals(8, outbox.posted());
        assertEquals(12, outbox.refused());
        assertNull(outbox.claim(EventKinds.CONSOLE_REPLY, 0), "still full: refused at once");
        assertEquals(13, outbox.refused());

        List<Long> drained = new ArrayList<>();
        ConsoleCommandFlyweight reply = new ConsoleCommandFlyweight();
        Thread agent = new Thread(() -> outbox.drain(event -> drained.add(reply.wrap(event).requestId())));
        agent.start();
        agent.join(5000);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), drained, "the first eight, in order");
        assertEquals(0, outbox.backlog());
        assertTrue(outbox.claim(EventKinds.CONSOLE_REPLY, 0) != null, "room again once drained");
        outbox.commit();
    }

    @Test
    void anEventTheAgentCannotHandleIsSkippedOnceNotRetriedForever() {
        RecordingLog log = new RecordingLog();
        Outbox outbox = new Outbox(8, log);
        InputEvent e = new InputEvent();
        for (int i = 0; i < 4; i++) {
            e.setParameter(i, i, i);
            assertTrue(outbox.post(e));
        }
        List<Integer> handled = new ArrayList<>();
        org.vernissage.engine.pipeline.event.ParameterSetFlyweight set =
                new org.vernissage.engine.pipeline.event.ParameterSetFlyweight();
        Outbox.Handler agent = event -> {
            int slot = set.wrap(event).slot();
            if (slot == 1) {
                throw new IllegalStateException("console gone");
            }
            return handled.add(slot);
        };
        assertEquals(4, outbox.drain(agent));
        assertEquals(0, outbox.drain(agent), "the failed event does not come back");
        assertEquals(List.of(0, 2, 3), handled);
        assertEquals(1, outbox.faults().total());
        assertEquals(1, log.visible().size(), log.visible().toString());
    }

    @Test
    void drainingAnEmptyOutboxReturnsAtOnce() {
        Outbox outbox = new Outbox(4);
        assertEquals(0, outbox.drain(event -> fail("nothing was posted")));
        InputEvent e = new InputEvent();
        e.setParameter(0, 1f, 5);
        assertTrue(outbox.post(e));
        List<Integer> kinds = new ArrayList<>();
        assertEquals(1, outbox.drain(event -> kinds.add(event.kind())));
        assertEquals(List.of(EventKinds.PARAMETER_SET), kinds);
    }
}
