package org.vernissage.bench;

import java.net.InetSocketAddress;

/**
 * One OSC receiver under test in {@link OscReceiveRate}: where to send, how many messages have
 * reached its consumer so far, and how much its receiving threads have allocated.
 *
 * <p>Built and closed by the benchmark's main thread; the readings are taken from that thread
 * while the receiver's own threads run.
 */
interface ReceiveTarget extends AutoCloseable {

    /** A short name for the tables ("vernissage", "javaosc"). */
    String name();

    /** Where the sender sends (loopback). */
    InetSocketAddress address();

    /** One line: what exactly runs, and the socket buffer the OS granted. */
    String describe();

    /** Messages whose value has reached the consumer so far (monotonic). */
    long delivered();

    /** Bytes allocated so far by the threads a message passes through on the receiving side. */
    long allocatedBytes();

    /** CPU nanoseconds used so far by the same threads. */
    long cpuNanos();

    /** CPU nanoseconds used so far by the thread that reads the socket alone. */
    long socketThreadCpuNanos();

    /** Receiver-specific counters worth a note in a trial line (drops inside the receiver). */
    String notes();

    @Override
    void close();
}
