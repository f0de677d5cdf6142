package org.vernissage.engine.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DatagramReads} on real loopback sockets: the native reads (which this suite's JVM allows,
 * as every launcher's does) and the JDK's fall-back read the same datagrams, name the same
 * senders, tell a {@link WakeDatagram} apart from input whichever socket family receives it, wait
 * when asked, and refuse a closed channel; the native reads allocate nothing when senders alternate.
 */
class DatagramReadsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(64);
    private DatagramChannel receiving;
    private DatagramChannel first;
    private DatagramChannel second;
    private WakeDatagram wakes;

    @BeforeEach
    void open() throws IOException {
        receiving = DatagramChannel.open(); // the JDK's default: an IPv6 socket that takes IPv4 too
        receiving.bind(new InetSocketAddress(LOOPBACK, 0));
        receiving.configureBlocking(false);
        first = sender();
        second = sender();
        wakes = new WakeDatagram(local(receiving));
    }

    @AfterEach
    void close() throws IOException {
        wakes.close();
        for (DatagramChannel channel : new DatagramChannel[] {receiving, first, second}) {
            channel.close();
        }
    }

    @Test
    void thisJvmReadsNatively() {
        assertEquals("", NativeDatagramReceive.unavailable().orElse(""), "the test JVM exports sun.nio.ch");
        assertTrue(DatagramReads.of(receiving, buffer, wakes).canWait());
        assertFalse(DatagramReads.withJdk(receiving, buffer).canWait());
    }

    @Test
    void bothReadTheSameDatagramsAndSendersAndFindNothingWhenNothingWaits() throws IOException {
        for (DatagramReads reads : new DatagramReads[] {DatagramReads.of(receiving, buffer, wakes),
                DatagramReads.withJdk(receiving, buffer)}) {
            assertEquals(-1, reads.receive(false), "nothing waits yet");
            send(first, new byte[] {1, 2, 3});
            send(second, new byte[] {4, 5});
            assertEquals(3, awaitReceive(reads));
            assertArrayEquals(new byte[] {1, 2, 3}, held(3));
            assertEquals(local(first), reads.sender());
            assertEquals(2, awaitReceive(reads));
            assertArrayEquals(new byte[] {4, 5}, held(2));
            assertEquals(local(second), reads.sender());
            assertFalse(reads.wasWake());
            assertEquals(-1, reads.receive(false));
        }
    }

    @Test
    void aWakeUpIsToldApartFromInputFromAnotherLoopbackPort() throws IOException {
        DatagramReads reads = DatagramReads.of(receiving, buffer, wakes);
        send(first, new byte[] {7});
        wakes.send();
        send(first, new byte[] {8});
        assertEquals(1, awaitReceive(reads));
        assertFalse(reads.wasWake(), "a packet from " + reads.sender());
        assertEquals(1, awaitReceive(reads));
        assertTrue(reads.wasWake(), "the wake-up, from " + reads.sender());
        assertEquals(1, awaitReceive(reads));
        assertFalse(reads.wasWake());
        assertEquals(8, buffer.get(0));
    }

    @Test
    void anIpv4SocketTellsWakeUpsApartToo() throws IOException {
        try (DatagramChannel v4 = DatagramChannel.open(StandardProtocolFamily.INET);
                WakeDatagram v4Wakes = openBound(v4)) {
            DatagramReads reads = DatagramReads.of(v4, buffer, v4Wakes);
            v4Wakes.send();
            send(first, v4, new byte[] {9});
            assertEquals(1, awaitReceive(reads));
            assertTrue(reads.wasWake());
            assertEquals(1, awaitReceive(reads));
            assertFalse(reads.wasWake());
            assertEquals(local(first), reads.sender());
        }
    }

    @Test
    void aWaitingReceiveBlocksUntilADatagramArrives() throws Exception {
        receiving.configureBlocking(true);
        DatagramReads reads = DatagramReads.of(receiving, buffer, wakes);
        CompletableFuture<Integer> received = waitingReceive(reads);
        send(first, new byte[] {1, 2, 3, 4});
        assertEquals(4, received.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aWaitingReceiveOnANonBlockingSocketPollsInsteadOfReturning() throws Exception {
        DatagramReads reads = DatagramReads.of(receiving, buffer, wakes); // still non-blocking
        CompletableFuture<Integer> received = waitingReceive(reads);
        wakes.send();
        assertEquals(1, received.get(5, TimeUnit.SECONDS));
        assertTrue(reads.wasWake());
    }

    @Test
    void aDatagramLongerThanTheBufferIsCutToItsCapacityLikeTheJdks() throws IOException {
        DatagramReads reads = DatagramReads.of(receiving, buffer, wakes);
        send(first, new byte[100]);
        assertEquals(buffer.capacity(), awaitReceive(reads));
        assertEquals(buffer.capacity(), buffer.position());
    }

    @Test
    void aClosedChannelIsNotRead() throws IOException {
        DatagramReads reads = DatagramReads.of(receiving, buffer, wakes);
        receiving.close();
        assertThrows(ClosedChannelException.class, () -> reads.receive(false));
        assertThrows(ClosedChannelException.class, () -> reads.receive(true));
    }

    @Test
    void nativeReadsOfAlternatingSendersAllocateNothing() throws IOException {
        DatagramReads reads = DatagramReads.of(receiving, buffer, wakes);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        ByteBuffer one = ByteBuffer.allocateDirect(1);
        InetSocketAddress to = local(receiving);
        alternate(reads, one, to, 5_000); // warm-up
        long least = Long.MAX_VALUE;
        for (int window = 0; window < 3; window++) {
            long before = threads.getThreadAllocatedBytes(thread);
            alternate(reads, one, to, 2_000);
            least = Math.min(least, threads.getThreadAllocatedBytes(thread) - before);
        }
        assertTrue(least <= 1024, least + " bytes allocated over 2000 packets, 2000 wake-ups and 2000 empty reads");
    }

    /** A receive that waits, on another thread, checked to be still waiting after 50 ms. */
    private static CompletableFuture<Integer> waitingReceive(DatagramReads reads) throws InterruptedException {
        CompletableFuture<Integer> received = CompletableFuture.supplyAsync(() -> {
            try {
                return reads.receive(true);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertFalse(received.isDone(), "it waits for a datagram");
        return received;
    }

    /**
     * A packet from {@code first}, then a wake-up, each read back, then a read that finds nothing
     * (how each drain of a socket ends), {@code pairs} times.
     */
    private void alternate(DatagramReads reads, ByteBuffer one, InetSocketAddress to, int pairs) throws IOException {
        int wakeUps = 0;
        for (int i = 0; i < pairs; i++) {
            one.clear();
            first.send(one, to);
            wakes.send();
            for (int got = 0; got < 2; ) {
                if (reads.receive(false) >= 0) {
                    got++;
                    wakeUps += reads.wasWake() ? 1 : 0;
                }
            }
            if (reads.receive(false) >= 0) {
                throw new AssertionError("a third datagram where two were sent");
            }
        }
        if (wakeUps != pairs) {
            throw new AssertionError(wakeUps + " wake-ups told apart of " + pairs);
        }
    }

    private WakeDatagram openBound(DatagramChannel channel) throws IOException {
        channel.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        channel.configureBlocking(false);
        return new WakeDatagram(local(channel));
    }

    private int awaitReceive(DatagramReads reads) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int length;
        while ((length = reads.receive(false)) < 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no datagram within 5 s");
            }
            Thread.onSpinWait();
        }
        return length;
    }

    private byte[] held(int length) {
        byte[] bytes = new byte[length];
        buffer.get(0, bytes);
        return bytes;
    }

    private void send(DatagramChannel from, byte[] bytes) throws IOException {
        send(from, receiving, bytes);
    }

    private static void send(DatagramChannel from, DatagramChannel to, byte[] bytes) throws IOException {
        from.send(ByteBuffer.wrap(bytes), local(to));
    }

    private static DatagramChannel sender() throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        return channel;
    }

    private static InetSocketAddress local(DatagramChannel channel) throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }
}
