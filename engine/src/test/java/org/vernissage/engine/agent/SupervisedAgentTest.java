package org.vernissage.engine.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.RecordingLog;

/**
 * The error policy on real agent threads: an error is counted per kind and logged once, the agent
 * goes on; repeated failures restart it (onClose, back-off, onStart); agents sharing a thread are
 * not held up by one that fails; an agent may end its own thread.
 */
class SupervisedAgentTest {

    private static final RestartPolicy FAST = new RestartPolicy(3, Duration.ofMillis(5), Duration.ofMillis(40));

    private final RecordingLog log = new RecordingLog();

    @Test
    void anOccasionalErrorIsCountedPerKindLoggedOnceAndTheAgentGoesOn() throws Exception {
        Scripted scripted = new Scripted("odd", cycle -> cycle % 4 == 0 ? new IllegalStateException("fourth " + cycle)
                : cycle % 4 == 2 ? new ArithmeticException("second") : null);
        SupervisedAgent agent = new SupervisedAgent(scripted, FAST, log);
        try (AgentThread thread = AgentThread.parking("test-odd", Duration.ofMillis(1))) {
            thread.add(agent);
            await(() -> scripted.cycles.get() >= 200);
        }
        assertEquals(0, agent.restarts(), "never two failures in a row");
        assertTrue(agent.errors(IllegalStateException.class) >= 49, agent.errorsByKind().toString());
        assertTrue(agent.errors(ArithmeticException.class) >= 49, agent.errorsByKind().toString());
        assertEquals(agent.errors(), agent.errors(IllegalStateException.class) + agent.errors(ArithmeticException.class));
        assertEquals(List.of("java.lang.IllegalStateException", "java.lang.ArithmeticException"),
                List.copyOf(agent.errorsByKind().keySet()));
        assertEquals(2, log.at(System.Logger.Level.WARNING).size(), () -> log.lines().toString());
        assertEquals(2, log.at(System.Logger.Level.DEBUG).size(), "one stack trace per kind, at debug level");
        assertEquals(AgentState.CLOSED, agent.state());
    }

    @Test
    void anAgentThatKeepsFailingIsRestartedWithBackoffAndRecovers() throws Exception {
        AtomicInteger failUntil = new AtomicInteger(Integer.MAX_VALUE);
        Scripted scripted = new Scripted("broken",
                cycle -> cycle < failUntil.get() ? new java.io.IOException("socket gone") : null);
        SupervisedAgent agent = new SupervisedAgent(scripted, FAST, log);
        try (AgentThread thread = AgentThread.parking("test-broken", Duration.ofMillis(1))) {
            thread.add(agent);
            await(() -> agent.restarts() >= 4);
            failUntil.set(0); // the device is back
            await(() -> scripted.successes.get() >= 10);
            long restarts = agent.restarts();
            Thread.sleep(50);
            assertEquals(restarts, agent.restarts(), "no more restarts once it works");
            // Read once no restart is in flight: while one is, the count has moved and the start not yet.
            assertEquals(restarts + 1, scripted.starts.get(), "each restart started it again");
            assertTrue(scripted.closes.get() >= restarts, "and closed it first");
            assertEquals(AgentState.RUNNING, agent.state());
        }
        assertEquals(1, log.warningsContaining("socket gone").size(), () -> log.lines().toString());
        assertEquals(1, log.warningsContaining("restarted after 3 failures").size(), () -> log.lines().toString());
    }

    @Test
    void oneFailingAgentDoesNotHoldUpTheOthersOnItsThread() throws Exception {
        Scripted broken = new Scripted("broken", cycle -> new IllegalStateException("always"));
        Scripted healthy = new Scripted("healthy", cycle -> null);
        SupervisedAgent failing = new SupervisedAgent(broken, FAST, log);
        SupervisedAgent working = new SupervisedAgent(healthy, FAST, log);
        try (AgentThread thread = AgentThread.parking("test-shared", Duration.ofMillis(1))) {
            thread.add(failing);
            thread.add(working);
            await(() -> healthy.successes.get() >= 500 && failing.restarts() >= 2);
            assertEquals(2, thread.health().size());
            thread.remove(failing);
            assertEquals(AgentState.CLOSED, failing.state());
            long before = healthy.successes.get();
            await(() -> healthy.successes.get() > before + 100);
        }
        assertEquals(0, working.errors());
    }

    @Test
    void anAgentEndsItsOwnThreadWithAgentTerminationException() throws Exception {
        Scripted ending = new Scripted("ending", cycle -> cycle == 5 ? new AgentTerminationException("done") : null);
        SupervisedAgent agent = new SupervisedAgent(ending, FAST, log);
        AgentThread thread = AgentThread.parking("test-ending", Duration.ofMillis(1));
        thread.add(agent);
        await(() -> !thread.isAlive());
        assertEquals(0, agent.errors());
        assertEquals(1, ending.closes.get());
        thread.close();
        assertFalse(thread.isAlive());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(1);
        }
    }

    /** An agent whose cycle {@code n} throws what the script says (or works when it says null). */
    private static final class Scripted implements Agent {
        final String name;
        final java.util.function.IntFunction<Exception> script;
        final AtomicInteger cycles = new AtomicInteger();
        final AtomicInteger successes = new AtomicInteger();
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();

        Scripted(String name, java.util.function.IntFunction<Exception> script) {
            this.name = name;
            this.script = script;
        }

        @Override
        public void onStart() {
            starts.incrementAndGet();
        }

        @Override
        public int doWork() throws Exception {
            Exception failure = script.apply(cycles.getAndIncrement());
            if (failure != null) {
                throw failure;
            }
            successes.incrementAndGet();
            return 0;
        }

        @Override
        public void onClose() {
            closes.incrementAndGet();
        }

        @Override
        public String roleName() {
            return name;
        }
    }
}
