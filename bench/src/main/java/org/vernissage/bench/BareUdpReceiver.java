package org.vernissage.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * The benches' baseline: a bare loopback socket and a daemon thread blocked in {@code receive},
 * stamping each datagram with {@link System#nanoTime()} as the receive returns and handing both to
 * a {@link Stamp}. How soon this machine hands a datagram to a sleeping thread at all, with nothing
 * of the engine in the way.
 *
 * <p>{@link Wait#SELECTOR} is the same receive the way the engine's hosted conductor waits: the
 * channel non-blocking, registered with a {@link Selector}, the thread asleep in {@code select}
 * and then one non-blocking {@code receive}. What a selector costs by itself, with nothing of the
 * engine after it (issue 8's "selector floor"). It may also spin a given time after each receive,
 * before stamping: what that much work right after a wake-up costs on this machine.
 *
 * <p>Made and closed by the bench's main thread; {@link Stamp#received} runs on the receiving
 * thread ("bench-bare-udp-receiver", or "bench-selector-udp-receiver").
 */
final class BareUdpReceiver implements AutoCloseable {

    /** Told of each datagram, on the receiving thread; the datagram is valid during the call only. */
    @FunctionalInterface
    interface Stamp {
        void received(ByteBuffer datagram, long nanos);
    }

    /** How the receiving thread waits for a datagram. */
    enum Wait {
        /** Blocked in {@code receive} itself: one system call per datagram. */
        BLOCKING,
        /** Asleep in {@code Selector.select}, then a non-blocking {@code receive}: two. */
        SELECTOR
    }

    private final DatagramChannel channel;
    private final Selector selector; // null when blocking
    private final Thread thread;

    /** @param receiveBufferBytes the socket's receive buffer asked for, or 0 for the system's */
    BareUdpReceiver(int receiveBufferBytes, Stamp stamp) throws IOException {
        this(receiveBufferBytes, Wait.BLOCKING, 0, stamp);
    }

    /**
     * @param receiveBufferBytes the socket's receive buffer asked for, or 0 for the system's
     * @param workNanos with {@link Wait#SELECTOR}: how long to spin after each receive before stamping
     */
    BareUdpReceiver(int receiveBufferBytes, Wait wait, long workNanos, Stamp stamp) throws IOException {
        channel = DatagramChannel.open();
        if (receiveBufferBytes > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
        }
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        if (wait == Wait.SELECTOR) {
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            thread = new Thread(() -> select(workNanos, stamp), "bench-selector-udp-receiver");
        } else {
            selector = null;
            thread = new Thread(() -> receive(stamp), "bench-bare-udp-receiver");
        }
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /** The receiving thread, for its CPU time. */
    Thread thread() {
        return thread;
    }

    int receiveBufferBytes() throws IOException {
        return channel.getOption(StandardSocketOptions.SO_RCVBUF);
    }

    private void receive(Stamp stamp) {
        ByteBuffer datagram = ByteBuffer.allocateDirect(2048);
        try {
            while (true) {
                datagram.clear();
                channel.receive(datagram);
                stamp.received(datagram, System.nanoTime());
            }
        } catch (ClosedChannelException closed) {
            // close(): done
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void select(long workNanos, Stamp stamp) {
        ByteBuffer datagram = ByteBuffer.allocateDirect(2048);
        try (selector) {
            while (channel.isOpen()) {
                selector.select(key -> { }, 0);
                datagram.clear();
                if (channel.receive(datagram) != null) {
                    long received = System.nanoTime();
                    while (System.nanoTime() - received < workNanos) {
                        Thread.onSpinWait(); // stands in for work done after the wake-up
                    }
                    stamp.received(datagram, System.nanoTime());
                }
            }
        } catch (ClosedChannelException closed) {
            // close(): done
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        if (selector != null) {
            selector.wakeup(); // it sees the channel closed and ends, closing the selector
        }
    }
}
