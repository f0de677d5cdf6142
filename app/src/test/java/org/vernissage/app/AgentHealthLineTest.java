package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.System.Logger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.RestartPolicy;
import org.vernissage.engine.agent.SupervisedAgent;

/**
 * An agent's statistics line, over a real supervised agent on its own agent thread: nothing while
 * it is healthy; its errors per kind and restarts once it failed; "ended" when it stopped while its
 * part is open, and nothing once the part is closing.
 */
class AgentHealthLineTest {

    private static final Logger QUIET = System.getLogger(AgentHealthLineTest.class.getName());
    private static final RestartPolicy QUICK = new RestartPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));

    /** Fails its first {@code failures} duty cycles with an IOException, then works. */
    private static final class FailingAtFirst implements Agent {
        final AtomicInteger cycles = new AtomicInteger();
        final int failures;

        FailingAtFirst(int failures) {
            this.failures = failures;
        }

        @Override
        public int doWork() throws IOException {
            if (cycles.incrementAndGet() <= failures) {
                throw new IOException("socket closed under the receiver");
            }
            return 0;
        }

        @Override
        public String roleName() {
            return "tuio-3333";
        }
    }

    @Test
    void aHealthyAgentSaysNothing() throws InterruptedException {
        FailingAtFirst healthy = new FailingAtFirst(0);
        SupervisedAgent agent = new SupervisedAgent(healthy, QUICK, QUIET);
        AgentHealthLine line = new AgentHealthLine("TUIO udp 0.0.0.0:3333", () -> agent);
        try (AgentThread thread = AgentThread.parking("agent-line-test", Duration.ofMillis(1))) {
            thread.add(agent);
            Await.until(() -> healthy.cycles.get() > 10, "some duty cycles");
            assertEquals(List.of(), line.lines());
        }
    }

    @Test
    void aFailingAgentIsNamedWithItsErrorsPerKindAndItsRestarts() throws InterruptedException {
        FailingAtFirst failing = new FailingAtFirst(3); // three in a row: one restart, then it works
        SupervisedAgent agent = new SupervisedAgent(failing, QUICK, QUIET);
        AgentHealthLine line = new AgentHealthLine("TUIO udp 0.0.0.0:3333", () -> agent);
        try (AgentThread thread = AgentThread.parking("agent-line-test", Duration.ofMillis(1))) {
            thread.add(agent);
            Await.until(() -> agent.restarts() == 1 && failing.cycles.get() > 5, "a restart, then good cycles");
            assertEquals(List.of("TUIO udp 0.0.0.0:3333: agent errors 3 (IOException 3), restarts 1"), line.lines());
        }
    }

    @Test
    void anAgentWaitingOutItsBackOffSaysSo() throws InterruptedException {
        FailingAtFirst broken = new FailingAtFirst(Integer.MAX_VALUE);
        SupervisedAgent agent = new SupervisedAgent(broken,
                new RestartPolicy(3, Duration.ofSeconds(30), Duration.ofSeconds(30)), QUIET);
        AgentHealthLine line = new AgentHealthLine("OSC tcp 0.0.0.0:9001", () -> agent);
        try (AgentThread thread = AgentThread.parking("agent-line-test", Duration.ofMillis(1))) {
            thread.add(agent);
            Await.until(() -> agent.errors() == 3, "three failures in a row");
            assertEquals(List.of("OSC tcp 0.0.0.0:9001: agent errors 3 (IOException 3), restarts 0, waiting to restart"),
                    line.lines());
        }
    }

    @Test
    void anAgentThatEndedWhileItsPartIsOpenSaysSoAndNothingOnceThePartCloses() throws InterruptedException {
        Agent endsAtOnce = new Agent() {
            @Override
            public int doWork() {
                throw new AgentTerminationException("played to its end");
            }

            @Override
            public String roleName() {
                return "audio";
            }
        };
        SupervisedAgent agent = new SupervisedAgent(endsAtOnce, QUICK, QUIET);
        AgentHealthLine line = new AgentHealthLine("audio file room.wav", () -> agent);
        AgentThread thread = AgentThread.parking("agent-line-test", Duration.ofMillis(1));
        try {
            thread.add(agent);
            Await.until(() -> !thread.isAlive(), "the agent ended its thread");
            assertEquals(List.of("audio file room.wav: agent ended"), line.lines());
            line.partClosed();
            assertEquals(List.of(), line.lines(), "closed on purpose: nothing to say");
        } finally {
            thread.close();
        }
    }

    @Test
    void anAgentNotYetStartedSaysNothing() {
        assertEquals(List.of(), new AgentHealthLine("MIDI watchdog of nanoKONTROL", () -> null).lines());
    }
}
