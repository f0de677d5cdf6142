package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.SnapshotExchange;

/** The render thread's loop on a real headless context: time, late latching, stopping, lifecycle. */
class RenderLoopTest {

    private static final int SIZE = 64;

    @RegisterExtension
    static final HeadlessGl GL = new HeadlessGl(SIZE);

    @TempDir
    Path temp;

    /** Counts lifecycle calls and forwards them; a test double around any artwork. */
    private static final class CountingArtwork implements Artwork {
        private final Artwork delegate;
        int setups;
        int updates;
        int renders;
        int disposes;

        CountingArtwork(Artwork delegate) {
            this.delegate = delegate;
        }

        @Override
        public void setup(RenderTarget target) throws ArtworkException {
            setups++;
            delegate.setup(target);
        }

        @Override
        public void update(FrameInfo frame, ParameterSnapshot parameters) {
            updates++;
            delegate.update(frame, parameters);
        }

        @Override
        public void render(FrameInfo frame, RenderTarget target) {
            renders++;
            delegate.render(frame, target);
        }

        @Override
        public void dispose() {
            disposes++;
            delegate.dispose();
        }
    }

    /** An artwork that cannot be set up. */
    private static final class BrokenArtwork implements Artwork {
        @Override
        public void setup(RenderTarget target) throws ArtworkException {
            throw new ArtworkException("broken.frag:3: error: the test says no");
        }

        @Override
        public void update(FrameInfo frame, ParameterSnapshot parameters) {
            throw new AssertionError("update after a failed setup");
        }

        @Override
        public void render(FrameInfo frame, RenderTarget target) {
            throw new AssertionError("render after a failed setup");
        }

        @Override
        public void dispose() {
        }
    }

    private record Seen(long index, double time, double delta, int width, int height, float level, int red, int green) {
    }

    private FragmentShaderArtwork levelArtwork(String name) throws Exception {
        ArtworkManifest manifest = levelManifest(name);
        return new FragmentShaderArtwork(manifest, manifest.layout());
    }

    private ArtworkManifest levelManifest(String name) throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, name, "main.frag", """
                [{"name": "level", "type": "float", "min": 0, "max": 1, "default": 0.9}]""")
                .file("main.frag", """
                        uniform float level;
                        uniform float TIME;
                        out vec4 fragColor;
                        void main() { fragColor = vec4(level, TIME, 0.0, 1.0); }
                        """);
        return folder.load();
    }

    @Test
    void steppedFramesHaveExactTimesAndSeeTheValuePublishedBeforeThem() throws Exception {
        ArtworkManifest manifest = levelManifest("stepped");
        ParameterLayout layout = manifest.layout();
        float[] values = new float[layout.slotCount()];
        layout.copyDefaultsInto(values);
        SnapshotExchange exchange = new SnapshotExchange(values);
        CountingArtwork artwork = new CountingArtwork(new FragmentShaderArtwork(manifest, layout));
        List<Seen> seen = new ArrayList<>();
        float[] next = new float[1];
        FrameListener listener = (frame, parameters, image) -> {
            RgbaImage drawn = TestArtworkFolder.read(image);
            seen.add(new Seen(frame.index(), frame.timeSeconds(), frame.deltaSeconds(), frame.width(),
                    frame.height(), parameters.value(0), drawn.channel(SIZE / 2, SIZE / 2, 0),
                    drawn.channel(SIZE / 2, SIZE / 2, 1)));
            // Runs on the render thread before the next frame latches: frame k+1 must see it.
            next[0] = (frame.index() + 1) / 10f;
            exchange.publish(next, frame.index() + 1, 0);
        };
        next[0] = 0f;
        exchange.publish(next, 0, 0); // frame 0 sees 0.0, not the default 0.9
        ManualClock clock = new ManualClock(5_000_000_000L); // a run need not start at 0
        FrameStats stats = new FrameStats();
        RenderLoop loop = new RenderLoop(GL.context(), artwork, exchange, new SteppedPacer(clock, 10), stats,
                List.of(listener), SIZE, SIZE);

        loop.run(5);

        assertEquals(5, seen.size());
        for (int k = 0; k < 5; k++) {
            Seen frame = seen.get(k);
            assertEquals(k, frame.index());
            assertEquals(k / 10.0, frame.time(), 0.0, "frame " + k + " time is exactly k / fps");
            assertEquals(k == 0 ? 0.0 : 0.1, frame.delta(), 1e-12, "frame " + k + " delta");
            assertEquals(SIZE, frame.width());
            assertEquals(SIZE, frame.height());
            assertEquals(k / 10f, frame.level(), "frame " + k + " latched the value published before it");
            assertEquals(Math.round(k / 10f * 255), frame.red(), 1, "frame " + k + " was drawn with that value");
            assertEquals(Math.round(k / 10f * 255), frame.green(), 1, "frame " + k + " TIME uniform");
        }
        assertEquals(5_000_000_000L + 400_000_000L, clock.nanos());
        assertEquals(1, artwork.setups);
        assertEquals(5, artwork.updates);
        assertEquals(5, artwork.renders);
        assertEquals(1, artwork.disposes, "the artwork is disposed when the run ends");
        assertEquals(5, stats.frames());
        assertEquals(0, stats.droppedFrames());
    }

    @Test
    void eachFrameSaysWhenItLatchedItsParameters() throws Exception {
        SnapshotExchange exchange = new SnapshotExchange(new float[] {0f});
        long[] published = new long[6];
        long[] latched = new long[6];
        long[] listened = new long[6];
        float[] level = new float[6];
        float[] next = new float[1];
        FrameListener listener = (frame, parameters, image) -> {
            int k = (int) frame.index();
            latched[k] = frame.latchedNanos();
            listened[k] = System.nanoTime();
            level[k] = parameters.value(0);
            next[0] = k + 1;
            exchange.publish(next, k + 1, 0);
            published[k + 1] = System.nanoTime();
        };
        long before = System.nanoTime();
        new RenderLoop(GL.context(), levelArtwork("latched"), exchange, new RealTimePacer(new SystemClock(), 240),
                new FrameStats(), List.of(listener), SIZE, SIZE).run(5);

        assertTrue(latched[0] >= before, "frame 0 latched during the run");
        for (int k = 0; k < 5; k++) {
            assertTrue(latched[k] <= listened[k], "frame " + k + " latched before it reached its listener");
            if (k > 0) {
                assertTrue(latched[k] > published[k], "frame " + k + " latched after the value published for it");
                assertEquals(k, level[k], "so frame " + k + " holds that value");
            }
        }
    }

    @Test
    void requestStopFromAnotherThreadEndsAnUnboundedRealTimeRun() throws Exception {
        CountingArtwork artwork = new CountingArtwork(levelArtwork("unbounded"));
        SnapshotExchange exchange = new SnapshotExchange(new float[] {0.5f});
        AtomicLong framesDone = new AtomicLong();
        AtomicLong framesWhenStopped = new AtomicLong(-1);
        CountDownLatch threeFrames = new CountDownLatch(3);
        FrameListener listener = (frame, parameters, image) -> {
            long done = framesDone.incrementAndGet();
            threeFrames.countDown();
            long stoppedAt = framesWhenStopped.get();
            if (stoppedAt >= 0 && done > stoppedAt + 500) {
                throw new AssertionError("the loop kept rendering " + (done - stoppedAt) + " frames after requestStop");
            }
        };
        RenderLoop loop = new RenderLoop(GL.context(), artwork, exchange, new RealTimePacer(new SystemClock(), 240),
                new FrameStats(), List.of(listener), SIZE, SIZE);
        AtomicReference<Throwable> stopperFailure = new AtomicReference<>();
        Thread stopper = new Thread(() -> {
            try {
                if (!threeFrames.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("the loop never made three frames");
                }
                loop.requestStop();
                framesWhenStopped.set(framesDone.get());
            } catch (Throwable t) {
                stopperFailure.set(t);
                framesWhenStopped.set(0); // makes the listener end a run that would never stop
            }
        }, "render-loop-stopper");
        stopper.setDaemon(true);
        stopper.start();

        loop.run(0);

        stopper.join(TimeUnit.SECONDS.toMillis(10));
        assertNull(stopperFailure.get());
        long stoppedAt = framesWhenStopped.get();
        assertTrue(stoppedAt >= 3, "stopped after " + stoppedAt + " frames");
        assertTrue(framesDone.get() <= stoppedAt + 1,
                "at most the frame in progress finishes after requestStop: " + stoppedAt + " then " + framesDone.get());
        assertEquals(1, artwork.disposes);
    }

    @Test
    void theArtworkIsDisposedEvenWhenSetupFails() {
        CountingArtwork artwork = new CountingArtwork(new BrokenArtwork());
        List<Long> frames = new ArrayList<>();
        RenderLoop loop = new RenderLoop(GL.context(), artwork, new SnapshotExchange(new float[0]),
                new SteppedPacer(new ManualClock(0), 10), new FrameStats(),
                List.of((frame, parameters, image) -> frames.add(frame.index())), SIZE, SIZE);

        ArtworkException e = assertThrows(ArtworkException.class, () -> loop.run(5));

        assertEquals("broken.frag:3: error: the test says no", e.getMessage());
        assertEquals(1, artwork.setups);
        assertEquals(1, artwork.disposes);
        assertEquals(0, artwork.updates);
        assertEquals(0, artwork.renders);
        assertTrue(frames.isEmpty(), "no frame is shown from an artwork that did not set up");
    }

    @Test
    void aShaderThatDoesNotBuildFailsTheRunAndStillDisposes() throws Exception {
        TestArtworkFolder folder = TestArtworkFolder.create(temp, "broken-shader", "main.frag", "[]")
                .file("main.frag", """
                        out vec4 fragColor;
                        void main() { fragColor = vec4(nothingHere); }
                        """);
        ArtworkManifest manifest = folder.load();
        CountingArtwork artwork = new CountingArtwork(new FragmentShaderArtwork(manifest, manifest.layout()));
        RenderLoop loop = new RenderLoop(GL.context(), artwork, new SnapshotExchange(new float[0]),
                new SteppedPacer(new ManualClock(0), 10), new FrameStats(), List.of(), SIZE, SIZE);

        ShaderBuildException e = assertThrows(ShaderBuildException.class, () -> loop.run(1));

        assertTrue(e.getMessage().contains("main.frag:2"), e.getMessage());
        assertEquals(1, artwork.disposes);
        assertEquals(0, artwork.renders);
    }
}
