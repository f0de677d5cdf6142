package org.vernissage.engine.agent;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Idles by parking the thread for a fixed time: for agents whose duty is paced by time rather
 * than input (a device watchdog looking once a second, a disk writer polling its queue). Closing
 * unparks the thread at once.
 *
 * <p>{@link #idle} runs on the agent's thread; {@link #wake()} on any. Owned by its
 * {@link AgentThread}.
 */
public final class ParkingIdleStrategy implements WakeableIdleStrategy {

    private final long parkNanos;
    private volatile Thread thread;
    private volatile boolean closing;

    public ParkingIdleStrategy(Duration park) {
        this.parkNanos = Math.max(1, park.toNanos());
    }

    @Override
    public void idle() {
        if (closing) {
            Thread.onSpinWait();
            return;
        }
        thread = Thread.currentThread();
        LockSupport.parkNanos(this, parkNanos);
    }

    @Override
    public void wake() {
        Thread parked = thread;
        if (parked != null) {
            LockSupport.unpark(parked);
        }
    }

    @Override
    public void closing() {
        closing = true;
        wake();
    }

    @Override
    public String alias() {
        return "parking";
    }
}
