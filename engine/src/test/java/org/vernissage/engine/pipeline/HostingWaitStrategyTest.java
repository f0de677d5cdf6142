package org.vernissage.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.engine.pipeline.RingTestThreads.await;

import com.lmax.disruptor.EventHandler;
import java.io.IOException;
import java.lang.System.Logger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.Agent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.agent.AgentHost;
import org.vernissage.engine.agent.AgentState;
import org.vernissage.engine.agent.RestartPolicy;
import org.vernissage.engine.agent.SupervisedAgent;

/**
 * {@link RingWaitStrategy#HOSTED} on a real ring with real threads: socket agents run on the
 * conductor's thread (a real UDP socket on loopback wakes it), producers on other threads wake it
 * when it sleeps, a failing agent is supervised without holding up the conductor, a second
 * consumer waits as with the back-off, and closing the ring ends a sleeping host at once.
 */
class HostingWaitStrategyTest {

    private static final Logger QUIET = System.getLogger(HostingWaitStrategyTest.class.getName() + ".quiet");

    private final AtomicLong applied = new AtomicLong();
    private final Set<String> consumerThreads = ConcurrentHashMap.newKeySet();
    private InputRing ring;

    @AfterEach
    void closeRing() {
        if (ring != null) {
            ring.close();
        }
    }

    @Test
    void datagramsAreReceivedAndAppliedOnTheConductorThread() throws Exception {
        ring = startRing(counting());
        AgentHost host = ring.receiverHost().orElseThrow();
        try (DatagramChannel socket = DatagramChannel.open()
                .setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20)
                .bind(new InetSocketAddress("127.0.0.1", 0));
             DatagramChannel sender = DatagramChannel.open()) {
            UdpAgent udp = new UdpAgent(socket, host);
            SupervisedAgent agent = new SupervisedAgent(udp, QUIET);
            host.add(agent);
            sender.connect(socket.getLocalAddress());
            for (int i = 0; i < 2_000; i++) {
                sender.write(ByteBuffer.wrap(new byte[] {(byte) i}));
                if (i % 20 == 0) {
                    LockSupport.parkNanos(1_000_000); // the host sleeps between bursts: the socket must wake it
                }
            }
            await(() -> applied.get() == 2_000, "every datagram was applied (" + applied.get() + ")");
            assertEquals(Set.of("test-conductor"), udp.threads, "received on the conductor's thread");
            assertEquals(Set.of("test-conductor"), consumerThreads, "applied on the same thread");
            assertEquals(1, host.health().size());
            host.remove(agent);
            assertEquals(AgentState.CLOSED, agent.state());
        }
    }

    @Test
    void whileTheConductorIsHeldUpTheStandbyDrainsTheSocketIntoTheRing() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stalled = new java.util.concurrent.atomic.AtomicBoolean();
        ring = startRing((event, sequence, endOfBatch) -> {
            if (event.kind() == org.vernissage.engine.pipeline.event.EventKinds.PARAMETER_SET
                    && new org.vernissage.engine.pipeline.event.ParameterSetFlyweight().wrap(event).value() < 0) {
                stalled.set(true);
                Thread.sleep(3_500); // off its core for longer than a flood's socket buffer lasts, and than two standby looks
                stalled.set(false);
            }
            applied.incrementAndGet();
        });
        org.vernissage.engine.agent.HostedAgents host =
                (org.vernissage.engine.agent.HostedAgents) ring.receiverHost().orElseThrow();
        try (DatagramChannel socket = DatagramChannel.open()
                .setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20)
                .bind(new InetSocketAddress("127.0.0.1", 0));
             DatagramChannel sender = DatagramChannel.open()) {
            UdpAgent udp = new UdpAgent(socket, host);
            host.add(new SupervisedAgent(udp, QUIET));
            sender.connect(socket.getLocalAddress());
            assertTrue(ring.offerParameter(0, -1f, 0));
            await(stalled::get, "the conductor is held up");
            for (int i = 0; i < 200; i++) {
                sender.write(ByteBuffer.wrap(new byte[] {(byte) i}));
                LockSupport.parkNanos(1_000_000);
            }
            await(() -> udp.received.get() == 200 || !stalled.get(), "the datagrams were read");
            assertTrue(stalled.get(), "read while the conductor was still held up");
            assertTrue(host.standbyCycles() > 0, "by the standby");
            assertTrue(udp.threads.contains("test-conductor-standby"), udp.threads.toString());
            await(() -> applied.get() == 201, "the conductor applied them all once back (" + applied.get() + ")");
        }
    }

    @Test
    void producersOnOtherThreadsWakeASleepingHost() throws Exception {
        ring = startRing(counting());
        Thread[] producers = new Thread[2];
        for (int p = 0; p < producers.length; p++) {
            producers[p] = new Thread(() -> {
                for (int i = 0; i < 3_000; i++) {
                    while (!ring.offerParameter(0, i, i)) {
                        Thread.onSpinWait();
                    }
                    if (i % 50 == 0) {
                        LockSupport.parkNanos(200_000); // let the host run dry and go to sleep
                    }
                }
            });
            producers[p].start();
        }
        for (Thread producer : producers) {
            producer.join();
        }
        await(() -> applied.get() == 6_000, "every event was applied (" + applied.get() + ")");
        // A lone event to a host that has surely gone to sleep in select (timeout 100 ms).
        Thread.sleep(20);
        long start = System.nanoTime();
        Thread lone = new Thread(() -> ring.offerParameter(0, 1f, 1));
        lone.start();
        await(() -> applied.get() == 6_001, "the lone event was applied");
        assertTrue(System.nanoTime() - start < 50_000_000L,
                "woken by the producer, not by the select timeout: " + (System.nanoTime() - start) / 1_000 + " us");
    }

    @Test
    void aHostedAgentThatKeepsFailingIsSupervisedAndTheConductorGoesOn() {
        ring = startRing(counting());
        AgentHost host = ring.receiverHost().orElseThrow();
        AtomicInteger starts = new AtomicInteger();
        Agent broken = new Agent() {
            @Override
            public void onStart() {
                starts.incrementAndGet();
            }

            @Override
            public int doWork() {
                throw new IllegalStateException("socket gone");
            }

            @Override
            public String roleName() {
                return "broken";
            }
        };
        SupervisedAgent agent = new SupervisedAgent(broken, new RestartPolicy(3, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(4)), QUIET);
        host.add(agent);
        for (int i = 0; i < 500; i++) {
            assertTrue(ring.offerParameter(0, i, i));
            LockSupport.parkNanos(20_000);
        }
        await(() -> applied.get() == 500, "every event was applied beside the failing agent");
        await(() -> agent.restarts() >= 1, "the agent was restarted");
        assertTrue(agent.errors(IllegalStateException.class) >= 3, "its failures were counted");
        assertTrue(starts.get() >= 2, "restarted means started again on the host");
    }

    @Test
    void aSecondConsumerWaitsAsWithTheBackOffAndHostsNothing() throws Exception {
        Set<String> journalThreads = ConcurrentHashMap.newKeySet();
        AtomicLong journaled = new AtomicLong();
        EventHandler<InputEvent> journal = (event, sequence, endOfBatch) -> {
            journalThreads.add(Thread.currentThread().getName());
            journaled.incrementAndGet();
        };
        AtomicInteger made = new AtomicInteger();
        ThreadFactory named = task -> {
            Thread thread = new Thread(task, made.getAndIncrement() == 0 ? "test-conductor" : "test-journal");
            thread.setDaemon(true);
            return thread;
        };
        ring = new InputRing(1024, RingWaitStrategy.HOSTED, named, counting(), journal);
        ring.start();
        AgentHost host = ring.receiverHost().orElseThrow();
        Set<String> hostedOn = ConcurrentHashMap.newKeySet();
        host.add(new SupervisedAgent(new Agent() {
            @Override
            public int doWork() {
                hostedOn.add(Thread.currentThread().getName());
                return 0;
            }

            @Override
            public String roleName() {
                return "watcher";
            }
        }, QUIET));
        for (int i = 0; i < 1_000; i++) {
            assertTrue(ring.offerParameter(0, i, i));
            if (i % 100 == 0) {
                Thread.sleep(1);
            }
        }
        await(() -> applied.get() == 1_000 && journaled.get() == 1_000, "both consumers took every event");
        assertEquals(Set.of("test-conductor"), hostedOn, "agents run on the first consumer's thread only");
        assertEquals(Set.of("test-journal"), journalThreads);
    }

    @Test
    void closingTheRingEndsASleepingHostAtOnce() throws Exception {
        ring = startRing(counting());
        Thread.sleep(20); // asleep in select
        long start = System.nanoTime();
        ring.close();
        ring = null;
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMillis < 1_000, "close took " + tookMillis + " ms");
        await(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(
                t -> t.getName().equals("test-conductor")), "the conductor's thread ended");
    }

    @Test
    void otherWaitsHaveNoReceiverHost() {
        ring = new InputRing(64, RingWaitStrategy.BACKOFF, RingTestThreads.daemons("test-conductor"), counting());
        ring.start();
        assertTrue(ring.receiverHost().isEmpty());
    }

    private InputRing startRing(EventHandler<InputEvent> handler) {
        InputRing started = new InputRing(1024, RingWaitStrategy.HOSTED, RingTestThreads.daemons("test-conductor"),
                handler);
        started.start();
        return started;
    }

    private EventHandler<InputEvent> counting() {
        return (event, sequence, endOfBatch) -> {
            consumerThreads.add(Thread.currentThread().getName());
            applied.incrementAndGet();
        };
    }

    /** A socket agent as the OSC receiver is one: non-blocking reads, woken through the host's selector. */
    private final class UdpAgent implements Agent {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final AtomicInteger received = new AtomicInteger();
        private final DatagramChannel socket;
        private final AgentHost host;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(64);

        UdpAgent(DatagramChannel socket, AgentHost host) {
            this.socket = socket;
            this.host = host;
        }

        @Override
        public void onStart() {
            try {
                socket.configureBlocking(false);
                socket.register(host.selector(), SelectionKey.OP_READ);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int doWork() throws IOException {
            threads.add(Thread.currentThread().getName());
            int read = 0;
            while (read < 64) {
                buffer.clear();
                if (socket.receive(buffer) == null) {
                    break;
                }
                ring.offerParameter(0, buffer.get(0) & 0xFF, System.nanoTime());
                received.incrementAndGet();
                read++;
            }
            return read;
        }

        @Override
        public String roleName() {
            return "udp-test";
        }
    }
}
