package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.output.OutputOscControl;
import org.vernissage.engine.render.output.VenueOutputs;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscWriter;

/**
 * The render thread allocates nothing per frame with two warped and blended venue outputs (a
 * perspective corner-pin, a bent 3x3 mesh, edge blends, one showing the test card), while OSC
 * moves their corners, mesh and gamma from another thread throughout: the changes are
 * preallocated, applied at frame boundaries, and a mesh edit re-uploads into a buffer made once.
 * Measured like {@link RenderAllocationTest}: the least of several windows of frames.
 */
class VenueOutputsAllocationTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 36;
    private static final int WARM_UP_FRAMES = 1_500;
    private static final int WINDOW = 250;
    private static final int WINDOWS = 4;

    @RegisterExtension
    static final HeadlessGl GL = new HeadlessGl(WIDTH);

    @TempDir
    Path temp;

    @Test
    void twoWarpedOutputsMovedOverOscAllocateNothingPerFrame() throws Exception {
        ArtworkManifest manifest = TestArtworkFolder.create(temp, "venue", "main.frag", "[]")
                .file("main.frag", """
                        uniform float TIME;
                        uniform vec2 RENDERSIZE;
                        out vec4 fragColor;
                        void main() {
                            vec2 uv = gl_FragCoord.xy / RENDERSIZE;
                            fragColor = vec4(uv, 0.5 + 0.5 * sin(TIME), 1.0);
                        }
                        """).load();
        Path file = temp.resolve("venue.json");
        Files.writeString(file, """
                {"outputs": [
                  {"name": "left", "offscreen": {"width": 48, "height": 36}, "region": {"width": 0.6},
                   "corners": [[0.05, 0.02], [0.95, 0.05], [1, 1], [0, 0.97]],
                   "mesh": {"columns": 3, "rows": 3}, "blend": {"right": 0.333}},
                  {"name": "right", "offscreen": {"width": 48, "height": 36}, "region": {"x": 0.4, "width": 0.6},
                   "blend": {"left": 0.333, "gamma": 2.4}, "testCard": true}]}
                """);
        VenueOutputs venue = VenueOutputs.load(file);
        RenderMailbox mailbox = new RenderMailbox();
        OutputOscControl control = new OutputOscControl(venue, mailbox);
        ByteBuffer[] seen = {ByteBuffer.allocateDirect(48 * 36 * 4), ByteBuffer.allocateDirect(48 * 36 * 4)};
        List<Output> outputs = venue.build(GL.context(), settings -> (frame, parameters, image) -> {
            ByteBuffer pixels = seen[settings.number() - 1];
            pixels.clear();
            image.readPixels(pixels);
        });
        AllocationProbe probe = new AllocationProbe(WARM_UP_FRAMES, WINDOW, WINDOWS);
        int frames = probe.framesNeeded();
        FrameStats stats = new FrameStats();
        RenderLoop.Builder builder = RenderLoop.builder(GL.context(), new FragmentShaderArtwork(manifest,
                        manifest.layout()), new SnapshotExchange(new float[0]), new SteppedPacer(new ManualClock(0), 60),
                WIDTH, HEIGHT).stats(stats).mailbox(mailbox);
        outputs.forEach(builder::output);
        RenderLoop loop = builder.output(new HeadlessOutput()).output(probe).build();

        AtomicBoolean running = new AtomicBoolean(true);
        Thread osc = new Thread(() -> sendChanges(control, running), "test-osc");
        osc.setDaemon(true);
        osc.start();
        try {
            loop.run(frames);
        } finally {
            running.set(false);
            osc.join(5_000);
            venue.close();
        }
        long least = probe.leastBytesPerWindow();
        System.out.printf("render thread: %s, %.3f bytes/frame, two warped outputs, %d OSC changes%n",
                probe.describe(), least / (double) WINDOW, control.posted());
        assertEquals(frames, stats.frames());
        assertTrue(control.posted() > WINDOWS, "OSC moved the outputs during the run: " + control.describe());
        // (Changes sent while the loop starts, compiling the artwork's shader, may find no room: that
        // is counted, by design, and not a failure here.)
        assertEquals(0, control.count(OutputOscControl.Problem.REFUSED)
                + control.count(OutputOscControl.Problem.BAD_ARGUMENTS), control.describe());
        assertEquals(0, least, "the render thread allocated " + probe.describe() + ": something allocates per frame");
    }

    /** The receiving thread's part: packets read in place into the handler, a change every millisecond or so. */
    private static void sendChanges(OutputOscControl control, AtomicBoolean running) {
        ByteBuffer packet = ByteBuffer.allocateDirect(256);
        OscPacketReader reader = new OscPacketReader();
        OscWriter writer = new OscWriter();
        for (long n = 0; running.get(); n++) {
            float wobble = (n % 20) / 1000f;
            packet.clear();
            switch ((int) (n % 3)) {
                case 0 -> writer.wrap(packet).message("/vernissage/output/1/corner/1").f(0.95f - wobble).f(0.05f).end();
                case 1 -> writer.wrap(packet).message("/vernissage/output/1/mesh/1/1").f(0.5f + wobble).f(0.5f).end();
                default -> writer.wrap(packet).message("/vernissage/output/2/gamma").f(2.2f + wobble).end();
            }
            reader.read(packet, 0, writer.length(), n, control);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
