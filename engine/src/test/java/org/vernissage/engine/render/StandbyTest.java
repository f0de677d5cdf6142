package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.SnapshotExchange;

/**
 * Closing hours on the render thread: the frame fades to black over the fade time, the artwork is
 * not drawn in standby, and opening draws it again at full level. Real GL (headless), stepped time.
 */
class StandbyTest {

    private static final int SIZE = 16;
    private static final long FRAME_NANOS = 1_000_000_000L / 30;
    private static final String RED = """
            out vec4 fragColor;
            void main() { fragColor = vec4(1.0, 0.0, 0.0, 1.0); }
            """;

    @RegisterExtension
    static final HeadlessGl GL = new HeadlessGl(SIZE);

    @TempDir
    Path temp;

    private final List<Integer> reds = new ArrayList<>();
    private int renders;

    private Artwork red() throws Exception {
        ArtworkManifest manifest = TestArtworkFolder.create(temp, "red", "main.frag", "[]").file("main.frag", RED).load();
        FragmentShaderArtwork shader = new FragmentShaderArtwork(manifest, manifest.layout());
        return new Artwork() {
            @Override
            public void setup(RenderTarget target) throws ArtworkException {
                shader.setup(target);
            }

            @Override
            public void update(FrameInfo frame, ParameterSnapshot parameters) {
                shader.update(frame, parameters);
            }

            @Override
            public void render(FrameInfo frame, RenderTarget target) {
                renders++;
                shader.render(frame, target);
            }

            @Override
            public void dispose() {
                shader.dispose();
            }
        };
    }

    /** Reads the red channel of one pixel of every frame. */
    private Output redMeter() {
        ByteBuffer pixels = ByteBuffer.allocateDirect(SIZE * SIZE * 4).order(ByteOrder.nativeOrder());
        return FrameListenerOutput.of("red meter", (frame, parameters, canvas) -> {
            pixels.clear();
            canvas.readPixels(pixels);
            reds.add(pixels.get(0) & 0xFF);
        });
    }

    private RenderLoop loop(Standby standby) throws Exception {
        return RenderLoop.builder(GL.context(), red(), new SnapshotExchange(new float[0]),
                new SteppedPacer(new ManualClock(0), 30), SIZE, SIZE).standby(standby).output(redMeter()).build();
    }

    @Test
    void closingFadesTheFrameToBlackThenStopsDrawingTheArtwork() throws Exception {
        Standby standby = new Standby(1_000_000); // rest 1 ms: the test's frames need not wait a second
        RenderLoop loop = loop(standby);
        loop.mailbox().post(control -> control.standby().close(3 * FRAME_NANOS));

        loop.run(6);

        // frame 0 starts the fade at full level, then a third less each frame, then black
        assertLevels(new int[] {255, 170, 85, 0, 0, 0});
        assertEquals(3, renders, "the artwork is not drawn once the frame is black");
        assertEquals(Standby.State.STANDBY, standby.state());
    }

    @Test
    void openingDrawsTheArtworkAgainAndFadesIn() throws Exception {
        Standby standby = new Standby(1_000_000);
        RenderLoop[] loop = new RenderLoop[1];
        loop[0] = RenderLoop.builder(GL.context(), red(), new SnapshotExchange(new float[0]),
                new SteppedPacer(new ManualClock(0), 30), SIZE, SIZE).standby(standby).output(redMeter())
                .output(FrameListenerOutput.of("opener", (frame, parameters, canvas) -> {
                    if (frame.index() == 2) { // the venue opens while the work stands by
                        loop[0].mailbox().post(control -> control.standby().open(2 * FRAME_NANOS));
                    }
                })).build();
        loop[0].mailbox().post(control -> control.standby().close(0)); // the run starts closed

        loop[0].run(6);

        assertLevels(new int[] {0, 0, 0, 0, 128, 255});
        assertEquals(2, renders, "drawn again from the first frame above black");
        assertEquals(Standby.State.OPEN, standby.state());
    }

    @Test
    void anOpeningPostedDuringALongRestEndsItAtOnce() throws Exception {
        Standby standby = new Standby(60_000_000_000L); // a minute's rest: only the post can end it in time
        java.util.concurrent.CountDownLatch firstFrame = new java.util.concurrent.CountDownLatch(1);
        RenderLoop loop = RenderLoop.builder(GL.context(), red(), new SnapshotExchange(new float[0]),
                new SteppedPacer(new ManualClock(0), 30), SIZE, SIZE).standby(standby).output(redMeter())
                .output(FrameListenerOutput.of("first", (frame, parameters, canvas) -> firstFrame.countDown()))
                .build();
        loop.mailbox().post(control -> control.standby().close(0)); // the run starts closed
        Thread opener = new Thread(() -> {
            try {
                firstFrame.await();
                Thread.sleep(200); // the render thread is resting by now
                loop.mailbox().post(control -> control.standby().open(0));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-opener");
        opener.start();
        long start = System.nanoTime();

        loop.run(3);

        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        opener.join();
        assertTrue(seconds < 10, "three frames took " + seconds + " s: the opening waited for the rest to end");
        assertEquals(Standby.State.OPEN, standby.state());
        assertEquals(255, reds.get(reds.size() - 1), 2, "the artwork shows again: " + reds);
    }

    /** Each frame's red within 2 of what the fade says (the blend rounds). */
    private void assertLevels(int[] expected) {
        assertEquals(expected.length, reds.size(), "frames " + reds);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(reds.get(i) - expected[i]) <= 2, "frame " + i + ": " + reds + " against "
                    + java.util.Arrays.toString(expected));
        }
    }
}
