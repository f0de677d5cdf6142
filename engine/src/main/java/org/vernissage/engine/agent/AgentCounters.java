package org.vernissage.engine.agent;

import java.nio.ByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

/**
 * The counters of a group of agents, kept the way Agrona keeps them: an Agrona
 * {@link CountersManager} over two fixed buffers (labels and values), handing out
 * {@link AtomicCounter}s that one thread writes (with ordered stores, no allocation) and any thread
 * reads. A statistics line or a test can read every counter by its label through {@link #reader()}.
 *
 * <p>Allocation of counters ({@link #newCounter}) is synchronized: agents are built on the wiring
 * thread, but a group may be shared. Owned by whoever builds the agents (one per run, or one per
 * agent when nobody shares one).
 */
public final class AgentCounters {

    /** Enough for the agents of one show (three counters each) with room to spare. */
    public static final int DEFAULT_CAPACITY = 256;

    private final CountersManager manager;

    public AgentCounters() {
        this(DEFAULT_CAPACITY);
    }

    public AgentCounters(int capacity) {
        UnsafeBuffer metadata = new UnsafeBuffer(
                ByteBuffer.allocateDirect(capacity * CountersReader.METADATA_LENGTH));
        UnsafeBuffer values = new UnsafeBuffer(
                ByteBuffer.allocateDirect(capacity * CountersReader.COUNTER_LENGTH));
        this.manager = new CountersManager(metadata, values);
    }

    /** A new counter starting at 0, named {@code label}. */
    public synchronized AtomicCounter newCounter(String label) {
        return manager.newCounter(label);
    }

    /** Every counter with its label, for any thread. */
    public CountersReader reader() {
        return manager;
    }
}
