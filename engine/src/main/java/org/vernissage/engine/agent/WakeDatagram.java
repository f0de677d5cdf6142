package org.vernissage.engine.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wakes a thread asleep in a datagram socket's blocking receive: a one-byte datagram sent to that
 * socket from a socket of its own, bound to a local address, whose sender address the receiver
 * recognises ({@link #isWake}, on the kernel's bytes: {@link NativeDatagramReceive}) and drops. A datagram is a wake-up that cannot be lost between
 * "about to sleep" and "asleep": sent before the receive starts, it is waiting when it does.
 *
 * <p>Only this process can send from its bound port, and no packet from the network carries a
 * loopback source (the kernel drops such packets), so a stranger cannot pass for it; were one to
 * try, all it would get is a receiver woken for nothing.
 *
 * <p>Threads: {@link #send()} by any thread (serialised here: sends are rare, a producer waking an
 * idle host); {@link #isWake} by the receiving thread; {@link #close()} by the owner. Owned by the
 * receiver whose socket it wakes.
 */
public final class WakeDatagram implements AutoCloseable {

    private final DatagramChannel channel;
    private final byte[] fromAddress; // the kernel's bytes of our sending address, for isWake
    private final int fromPort;
    private final ByteBuffer one = ByteBuffer.allocateDirect(1);
    private final AtomicLong failed = new AtomicLong();

    /**
     * @param target the address the receiving socket is bound to; the wildcard address stands for
     *     this machine, reached through loopback
     */
    public WakeDatagram(InetSocketAddress target) throws IOException {
        InetAddress to = target.getAddress().isAnyLocalAddress()
                ? InetAddress.getLoopbackAddress() : target.getAddress();
        channel = DatagramChannel.open();
        try {
            channel.bind(new InetSocketAddress(to, 0));
            channel.connect(new InetSocketAddress(to, target.getPort()));
            InetSocketAddress from = (InetSocketAddress) channel.getLocalAddress();
            fromAddress = from.getAddress().getAddress();
            fromPort = from.getPort();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Sends one wake-up. Never throws: a wake that cannot be sent (the receiver is gone) is counted. */
    public void send() {
        synchronized (one) {
            one.clear();
            try {
                channel.write(one);
            } catch (IOException e) {
                failed.incrementAndGet(); // the receiver closed its socket (a restart): nobody sleeps in it
            }
        }
    }

    /**
     * Whether the datagram {@code received} last read is a wake-up of ours; allocates nothing. The
     * receiving thread.
     */
    public boolean isWake(NativeDatagramReceive received) {
        return received.senderIs(fromAddress, fromPort);
    }

    /** Wake-ups that could not be sent; any thread. */
    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
    }
}
