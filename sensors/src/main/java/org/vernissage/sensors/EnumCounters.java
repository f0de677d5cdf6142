package org.vernissage.sensors;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * One counter per constant of an enum, with one writer and any number of readers: the storage
 * under every source's statistics. A stats class declares its counters once, as an enum (its
 * totals, or the reasons it counts per), instead of index constants and offsets.
 *
 * <p>One writer means a plain read-add-write is exact, and opaque access is all a reader needs to
 * see each counter progress: no lock, no CAS, no allocation (a {@code LongAdder} would allocate).
 * Counters are read one at a time, so several readings are not one atomic snapshot.
 *
 * <p>{@link #add}, {@link #increment} and {@link #set} are called only by the owning source's
 * thread; {@link #get} by any thread. Owned by the stats object that declares it.
 *
 * @param <K> the enum naming the counters
 */
public final class EnumCounters<K extends Enum<K>> {

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] values;

    /** A counter per constant of {@code keys}, each starting at 0. */
    public EnumCounters(Class<K> keys) {
        this.values = new long[Objects.requireNonNull(keys, "keys").getEnumConstants().length];
    }

    /** Counter {@code key} as last written. Any thread. */
    public long get(K key) {
        return (long) SLOT.getOpaque(values, key.ordinal());
    }

    /** Adds 1 to counter {@code key}. Writer thread only. */
    public void increment(K key) {
        add(key, 1);
    }

    /** Adds {@code n} (negative for a gauge going down) to counter {@code key}. Writer thread only. */
    public void add(K key, long n) {
        int index = key.ordinal();
        SLOT.setOpaque(values, index, values[index] + n);
    }

    /** Sets counter {@code key} (a time, a peak). Writer thread only. */
    public void set(K key, long value) {
        SLOT.setOpaque(values, key.ordinal(), value);
    }
}
