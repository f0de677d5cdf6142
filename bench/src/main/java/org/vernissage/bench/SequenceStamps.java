package org.vernissage.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * When one observer (the bare receiver, the conductor's publication, a polling reader) first saw
 * each message number: {@code at(n)} is the {@link System#nanoTime()} it stamped for message
 * {@code n}. Only the numbers of the block the main thread announced with {@link #expect} are
 * stamped, so an observer running during another side's block records nothing.
 *
 * <p>Threads: the main thread calls {@link #expect} while nothing is in flight, then
 * {@link #awaitStamped}, then reads {@link #at}; the one observing thread calls {@link #stamp}.
 * The volatile count orders the observer's plain array writes before the main thread's reads.
 * Stamping is one array store and one volatile write: the same cost on every side.
 */
final class SequenceStamps {

    private final String observer;
    private final long[] at;
    private volatile long first;
    private volatile long end;
    private volatile int stamped;

    /** @param capacity message numbers 0 .. capacity - 1 may be stamped */
    SequenceStamps(String observer, int capacity) {
        this.observer = observer;
        this.at = new long[capacity];
    }

    /** Message numbers below this may be stamped. */
    int capacity() {
        return at.length;
    }

    /** Main thread, nothing in flight: stamp numbers {@code firstSequence .. firstSequence + count - 1}. */
    void expect(long firstSequence, int count) {
        stamped = 0;
        end = firstSequence + count;
        first = firstSequence;
    }

    /** Observing thread: message {@code sequence} was first seen at {@code nanos}. */
    void stamp(long sequence, long nanos) {
        if (sequence >= first && sequence < end) {
            at[(int) sequence] = nanos;
            stamped = stamped + 1; // one writer
        }
    }

    /**
     * Observing thread: every message from {@code from} to {@code through} (both included) was
     * first seen at {@code nanos}; only the expected ones are stamped, so a jump over another
     * side's numbers costs nothing.
     */
    void stampRange(long from, long through, long nanos) {
        long last = Math.min(through, end - 1);
        for (long s = Math.max(from, first); s <= last; s++) {
            stamp(s, nanos);
        }
    }

    /** Main thread: waits until all {@code count} expected numbers are stamped, at most 10 s. */
    void awaitStamped(int count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (stamped < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(observer + ": only " + stamped + " of " + count
                        + " messages seen in 10 s");
            }
            LockSupport.parkNanos(200_000);
        }
    }

    /** Main thread, after {@link #awaitStamped}: when message {@code sequence} was seen. */
    long at(long sequence) {
        return at[(int) sequence];
    }
}
