package org.vernissage.engine.agent;

/**
 * What a socket agent offers a host that could sleep in the agent's own blocking receive instead
 * of a selector: a host's only datagram socket needs no selector to wake it, and a blocking
 * receive is one system call per datagram where a selector wake-up is two (the wait, then the
 * receive), with a longer path through the kernel (measured in {@code docs/performance.md}, issue
 * 8). The host decides ({@link AgentHost#add(SupervisedAgent, DirectWait)}); the agent then keeps
 * its channel off the host's selector while {@link AgentHost#waitsOn} says so, and blocks in its
 * receive only in a duty cycle the host runs as its sleep ({@link AgentHost#sleepingCycle()}).
 *
 * <p>Threads: {@link #canWait()} is called by the host thread; {@link #wake()} by any thread (a
 * producer that handed the host work).
 */
public interface DirectWait {

    /**
     * Whether the agent's socket can be slept in now: open, and the agent running (not between a
     * failure and its restart, when the host sleeps on its selector with a timeout instead).
     */
    boolean canWait();

    /** Ends a receive the host sleeps in, with a datagram of the agent's own (never handed on as input). */
    void wake();
}
