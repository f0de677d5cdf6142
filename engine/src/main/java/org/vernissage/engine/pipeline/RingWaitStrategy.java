package org.vernissage.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import java.util.Locale;

/**
 * How the ring's consumers wait for events. Spinning strategies are fastest but burn a core each;
 * on a two-core gallery PC at most one spinner fits beside the render thread. The default,
 * {@link #HOSTED}, lets the conductor's thread run the socket receivers itself while it waits
 * (see {@link HostingWaitStrategy}): a datagram is received, decoded, published and applied on one
 * thread, with no hand-off between threads, and the thread sleeps in {@code select} when there is
 * nothing; the receivers must be started on {@link InputRing#receiverHost()} (the app does this
 * for OSC over UDP). {@link #BACKOFF}, the default before, spins for 5 us, then blocks (see
 * {@link BackoffWaitStrategy}); receivers then run on threads of their own, and every datagram
 * costs a wake-up of the conductor. {@link #BLOCKING} wakes the consumer for every event.
 * Measured in {@code docs/performance.md}.
 *
 * <p>Immutable; chosen once in the engine's configuration.
 */
public enum RingWaitStrategy {
    BACKOFF,
    HOSTED,
    BLOCKING,
    SLEEPING,
    YIELDING,
    BUSY_SPIN;

    /** A new Disruptor wait strategy of this kind (each ring needs its own instance). */
    public WaitStrategy create() {
        return switch (this) {
            case BACKOFF -> new BackoffWaitStrategy();
            case HOSTED -> new HostingWaitStrategy();
            case BLOCKING -> new BlockingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BUSY_SPIN -> new BusySpinWaitStrategy();
        };
    }

    /** What a run uses unless told otherwise. */
    public static final RingWaitStrategy DEFAULT = HOSTED;

    /** The lower-case, dash-separated name used on the command line, e.g. {@code busy-spin}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
