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
class ThreadSchedulingTest {

    @BeforeAll
    static void onLinux() {
        assumeTrue(SchedulingPolicy.readable(), "SCHED_IDLE is Linux's");
        assumeTrue(SchedulingPolicy.ofCallingThread() != SchedulingPolicy.IDLE, "the tests themselves run in SCHED_IDLE");
    }

    @Test
    void lowersOnlyTheCallingThread() throws Exception {
        int own = SchedulingPolicy.ofCallingThread();
        int[] idle = lowerANewThread();
        assertEquals(own, idle[0], "a new thread starts in its parent's class");
        assertEquals(SchedulingPolicy.IDLE, idle[1], "after lowering, the kernel schedules it in SCHED_IDLE");
        assertEquals(own, SchedulingPolicy.ofCallingThread(), "the test's own thread is not lowered");
    }

    /** A new thread's class before and after it lowers itself (-1: lowering failed). */
    private static int[] lowerANewThread() throws Exception {
        CompletableFuture<int[]> policies = new CompletableFuture<>();
        new Thread(() -> {
            int before = SchedulingPolicy.ofCallingThread();
            Optional<String> failure = ThreadScheduling.lowerCallingThread();
            policies.complete(new int[] {before, failure.isEmpty() ? SchedulingPolicy.ofCallingThread() : -1});
        }, "thread-scheduling-test").start();
        return policies.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aBackgroundAgentThreadRunsItsAgentsInSchedIdleAndAnOrdinaryOneDoesNot() throws Exception {
        assertEquals(SchedulingPolicy.IDLE,
                policySeenBy(AgentThread.parking("thread-scheduling-bg", Duration.ofMillis(1), true)));
        assertEquals(SchedulingPolicy.ofCallingThread(),
                policySeenBy(AgentThread.parking("thread-scheduling-normal", Duration.ofMillis(1))));
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
            }, System.getLogger(ThreadSchedulingTest.class.getName())));
            return policy.get(5, TimeUnit.SECONDS);
        }
    }
}
