package org.vernissage.engine.agent;

import org.agrona.concurrent.IdleStrategy;

/**
 * An Agrona {@link IdleStrategy} that another thread can cut short, so that closing an
 * {@link AgentThread} does not wait out a long idle (a selector's timeout, a watchdog's interval).
 *
 * <p>{@link #idle} is called on the agent's thread; {@link #wake()} and {@link #closing()} by any
 * thread. Owned by its {@link AgentThread}.
 */
public interface WakeableIdleStrategy extends IdleStrategy {

    /** Idles only when the duty cycle found nothing to do; work runs the next cycle at once. */
    @Override
    default void idle(int workCount) {
        if (workCount == 0) {
            idle();
        }
    }

    /** No back-off state to reset: every idle is one wait. */
    @Override
    default void reset() {
    }

    /** Ends the current idle (or the next one, if none is in progress) at once. */
    void wake();

    /** From now on idles return at once: the thread is about to stop. */
    void closing();
}
