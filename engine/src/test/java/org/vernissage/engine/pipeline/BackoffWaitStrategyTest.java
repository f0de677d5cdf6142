package org.vernissage.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ring's default wait: a consumer that went to sleep on an empty ring is woken by the next
 * publish, a consumer that is still backing off needs no wake-up, and a blocked consumer leaves
 * when the ring shuts down. Driven through the Disruptor's own interfaces with a real waiting
 * thread; the state between the calls is what the test controls.
 */
class BackoffWaitStrategyTest {

    private final BackoffWaitStrategy strategy = new BackoffWaitStrategy();
    private final Sequence cursor = new Sequence(-1);
    private final TestBarrier barrier = new TestBarrier();

    @Test
    void aSleepingConsumerIsWokenByThePublishThatItWaitsFor() throws Exception {
        CompletableFuture<Long> waited = waitInBackground(0);
        awaitBlocked(waited);

        cursor.set(0);
        strategy.signalAllWhenBlocking();

        assertEquals(0, waited.get(5, TimeUnit.SECONDS), "the consumer saw the published sequence");
    }

    @Test
    void aPublishThatArrivesDuringTheBackOffIsTakenWithoutAWakeUp() throws Exception {
        cursor.set(41);
        // Already published: returns at once, having never announced that it would block.
        assertEquals(41, strategy.waitFor(41, cursor, cursor, barrier));
        // No signal at all: a consumer still spinning (or not yet waiting) must find it by itself.
        // On a loaded machine the consumer may already have spun out and blocked before the
        // publish lands; then only a signal wakes it (as a real producer sends), and we try again.
        boolean foundWithoutSignal = false;
        for (long next = 42; next < 62 && !foundWithoutSignal; next++) {
            CompletableFuture<Long> waited = waitInBackground(next);
            cursor.set(next);
            try {
                assertEquals(next, waited.get(200, TimeUnit.MILLISECONDS));
                foundWithoutSignal = true;
            } catch (java.util.concurrent.TimeoutException blockedFirst) {
                strategy.signalAllWhenBlocking();
                assertEquals(next, waited.get(5, TimeUnit.SECONDS), "a signal wakes a blocked consumer");
            }
        }
        assertTrue(foundWithoutSignal, "in 20 tries the consumer never took an unsignalled publish");
    }

    @Test
    void aBlockedConsumerLeavesWhenTheRingShutsDown() throws Exception {
        CompletableFuture<Long> waited = waitInBackground(0);
        awaitBlocked(waited);

        barrier.alert(strategy);

        ExecutionException ended = assertThrows(ExecutionException.class,
                () -> waited.get(5, TimeUnit.SECONDS));
        assertTrue(ended.getCause() instanceof AlertException, String.valueOf(ended.getCause()));
    }

    private CompletableFuture<Long> waitInBackground(long sequence) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        Thread consumer = new Thread(() -> {
            try {
                result.complete(strategy.waitFor(sequence, cursor, cursor, barrier));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "test-consumer");
        consumer.setDaemon(true);
        consumer.start();
        return result;
    }

    /**
     * Waits until the consumer has given up spinning (far longer than {@link
     * BackoffWaitStrategy#SPIN_NANOS}) and still has nothing: then only a signal can wake it.
     */
    private static void awaitBlocked(CompletableFuture<Long> waited) throws InterruptedException {
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(BackoffWaitStrategy.SPIN_NANOS) + 50);
        assertTrue(!waited.isDone(), "nothing was published, so the consumer must still be waiting");
    }

    /** The part of a Disruptor barrier the strategy uses: the alert a shutdown raises. */
    private static final class TestBarrier implements SequenceBarrier {
        private volatile boolean alerted;

        void alert(BackoffWaitStrategy strategy) {
            alerted = true;
            strategy.signalAllWhenBlocking(); // as the Disruptor's barrier does on alert
        }

        @Override
        public long waitFor(long sequence) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long getCursor() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isAlerted() {
            return alerted;
        }

        @Override
        public void alert() {
            alerted = true;
        }

        @Override
        public void clearAlert() {
            alerted = false;
        }

        @Override
        public void checkAlert() throws AlertException {
            if (alerted) {
                throw AlertException.INSTANCE;
            }
        }
    }
}
