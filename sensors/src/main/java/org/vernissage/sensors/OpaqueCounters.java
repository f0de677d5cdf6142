package org.vernissage.sensors;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A fixed set of counters with one writer and any number of readers, the storage under every
 * source's statistics. One writer means a plain read-add-write is exact, and opaque access is all
 * a reader needs to see each counter progress: no lock, no CAS, no allocation (a
 * {@code LongAdder} would allocate). Counters are read one at a time, so several readings are not
 * one atomic snapshot.
 *
 * <p>{@link #add} and {@link #set} are called only by the owning source's thread; {@link #get} by
 * any thread. Owned by the stats object that wraps it.
 */
public final class OpaqueCounters {

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] values;

    public OpaqueCounters(int size) {
        this.values = new long[size];
    }

    /** Counter {@code index} as last written. Any thread. */
    public long get(int index) {
        return (long) SLOT.getOpaque(values, index);
    }

    /** Adds {@code n} to counter {@code index}. Writer thread only. */
    public void add(int index, long n) {
        SLOT.setOpaque(values, index, values[index] + n);
    }

    /** Sets counter {@code index} (a time, a gauge). Writer thread only. */
    public void set(int index, long value) {
        SLOT.setOpaque(values, index, value);
    }
}
