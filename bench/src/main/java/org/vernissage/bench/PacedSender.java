package org.vernissage.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends numbered OSC messages {@code /vernissage/tidewater/energy ,f v} over loopback UDP on a
 * fixed schedule: message {@code i} of a run is due at {@code start + i / rate}. A sender that
 * falls behind (descheduled) catches up by sending back to back, as a real controller's driver
 * would flush a queue; {@link Result#achievedPerSecond()} says what rate it actually kept.
 *
 * <p>Message number {@code n} carries the float {@code n * 2^-24} ({@link #value(long)}), exact
 * for every {@code n < 2^24} and always inside Tidewater's energy range 0..1, so that the linear
 * binding hands it to the snapshot unchanged and a reader can tell which message it sees.
 *
 * <p>Waiting between sends: it parks while more than {@link #PARK_ABOVE_NANOS} remain, yields
 * while more than a few microseconds remain and spins only for the last ones. On a 2-core machine
 * a pure busy-wait would take a whole core from the receiver it is measuring; a yield hands the
 * core over whenever the receiver (or the conductor) is runnable.
 *
 * <p>One thread (the benchmark's main thread) uses an instance, then closes it.
 */
final class PacedSender implements AutoCloseable {

    /** Message {@code n} carries {@code n * SEQUENCE_SCALE}. */
    static final double SEQUENCE_SCALE = 0x1p-24;
    /** Sequence numbers must stay below this for the value to be exact. */
    static final long MAX_SEQUENCE = 1L << 24;
    /** The kernel buffer both sides of every benchmark ask for: the app's receiver's. */
    static final int SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;

    private static final long PARK_ABOVE_NANOS = 200_000;
    private static final long PARK_SLACK_NANOS = 120_000; // Linux overshoots a park by ~60 us
    private static final long YIELD_ABOVE_NANOS = 3_000;

    private final DatagramChannel channel;
    private final ByteBuffer packet = OscPackets.direct(OscPackets.energyMessage());

    /** What one {@link #send} run did. */
    record Result(int messages, double targetPerSecond, long elapsedNanos, long worstLagNanos) {

        /** The rate kept from the first send to the last. */
        double achievedPerSecond() {
            return messages <= 1 || elapsedNanos <= 0 ? targetPerSecond : (messages - 1) * 1e9 / elapsedNanos;
        }
    }

    PacedSender(InetSocketAddress target) throws IOException {
        channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER_BYTES);
        // Connected: the kernel resolves the route once and write() needs no address.
        channel.connect(target);
    }

    /** The float message number {@code sequence} carries. */
    static float value(long sequence) {
        return (float) (sequence * SEQUENCE_SCALE);
    }

    /** The message number a received float stands for, or -1 when it is not one. */
    static long sequenceOf(float value) {
        double scaled = value / SEQUENCE_SCALE;
        long sequence = (long) scaled;
        return sequence == scaled && sequence >= 0 && sequence < MAX_SEQUENCE ? sequence : -1;
    }

    /**
     * Sends messages {@code first .. first + count - 1} at {@code perSecond}, recording each
     * one's send time (just before the write) in {@code sentAt[sequence]} when given.
     */
    Result send(long first, int count, double perSecond, AtomicLongArray sentAt) throws IOException {
        if (first < 0 || first + count > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence numbers must stay in 0.." + MAX_SEQUENCE);
        }
        double period = 1e9 / perSecond;
        long start = System.nanoTime();
        long firstSend = start;
        long lastSend = start;
        long worstLag = 0;
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * period);
            waitUntil(due);
            long sequence = first + i;
            packet.putFloat(OscPackets.ENERGY_ARGUMENT_OFFSET, value(sequence));
            packet.clear();
            long now = System.nanoTime();
            if (sentAt != null) {
                sentAt.set((int) sequence, now);
            }
            channel.write(packet);
            worstLag = Math.max(worstLag, now - due);
            if (i == 0) {
                firstSend = now;
            }
            lastSend = now;
        }
        return new Result(count, perSecond, lastSend - firstSend, worstLag);
    }

    /** Blocks this thread until {@code due} on {@link System#nanoTime()} (see the class comment). */
    static void waitUntil(long due) {
        long left;
        while ((left = due - System.nanoTime()) > 0) {
            if (left > PARK_ABOVE_NANOS) {
                LockSupport.parkNanos(left - PARK_SLACK_NANOS);
            } else if (left > YIELD_ABOVE_NANOS) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
