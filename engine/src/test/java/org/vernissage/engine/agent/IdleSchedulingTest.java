package org.vernissage.engine.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.Agent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Background threads land in SCHED_IDLE, as the kernel reports it; the caller's own thread is untouched. */
class IdleSchedulingTest {

    @BeforeAll
    static void onLinux() {
        assumeTrue(SchedulingPolicy.readable(), "SCHED_IDLE is Linux's");
        assumeTrue(SchedulingPolicy.ofCallingThread() != SchedulingPolicy.IDLE, "the tests themselves run in SCHED_IDLE");
    }

    @Test
    void lowersOnlyTheCallingThread() throws Exception {
        CompletableFuture<int[]> policies = new CompletableFuture<>();
        Thread lowered = new Thread(() -> {
            int before = SchedulingPolicy.ofCallingThread();
            Optional<String> failure = IdleScheduling.lowerCallingThread();
            policies.complete(new int[] {before, failure.isEmpty() ? SchedulingPolicy.ofCallingThread() : -1});
        }, "idle-scheduling-test");
        lowered.start();
        int[] seen = policies.get(5, TimeUnit.SECONDS);
        int own = SchedulingPolicy.ofCallingThread();
        assertEquals(own, seen[0], "a new thread starts in its parent's class");
        assertEquals(SchedulingPolicy.IDLE, seen[1], "after lowering, the kernel schedules it in SCHED_IDLE");
        assertEquals(own, SchedulingPolicy.ofCallingThread(), "the test's own thread is not lowered");
    }

    @Test
    void aBackgroundAgentThreadRunsItsAgentsInSchedIdleAndAnOrdinaryOneDoesNot() throws Exception {
        assertEquals(SchedulingPolicy.IDLE,
                policySeenBy(AgentThread.parkingInBackground("idle-scheduling-bg", Duration.ofMillis(1))));
        assertEquals(SchedulingPolicy.ofCallingThread(),
                policySeenBy(AgentThread.parking("idle-scheduling-normal", Duration.ofMillis(1))));
    }

    private static int policySeenBy(AgentThread thread) throws Exception {
        CompletableFuture<Integer> policy = new CompletableFuture<>();
        try (thread) {
            thread.add(new SupervisedAgent(new Agent() {
                @Override
                public int doWork() {
                    policy.complete(SchedulingPolicy.ofCallingThread());
                    return 0;
                }

                @Override
                public String roleName() {
                    return "policy reader";
                }
            }, System.getLogger(IdleSchedulingTest.class.getName())));
            return policy.get(5, TimeUnit.SECONDS);
        }
    }
}
