package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.RecordingLog;

/** The mailbox on its own, drained by the test thread as the render loop would (no GL). */
class RenderMailboxTest {

    /** A control that records resizes; the render loop's is tested with GL in RenderOutputsTest. */
    private static final class Sizes implements RenderControl {
        final List<String> resized = new ArrayList<>();

        @Override
        public RenderTarget canvas() {
            throw new UnsupportedOperationException("no canvas in this test");
        }

        @Override
        public long nextFrameIndex() {
            return 7;
        }

        @Override
        public void resizeCanvas(int width, int height) {
            resized.add(width + "x" + height);
        }
    }

    private final RecordingLog log = new RecordingLog();

    @Test
    void aFullMailboxRefusesCountsAndLogsOnce() {
        RenderMailbox mailbox = new RenderMailbox(4, log);
        AtomicInteger runs = new AtomicInteger();

        for (int i = 0; i < 4; i++) {
            assertTrue(mailbox.post(control -> runs.incrementAndGet()), "task " + i + " fits");
        }
        assertFalse(mailbox.post(control -> runs.incrementAndGet()), "a fifth does not");
        assertFalse(mailbox.post(control -> runs.incrementAndGet()));

        assertEquals(4, mailbox.posted());
        assertEquals(2, mailbox.refused());
        assertEquals(1, log.at(Level.WARNING).size(), log.lines().toString());
        assertTrue(log.lines().get(0).contains("mailbox is full (4 tasks)"), log.lines().toString());

        assertEquals(4, mailbox.drain(new Sizes()));
        assertEquals(4, runs.get());
        assertEquals(4, mailbox.ran());
        assertTrue(mailbox.post(control -> runs.incrementAndGet()), "room again once drained");
        assertEquals("render mailbox: posted 5, ran 4, failed 0, refused 2", mailbox.describe());
    }

    @Test
    void tasksRunInTheOrderTheyWerePostedWithTheLoopsControl() {
        RenderMailbox mailbox = new RenderMailbox(8, log);
        Sizes sizes = new Sizes();
        List<Long> seenFrames = new ArrayList<>();

        mailbox.postResize(32, 18);
        mailbox.post(control -> seenFrames.add(control.nextFrameIndex()));
        mailbox.postResize(16, 9);
        mailbox.drain(sizes);

        assertEquals(List.of("32x18", "16x9"), sizes.resized);
        assertEquals(List.of(7L), seenFrames);
        assertThrows(IllegalArgumentException.class, () -> mailbox.postResize(0, 9),
                "an impossible size is refused to the poster, before it reaches the render thread");
    }

    @Test
    void aTaskThatThrowsIsCountedLoggedOncePerKindAndTheRestRun() {
        RenderMailbox mailbox = new RenderMailbox(16, log);
        AtomicInteger runs = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            mailbox.post(control -> {
                throw new IllegalStateException("a shader swap that went wrong");
            });
            mailbox.post(control -> runs.incrementAndGet());
        }
        mailbox.post(control -> {
            throw new java.io.IOException("weights unreadable");
        });

        assertEquals(7, mailbox.drain(new Sizes()));

        assertEquals(3, runs.get());
        assertEquals(3, mailbox.ran());
        assertEquals(4, mailbox.failed());
        assertEquals(2, log.at(Level.WARNING).size(), "one line per kind of failure: " + log.lines());
        assertTrue(log.lines().get(0).contains("IllegalStateException: a shader swap that went wrong"), log.lines().toString());
    }

    @Test
    void aDrainRunsAtMostOneMailboxFullSoAPosterCannotHoldAFrame() {
        RenderMailbox mailbox = new RenderMailbox(4, log);
        AtomicInteger runs = new AtomicInteger();
        // Each task posts another: drained without a limit this would never end.
        RenderTask[] again = new RenderTask[1];
        again[0] = control -> {
            runs.incrementAndGet();
            mailbox.post(again[0]);
        };
        mailbox.post(again[0]);

        assertEquals(4, mailbox.drain(new Sizes()));
        assertEquals(4, runs.get());
        assertEquals(1, mailbox.posted() - mailbox.ran(), "the one posted last waits for the next frame");
        assertEquals(4, mailbox.drain(new Sizes()));
        assertEquals(8, runs.get());
    }

    @Test
    void manyThreadsPostingAtOnceLoseNothingButWhatIsCounted() throws Exception {
        RenderMailbox mailbox = new RenderMailbox(64, log);
        AtomicInteger runs = new AtomicInteger();
        int threads = 4;
        int each = 5_000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread poster = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    mailbox.post(control -> runs.incrementAndGet());
                }
                done.countDown();
            }, "poster-" + t);
            poster.setDaemon(true);
            poster.start();
        }
        Sizes sizes = new Sizes();
        while (done.getCount() > 0) {
            mailbox.drain(sizes);
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        while (mailbox.drain(sizes) > 0) {
            // the last few
        }

        assertEquals(threads * each, mailbox.posted() + mailbox.refused());
        assertEquals(mailbox.posted(), runs.get(), "every accepted task ran exactly once");
        assertEquals(mailbox.posted(), mailbox.ran());
    }
}
