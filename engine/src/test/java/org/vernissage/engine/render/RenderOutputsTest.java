package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
 * The render loop's targets, outputs and mailbox on a real headless context, at 64x36: every
 * output gets every frame, a region output shows its part, work posted from another thread runs on
 * the render thread between frames, and a posted resize reaches the canvas, the artwork and the
 * outputs.
 */
class RenderOutputsTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 36;
    /** Top-left red, top-right black, bottom-left yellow, bottom-right green, at any size. */
    private static final String QUADRANTS = """
            uniform vec2 RENDERSIZE;
            out vec4 fragColor;
            void main() {
                vec2 uv = gl_FragCoord.xy / RENDERSIZE;   // GL's rows: 0 at the bottom
                fragColor = vec4(uv.x < 0.5 ? 1.0 : 0.0, uv.y < 0.5 ? 1.0 : 0.0, 0.0, 1.0);
            }
            """;

    @RegisterExtension
    static final HeadlessGl GL = new HeadlessGl(WIDTH);

    @TempDir
    Path temp;

    /** Writes what happens on the render thread, in order, as short strings. */
    private final List<String> events = new ArrayList<>();

    /** Records the lifecycle and the targets it is given; forwards to a real artwork. */
    private final class RecordingArtwork implements Artwork {
        private final Artwork delegate;
        final List<String> renderedInto = new ArrayList<>();
        final List<String> resizedTo = new ArrayList<>();

        RecordingArtwork(Artwork delegate) {
            this.delegate = delegate;
        }

        @Override
        public void setup(RenderTarget target) throws ArtworkException {
            events.add("setup " + target.width() + "x" + target.height() + " " + target.format());
            delegate.setup(target);
        }

        @Override
        public void update(FrameInfo frame, ParameterSnapshot parameters) {
            events.add("update " + frame.index());
            delegate.update(frame, parameters);
        }

        @Override
        public void render(FrameInfo frame, RenderTarget target) {
            renderedInto.add(target.width() + "x" + target.height());
            delegate.render(frame, target);
        }

        @Override
        public void resized(RenderTarget target) {
            resizedTo.add(target.width() + "x" + target.height());
            delegate.resized(target);
        }

        @Override
        public void dispose() {
            events.add("dispose");
            delegate.dispose();
        }
    }

    /** An output that records what it is given; {@code then} runs after, on the render thread. */
    private final class RecordingOutput implements Output {
        private final String name;
        private final FrameListener then;
        final List<String> resizes = new ArrayList<>();
        int closes;

        RecordingOutput(String name, FrameListener then) {
            this.name = name;
            this.then = then;
        }

        @Override
        public String description() {
            return name;
        }

        @Override
        public void present(FrameInfo frame, ParameterSnapshot parameters, Framebuffer canvas) {
            events.add(name + " " + frame.index() + " " + canvas.width() + "x" + canvas.height());
            then.onFrame(frame, parameters, canvas);
        }

        @Override
        public void canvasResized(int width, int height) {
            resizes.add(width + "x" + height);
        }

        @Override
        public void close() {
            closes++;
            events.add(name + " closed");
        }
    }

    private RecordingArtwork quadrants() throws Exception {
        ArtworkManifest manifest = TestArtworkFolder.create(temp, "quadrants", "main.frag", "[]")
                .file("main.frag", QUADRANTS).load();
        return new RecordingArtwork(new FragmentShaderArtwork(manifest, manifest.layout()));
    }

    private RenderLoop.Builder loop(Artwork artwork) {
        return RenderLoop.builder(GL.context(), artwork, new SnapshotExchange(new float[0]),
                new SteppedPacer(new ManualClock(0), 30), WIDTH, HEIGHT);
    }

    @Test
    void everyOutputGetsEveryFrameInOrderAndIsClosedAtTheEnd() throws Exception {
        RecordingArtwork artwork = quadrants();
        RecordingOutput first = new RecordingOutput("first", (frame, parameters, canvas) -> { });
        RecordingOutput second = new RecordingOutput("second", (frame, parameters, canvas) -> { });
        RenderLoop loop = loop(artwork).output(first).output(second).output(new HeadlessOutput()).build();

        loop.run(3);

        assertEquals(List.of("setup 64x36 RGBA8",
                "update 0", "first 0 64x36", "second 0 64x36",
                "update 1", "first 1 64x36", "second 1 64x36",
                "update 2", "first 2 64x36", "second 2 64x36",
                "dispose", "second closed", "first closed"), events);
        assertEquals(List.of("64x36", "64x36", "64x36"), artwork.renderedInto);
        assertEquals(List.of("first", "second", "headless"),
                loop.outputs().stream().map(Output::description).toList());
    }

    @Test
    void anOutputThatThrowsIsCountedAndTheOtherOutputsAndTheShowGoOn() throws Exception {
        RecordingArtwork artwork = quadrants();
        RecordingOutput failing = new RecordingOutput("failing", (frame, parameters, canvas) -> {
            throw new IllegalStateException("the disk is full");
        });
        RecordingOutput after = new RecordingOutput("after", (frame, parameters, canvas) -> { });
        RenderLoop loop = loop(artwork).output(failing).output(after).build();

        loop.run(4);

        assertEquals(4, loop.outputFailures(failing));
        assertEquals(0, loop.outputFailures(after));
        assertEquals(4, events.stream().filter(event -> event.startsWith("after ") && !event.endsWith("closed")).count(),
                "the next output still got every frame: " + events);
        assertEquals(1, failing.closes, "and the failing one is still closed at the end");
    }

    @Test
    void theCanvasHoldsWhatTheArtworkDrew() throws Exception {
        FrameGrabber grabber = new FrameGrabber(WIDTH, HEIGHT, 0);
        loop(quadrants()).output(FrameListenerOutput.of("grabber", grabber)).build().run(1);

        RgbaImage image = grabber.awaitFrameAfter(-1, java.time.Duration.ofSeconds(1)).image();
        assertColour(image, 8, 4, 255, 0, "top left is red");
        assertColour(image, 56, 4, 0, 0, "top right is black");
        assertColour(image, 8, 30, 255, 255, "bottom left is yellow");
        assertColour(image, 56, 30, 0, 255, "bottom right is green");
    }

    @Test
    void aRegionOutputShowsOnlyItsPartOfTheCanvas() throws Exception {
        List<RgbaImage> bottomRight = new ArrayList<>();
        List<RgbaImage> topLeft = new ArrayList<>();
        RenderLoop loop = loop(quadrants())
                .output(new OffscreenOutput("preview", new CanvasRegion(0.5, 0.5, 0.5, 0.5), 32, 18,
                        (frame, parameters, image) -> bottomRight.add(TestArtworkFolder.read(image))))
                .output(new OffscreenOutput("preview", new CanvasRegion(0, 0, 0.5, 0.5), 16, 9,
                        (frame, parameters, image) -> topLeft.add(TestArtworkFolder.read(image))))
                .build();

        loop.run(2);

        assertEquals(2, bottomRight.size());
        assertEveryPixel(bottomRight.get(1), 0, 255, "the bottom-right region is all green");
        assertEveryPixel(topLeft.get(1), 255, 0, "the top-left region is all red");
        assertEquals("preview 32x18, region x 0.5 y 0.5 w 0.5 h 0.5", loop.outputs().get(0).description());
    }

    /** Wants every other frame, from the first; keeps what it was asked and what it was given. */
    private static final class EveryOtherFrame implements FrameListener {
        final List<Long> asked = new ArrayList<>();
        final List<Long> delivered = new ArrayList<>();
        final List<RgbaImage> images = new ArrayList<>();
        private long frame;

        @Override
        public boolean wantsFrame() {
            asked.add(frame);
            return frame++ % 2 == 0;
        }

        @Override
        public void onFrame(FrameInfo info, ParameterSnapshot parameters, Framebuffer image) {
            delivered.add(info.index());
            images.add(TestArtworkFolder.read(image));
        }
    }

    @Test
    void anOffscreenOutputDrawsOnlyTheFramesItsListenerWants() throws Exception {
        EveryOtherFrame everyOther = new EveryOtherFrame();
        loop(quadrants()).output(new OffscreenOutput("preview", new CanvasRegion(0.5, 0.5, 0.5, 0.5), 32, 18,
                everyOther)).build().run(5);

        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), everyOther.asked, "asked before every frame");
        assertEquals(List.of(0L, 2L, 4L), everyOther.delivered, "and given only the frames it wanted");
        for (RgbaImage image : everyOther.images) {
            assertEveryPixel(image, 0, 255, "each one drawn: the bottom-right region, all green");
        }
    }

    @Test
    void aListenerOutputHandsOverOnlyTheFramesItsListenerWants() throws Exception {
        EveryOtherFrame everyOther = new EveryOtherFrame();
        loop(quadrants()).output(FrameListenerOutput.of("grabber", everyOther)).build().run(5);

        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), everyOther.asked, "asked before every frame");
        assertEquals(List.of(0L, 2L, 4L), everyOther.delivered, "and given only the frames it wanted");
    }

    @Test
    void theWholeCanvasInAnotherShapeIsLetterboxed() throws Exception {
        List<RgbaImage> square = new ArrayList<>();
        loop(quadrants()).output(new OffscreenOutput("square", CanvasRegion.FULL, 32, 32,
                (frame, parameters, image) -> square.add(TestArtworkFolder.read(image)))).build().run(1);

        RgbaImage image = square.get(0);
        // 64x36 scaled to 32x18, centred: black bars of 7 rows above and below.
        assertColour(image, 4, 3, 0, 0, "the bar above is black");
        assertColour(image, 28, 29, 0, 0, "the bar below is black");
        assertColour(image, 4, 10, 255, 0, "top left of the picture is red");
        assertColour(image, 28, 22, 0, 255, "bottom right of the picture is green");
    }

    @Test
    void aTaskPostedFromAnotherThreadRunsOnTheRenderThreadBetweenFrames() throws Exception {
        RecordingArtwork artwork = quadrants();
        CountDownLatch threeFrames = new CountDownLatch(3);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AtomicReference<Throwable> posterFailure = new AtomicReference<>();
        RenderLoop[] loop = new RenderLoop[1];
        RecordingOutput output = new RecordingOutput("out", (frame, parameters, canvas) -> {
            threeFrames.countDown();
            if (ranOn.get() != null && events.indexOf("task") < events.size() - 8) {
                loop[0].requestStop(); // a few frames after the task: enough to see what followed it
            }
        });
        loop[0] = loop(artwork).output(output).build();
        Thread poster = new Thread(() -> {
            try {
                assertTrue(threeFrames.await(10, TimeUnit.SECONDS), "three frames");
                assertTrue(loop[0].mailbox().post(control -> {
                    ranOn.set(Thread.currentThread());
                    events.add("task");
                }));
            } catch (Throwable t) {
                posterFailure.set(t);
                loop[0].requestStop();
            }
        }, "poster");
        poster.setDaemon(true);
        poster.start();

        loop[0].run(100_000);

        poster.join(10_000);
        assertEquals(null, posterFailure.get());
        assertSame(Thread.currentThread(), ranOn.get(), "the task ran on the render thread");
        int task = events.indexOf("task");
        assertTrue(events.get(task - 1).startsWith("out "), "after a frame was presented: " + events);
        long next = Long.parseLong(events.get(task - 1).split(" ")[1]) + 1;
        assertEquals("update " + next, events.get(task + 1), "before the next frame is drawn: " + events);
        assertEquals(1, loop[0].mailbox().ran());
    }

    @Test
    void aFullMailboxRefusesAndCountsWhileTheLoopRuns() throws Exception {
        RenderMailbox mailbox = new RenderMailbox(4);
        int[] ran = new int[1];
        RenderLoop[] loop = new RenderLoop[1];
        RecordingOutput output = new RecordingOutput("out", (frame, parameters, canvas) -> {
            if (frame.index() == 1) {
                for (int i = 0; i < 6; i++) {
                    mailbox.post(control -> ran[0]++); // posted from a frame: waits for the next boundary
                }
            }
        });
        loop[0] = loop(quadrants()).mailbox(mailbox).output(output).build();

        loop[0].run(3);

        assertEquals(4, mailbox.posted());
        assertEquals(2, mailbox.refused());
        assertEquals(4, ran[0]);
        assertEquals(4, mailbox.ran());
    }

    @Test
    void aPostedResizeChangesTheCanvasTheArtworkAndTheOutputsFromTheNextFrame() throws Exception {
        RecordingArtwork artwork = quadrants();
        RenderMailbox mailbox = new RenderMailbox();
        List<RgbaImage> canvases = new ArrayList<>();
        List<String> frameSizes = new ArrayList<>();
        RecordingOutput output = new RecordingOutput("out", (frame, parameters, canvas) -> {
            frameSizes.add(frame.width() + "x" + frame.height());
            canvases.add(TestArtworkFolder.read(canvas));
            if (frame.index() == 1) {
                mailbox.postResize(32, 18);
            }
        });
        FrameListenerOutput fixed = FrameListenerOutput.ofSize("capture", (frame, parameters, canvas) -> { }, WIDTH,
                HEIGHT);
        RenderLoop loop = loop(artwork).mailbox(mailbox).output(output).output(fixed).build();

        loop.run(4);

        assertEquals(List.of("64x36", "64x36", "32x18", "32x18"), frameSizes);
        assertEquals(List.of("64x36", "64x36", "32x18", "32x18"), artwork.renderedInto);
        assertEquals(List.of("32x18"), artwork.resizedTo, "the artwork is told once");
        assertEquals(List.of("32x18"), output.resizes, "and every output");
        RgbaImage small = canvases.get(3);
        assertEquals(32, small.width());
        assertEquals(18, small.height());
        assertColour(small, 4, 2, 255, 0, "RENDERSIZE followed: top left is still red");
        assertColour(small, 28, 16, 0, 255, "bottom right is still green");
        assertEquals(2, fixed.framesSkipped(), "a fixed-size capture skips (and counts) frames of another size");
    }

    @Test
    void aFrameGrabberFollowsTheCanvasWhenItGrows() throws Exception {
        FrameGrabber grabber = new FrameGrabber(WIDTH, HEIGHT, 0);
        RenderMailbox mailbox = new RenderMailbox();
        mailbox.postResize(128, 72);

        loop(quadrants()).mailbox(mailbox).output(FrameListenerOutput.of("grabber", grabber)).build().run(1);

        RgbaImage image = grabber.awaitFrameAfter(-1, java.time.Duration.ofSeconds(1)).image();
        assertEquals(128, image.width());
        assertEquals(72, image.height());
        assertColour(image, 120, 70, 0, 255, "bottom right is green");
    }

    @Test
    void anImpossibleResizeFailsAloneAndTheShowGoesOn() throws Exception {
        RecordingArtwork artwork = quadrants();
        RenderMailbox mailbox = new RenderMailbox();
        mailbox.postResize(1_000_000, 18);
        mailbox.post(control -> {
            throw new IllegalStateException("a task that fails");
        });
        mailbox.postResize(16, 9);

        loop(artwork).mailbox(mailbox).output(new HeadlessOutput()).build().run(2);

        assertEquals(2, mailbox.failed());
        assertEquals(1, mailbox.ran());
        assertEquals(List.of("16x9", "16x9"), artwork.renderedInto, "the good resize still applied, frame 0 on");
        assertEquals(List.of("16x9"), artwork.resizedTo, "told of the one resize that happened");
    }

    private static void assertColour(RgbaImage image, int x, int y, int red, int green, String what) {
        assertEquals(red, image.channel(x, y, 0), 2, what + " (red at " + x + ", " + y + ")");
        assertEquals(green, image.channel(x, y, 1), 2, what + " (green at " + x + ", " + y + ")");
        assertEquals(0, image.channel(x, y, 2), 2, what + " (blue)");
    }

    private static void assertEveryPixel(RgbaImage image, int red, int green, String what) {
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                assertColour(image, x, y, red, green, what);
            }
        }
    }
}
