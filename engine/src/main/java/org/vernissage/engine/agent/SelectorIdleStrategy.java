package org.vernissage.engine.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Idles on a {@link Selector}: when a duty cycle found nothing to do, the thread sleeps in
 * {@code select} until one of the channels registered with it (by the agents sharing the thread)
 * has input, or the timeout passes. So input wakes the agent as promptly as a blocking receive
 * would, an idle agent costs no CPU, and the agents' duty cycles still return (the timeout bounds
 * how long a restart or a timer waits). A duty cycle that did work does not idle at all.
 *
 * <p>The selector is only a wake-up: readiness is not dispatched here (agents read their channels
 * themselves, non-blocking), and {@code select(Consumer, timeout)} keeps no selected-key set, so
 * an idle allocates nothing. A selector that fails is logged once and the idle becomes a short
 * park: the thread and its agents go on.
 *
 * <p>{@link #idle} runs on the agent's thread; {@link #wake()} on any. Owned by its
 * {@link AgentThread}, which closes the selector.
 */
public final class SelectorIdleStrategy implements WakeableIdleStrategy {

    private static final Consumer<SelectionKey> WAKE_ONLY = key -> { };
    private static final long FAILED_PARK_NANOS = 10_000_000;
    private static final Logger LOG = System.getLogger(SelectorIdleStrategy.class.getName());

    private final Selector selector;
    private final long timeoutMillis;
    private volatile boolean closing;
    private boolean failureLogged; // agent thread only

    public SelectorIdleStrategy(Duration timeout) {
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector: " + e.getMessage(), e);
        }
    }

    /** The selector agents register their channels with (for reading only). */
    public Selector selector() {
        return selector;
    }

    @Override
    public void idle() {
        if (closing) {
            Thread.onSpinWait();
            return;
        }
        try {
            selector.select(WAKE_ONLY, timeoutMillis);
        } catch (IOException | ClosedSelectorException e) {
            if (!failureLogged) {
                failureLogged = true;
                LOG.log(Level.WARNING, Thread.currentThread().getName() + ": waiting on its selector failed ("
                        + e + "); it polls every 10 ms instead; logged once");
            }
            LockSupport.parkNanos(FAILED_PARK_NANOS);
        }
    }

    @Override
    public void wake() {
        selector.wakeup();
    }

    @Override
    public void closing() {
        closing = true;
        selector.wakeup();
    }

    /** Closes the selector, once the thread has stopped. */
    void close() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // stopping: nothing left to do with it
        }
    }

    @Override
    public String alias() {
        return "selector";
    }
}
