package org.vernissage.engine.render.isf;

import org.vernissage.engine.artwork.IsfParameters;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.AllocationProbe;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.HeadlessOutput;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.SteppedPacer;
import org.vernissage.shaders.isf.IsfLoader;

/**
 * An ISF artwork allocates nothing per frame on the render thread once warm: every value input
 * type (an event firing all the time), an image input from a file, audio and audioFFT inputs
 * fed new windows all the time, an imported image, and a
 * persistent float pass sized by an expression. Measured like {@code RenderAllocationTest}: the
 * least of several windows of frames.
 */
class IsfAllocationTest {

    private static final Path FOLDER = Path.of("src/test/resources/isf").toAbsolutePath();
    private static final int WIDTH = 64;
    private static final int HEIGHT = 36;

    @Test
    void steadyStateIsfFramesAllocateNothing() throws Exception {
        Path file = FOLDER.resolve("allocation.fs");
        ParameterLayout layout = new ParameterLayout(IsfParameters.specs(new IsfLoader().load(FOLDER, file).document()));
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        SnapshotExchange snapshots = new SnapshotExchange(defaults);
        AllocationProbe probe = new AllocationProbe(1_500, 250, 4);
        int bang = layout.offset(layout.indexOf("bang").orElseThrow());
        int level = layout.offset(layout.indexOf("level").orElseThrow());
        AtomicBoolean running = new AtomicBoolean(true);
        AudioFrames audio = new AudioFrames(1024, 512);
        // The conductor's part and the audio thread's, from one test thread: new values and new
        // audio windows all the time, so every frame latches and uploads.
        Thread conductor = new Thread(() -> {
            float[] values = defaults.clone();
            for (long n = 1; running.get(); n++) {
                values[level] = (n % 100) / 100f;
                values[bang] = n / 7;
                snapshots.publish(values, n, n);
                audio.samplesToFill()[(int) (n % 1024)] = (n % 200) / 100f - 1f;
                audio.spectrumToFill()[(int) (n % 512)] = (n % 100) / 100f;
                audio.publish(1024, 512);
                Thread.onSpinWait();
            }
        }, "test-conductor");
        conductor.setDaemon(true);
        try (EglSurfacelessContext context = EglSurfacelessContext.open(WIDTH, HEIGHT)) {
            IsfArtwork artwork = new IsfArtwork(FOLDER, file, layout,
                    Map.of("inputImage", FOLDER.resolve("imported.png")), LocalDateTime.of(2026, 1, 1, 23, 59));
            artwork.listenTo(audio);
            RenderLoop loop = RenderLoop.builder(context, artwork, snapshots, new SteppedPacer(new ManualClock(0), 60),
                    WIDTH, HEIGHT).output(new HeadlessOutput()).output(probe).build();
            conductor.start();
            try {
                loop.run(probe.framesNeeded());
            } finally {
                running.set(false);
                conductor.join(5_000);
            }
        }
        long least = probe.leastBytesPerWindow();
        System.out.printf("ISF render thread: %s, %.3f bytes/frame%n", probe.describe(), least / 250.0);
        assertEquals(0, least, "the render thread allocated " + probe.describe() + " playing an ISF shader");
    }
}
