package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchPhase;

/** A shader that declares the touch built-ins sees the conductor's touch points, on a real context. */
class TouchUniformsTest {

    private static final int SIZE = 32;

    @RegisterExtension
    static final HeadlessGl GL = new HeadlessGl(SIZE);

    @TempDir
    Path temp;

    @Test
    void theShaderSeesHowManyTouchesThereAreAndWhere() throws Exception {
        ArtworkManifest manifest = TestArtworkFolder.create(temp, "touches", "main.frag", "[]")
                .file("main.frag", """
                        uniform int TOUCH_COUNT;
                        uniform vec4 TOUCHES[4];
                        out vec4 fragColor;
                        void main() {
                            // red: the count / 4; green, blue: the newest touch's position; alpha: its x speed
                            vec4 last = TOUCH_COUNT > 0 ? TOUCHES[TOUCH_COUNT - 1] : vec4(0.0);
                            fragColor = vec4(float(TOUCH_COUNT) / 4.0, last.x, last.y, last.z);
                        }
                        """).load();
        SnapshotExchange snapshots = new SnapshotExchange(new float[0]);
        Conductor conductor = new Conductor(manifest.layout(), snapshots, ChannelConditioner.NONE,
                ConductorSettings.DEFAULT);
        InputEvent event = new InputEvent();
        List<int[]> seen = new ArrayList<>();
        FrameListener listener = (frame, parameters, image) -> {
            RgbaImage drawn = TestArtworkFolder.read(image);
            seen.add(new int[] {drawn.channel(1, 1, 0), drawn.channel(1, 1, 1), drawn.channel(1, 1, 2),
                    drawn.channel(1, 1, 3)});
            // Before the next frame latches: a new touch at (0.25, 0.2 from the top), moving right.
            event.setTouch(TouchKind.CURSOR, TouchPhase.ADDED, 0, frame.index(), 0, 0.25f, 0.2f, 0, 0.5f, 0,
                    frame.index(), InputBatch.IMMEDIATELY, false);
            conductor.onEvent(event, frame.index(), true);
        };
        RenderLoop loop = new RenderLoop(GL.context(), new FragmentShaderArtwork(manifest, manifest.layout()),
                snapshots, new SteppedPacer(new ManualClock(0), 10), new FrameStats(), List.of(listener), SIZE, SIZE);

        loop.run(3);

        assertEquals(0, seen.get(0)[0], "no touches yet");
        assertEquals(64, seen.get(1)[0], 1, "one touch: 1/4");
        assertEquals(128, seen.get(2)[0], 1, "two touches: 2/4");
        assertEquals(64, seen.get(2)[1], 1, "x 0.25");
        assertEquals(204, seen.get(2)[2], 1, "y flipped to GL's bottom-left origin: 1 - 0.2");
        assertEquals(128, seen.get(2)[3], 1, "x velocity 0.5");
    }

    @Test
    void aTouchBuiltInOfTheWrongTypeIsNamed() throws Exception {
        ArtworkManifest manifest = TestArtworkFolder.create(temp, "wrong", "main.frag", "[]")
                .file("main.frag", """
                        uniform float TOUCH_COUNT;
                        out vec4 fragColor;
                        void main() { fragColor = vec4(TOUCH_COUNT); }
                        """).load();
        FragmentShaderArtwork artwork = new FragmentShaderArtwork(manifest, manifest.layout());

        ArtworkException e = assertThrows(ArtworkException.class, () -> TestArtworkFolder.setUpOnCanvas(artwork, SIZE));
        artwork.dispose();

        assertTrue(e.getMessage().contains("built-in uniform 'TOUCH_COUNT' must be declared as int, found float"),
                e.getMessage());
    }
}
