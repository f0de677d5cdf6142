package org.vernissage.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * The benches' baseline: a bare loopback socket and a daemon thread blocked in {@code receive},
 * stamping each datagram with {@link System#nanoTime()} as the receive returns and handing both to
 * a {@link Stamp}. How soon this machine hands a datagram to a sleeping thread at all, with nothing
 * of the engine in the way.
 *
 * <p>Made and closed by the bench's main thread; {@link Stamp#received} runs on the receiving
 * thread ("bench-bare-udp-receiver").
 */
final class BareUdpReceiver implements AutoCloseable {

    /** Told of each datagram, on the receiving thread; the datagram is valid during the call only. */
    @FunctionalInterface
    interface Stamp {
        void received(ByteBuffer datagram, long nanos);
    }

    private final DatagramChannel channel;
    private final Thread thread;

    /** @param receiveBufferBytes the socket's receive buffer asked for, or 0 for the system's */
    BareUdpReceiver(int receiveBufferBytes, Stamp stamp) throws IOException {
        channel = DatagramChannel.open();
        if (receiveBufferBytes > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
        }
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        thread = new Thread(() -> receive(stamp), "bench-bare-udp-receiver");
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

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
