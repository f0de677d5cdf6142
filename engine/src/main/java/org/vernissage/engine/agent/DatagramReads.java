package org.vernissage.engine.agent;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Reads one datagram channel into one buffer for the agent that owns it: natively
 * ({@link NativeDatagramReceive}: no allocation whoever the sender, and a receive that may wait)
 * where this JVM allows, with the JDK's {@code receive} otherwise; and tells the wake-ups of a
 * {@link WakeDatagram} apart from input. A receiver whose reads {@link #canWait()} can offer its
 * host a {@link DirectWait}; one that cannot is read only when its selector says so.
 *
 * <p>Threads: the agent's thread alone (or whichever thread runs its duty cycle, one at a time).
 * Owned by the socket's receiver, one per channel (a reopened socket gets new reads).
 */
public final class DatagramReads {

    private final DatagramChannel channel;
    private final ByteBuffer buffer;
    private final NativeDatagramReceive natively; // null: the JDK's receive
    private final WakeDatagram wakes;             // null: nobody wakes this socket
    private SocketAddress jdkSender;               // the JDK's receive: the last sender
    private boolean wake;                         // the last datagram was a wake-up

    private DatagramReads(DatagramChannel channel, ByteBuffer buffer, NativeDatagramReceive natively,
            WakeDatagram wakes) {
        this.channel = channel;
        this.buffer = buffer;
        this.natively = natively;
        this.wakes = wakes;
    }

    /**
     * Native reads of {@code channel} into {@code buffer} (direct) where this JVM allows
     * ({@link NativeDatagramReceive#unavailable()}), the JDK's otherwise.
     *
     * @param wakes the wake-ups sent to this socket, dropped by {@link #wasWake()}; null when none
     *     are: a socket that cannot be read natively is never slept in, so it is never sent any
     */
    public static DatagramReads of(DatagramChannel channel, ByteBuffer buffer, WakeDatagram wakes) {
        return NativeDatagramReceive.attach(channel, buffer)
                .map(receive -> new DatagramReads(channel, buffer, receive, wakes))
                .orElseGet(() -> withJdk(channel, buffer));
    }

    /** The JDK's reads: what {@link #of} falls back to; for tests of that fall-back too. */
    public static DatagramReads withJdk(DatagramChannel channel, ByteBuffer buffer) {
        return new DatagramReads(channel, buffer, null, null);
    }

    /** Whether a receive may wait for a datagram (a host may sleep in it): the native reads only. */
    public boolean canWait() {
        return natively != null;
    }

    /**
     * Receives one datagram into the buffer (from 0 to its position). {@code wait}: blocks until
     * one arrives (only where {@link #canWait()}); otherwise returns at once. Returns its length,
     * or -1 when none was waiting.
     */
    public int receive(boolean wait) throws IOException {
        if (natively != null) {
            int length = natively.receive(wait);
            wake = length >= 0 && wakes != null && wakes.isWake(natively);
            return length;
        }
        if (wait) {
            throw new IllegalStateException("only a native receive waits; this JVM reads with the JDK's");
        }
        buffer.clear();
        jdkSender = channel.receive(buffer);
        return jdkSender == null ? -1 : buffer.position();
    }

    /** Whether the last datagram received was a wake-up, not input. */
    public boolean wasWake() {
        return wake;
    }

    /** The last datagram's sender (for messages: the native reads decode it, allocating). */
    public SocketAddress sender() {
        return natively != null ? natively.sender() : jdkSender;
    }
}
