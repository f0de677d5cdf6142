package org.vernissage.artworks.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.RgbaImage;
import org.vernissage.engine.render.graph.BlockSpecialisation;
import org.vernissage.engine.render.graph.BlockSpecialisation.Mode;
import org.vernissage.engine.render.graph.BlockSpecialisation.Policy;
import org.vernissage.engine.render.reload.MesaShaderCache;

/**
 * Lineage's weights compiled in while the network is still, on real GL (headless EGL, llvmpipe) at
 * 64x36: for several random genomes the specialised program draws the block program's pixels; a
 * program prepared off the render thread is swapped in once the weights are still (waited on, with
 * a generous bound); a mutation draws the block again in the very next frame, and weights moving
 * every frame (a blend fade) never swap; frames in between swaps allocate nothing on the render
 * thread.
 */
class LineageSpecialisationTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 36;
    /** Built on the render thread after 2 still frames: a frame count, not a wait. */
    private static final Policy RENDER_THREAD = new Policy(Mode.ON, 2, 2, false);
    private static final Policy BLOCK_ONLY = RENDER_THREAD.withMode(Mode.OFF);
    /** As the app runs it on llvmpipe: prepared off the render thread where a warmer can work. */
    private static final Policy AS_RUN = BlockSpecialisation.Policy.DEFAULT.withMode(Mode.ON);
    private static final long WAIT_NANOS = 60_000_000_000L;
    /**
     * At most one channel in a thousand one step of 8 bits apart (measured: 0 to 1 channel of the
     * 6,912 at 64x36, 1/255 apart). With the weights as constants Mesa's compiler folds and orders
     * the float arithmetic otherwise than with weights read at run time, so a value near a step of
     * 8 bits may round to the neighbouring byte (the same channel differs with the constants written
     * bit for bit as {@code uintBitsToFloat(0x...u)}, so it is not the decimal literals); a wrong
     * weight would move most pixels by far more.
     */
    private static final double ONE_IN_A_THOUSAND = 1e-3;

    private static EglSurfacelessContext context;

    @BeforeAll
    static void open() throws Exception {
        context = EglSurfacelessContext.open(WIDTH, HEIGHT);
    }

    @AfterAll
    static void close() {
        context.close();
    }

    private interface Genome {
        void play(LineageScene scene);
    }

    @Test
    void theSpecialisedProgramDrawsTheBlocksPixelsForRandomGenomes() throws Exception {
        Genome[] genomes = {
            s -> s.set("seed", 3f),
            s -> s.set("seed", 41f).trigger("mutate").set("blend", 1f),
            s -> s.set("seed", 977f).set("blend", 0.37f),
            s -> s.set("seed", 5003f).set("mutation", 1f).trigger("mutate").set("blend", 0.8f).play(1).trigger("breed"),
            s -> s.set("seed", 9999f).set("zoom", 5f).set("blend", 0.5f),
        };
        for (int g = 0; g < genomes.length; g++) {
            try (LineageScene specialised = new LineageScene(WIDTH, HEIGHT, RENDER_THREAD);
                 LineageScene block = new LineageScene(WIDTH, HEIGHT, BLOCK_ONLY)) {
                genomes[g].play(specialised);
                genomes[g].play(block);
                specialised.play(4);
                block.play(4);
                assertEquals(block.frames(), specialised.frames());
                BlockSpecialisation weights = specialised.piece().specialisation();
                assertTrue(weights.specialisedNow(), "genome " + g + ": " + weights.describe());
                RgbaImage.Difference difference = specialised.image().differenceTo(block.image());
                System.out.println("genome " + g + ": specialised against block: " + difference);
                assertTrue(difference.maxChannel() <= 1 && difference.meanChannel() < ONE_IN_A_THOUSAND,
                        "genome " + g + ": constants and block draw the same pixels but for a rounding: "
                                + difference);
                assertTrue(block.image().differenceTo(blackImage()).meanChannel() > 10, "genome " + g
                        + " draws something");
            }
        }
    }

    private static RgbaImage blackImage() {
        return RgbaImage.fromGlRows(java.nio.ByteBuffer.allocateDirect(WIDTH * HEIGHT * 4), WIDTH, HEIGHT);
    }

    @Test
    void aProgramPreparedOffTheRenderThreadIsSwappedInOnceStillAndAMutationDrawsTheBlockNextFrame()
            throws Exception {
        try (LineageScene scene = new LineageScene(WIDTH, HEIGHT, AS_RUN)) {
            BlockSpecialisation weights = scene.piece().specialisation();
            for (int i = 0; i < 30; i++) {
                scene.trigger("mutate").play(1);
            }
            assertEquals(0, weights.swaps(), "weights moving every frame: " + weights.describe());
            stillUntilSwapped(scene, 1);
            boolean warmerHere = MesaShaderCache.whyUnusable(System.getenv(), Path.of(System.getProperty("user.home")))
                    .isEmpty();
            assertEquals(warmerHere, weights.offRenderThread(), weights.describe());
            assertTrue(weights.specialisedNow());
            scene.play(5);
            assertTrue(weights.specialisedNow(), "still: stays specialised");

            scene.trigger("mutate").play(1);
            assertFalse(weights.specialisedNow(), "a mutation: the block in the next frame");
            assertEquals(1, weights.backToBlock());
            stillUntilSwapped(scene, 2);
            assertEquals(0, weights.failures());
        }
    }

    private static void stillUntilSwapped(LineageScene scene, long swaps) {
        BlockSpecialisation weights = scene.piece().specialisation();
        long deadline = System.nanoTime() + WAIT_NANOS;
        scene.publish();
        while (weights.swaps() < swaps && System.nanoTime() < deadline) {
            scene.frame();
        }
        assertEquals(swaps, weights.swaps(), "still weights swapped within 60 s: " + weights.describe());
    }

    @Test
    void aBlendFadeNeverSwaps() throws Exception {
        try (LineageScene scene = new LineageScene(WIDTH, HEIGHT, RENDER_THREAD)) {
            scene.trigger("mutate");
            for (int i = 0; i < 100; i++) {
                scene.set("blend", i / 100f).play(1);
            }
            BlockSpecialisation weights = scene.piece().specialisation();
            assertEquals(0, weights.swaps(), weights.describe());
            scene.play(3);
            assertEquals(1, weights.swaps(), "the fade ended: " + weights.describe());
        }
    }

    @Test
    void framesBetweenSwapsAllocateNothing() throws Exception {
        try (LineageScene scene = new LineageScene(WIDTH, HEIGHT, AS_RUN)) {
            BlockSpecialisation weights = scene.piece().specialisation();
            ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
            // Warm-up: one swap and back, so every path has run once.
            scene.trigger("mutate").play(1);
            stillUntilSwapped(scene, 1);
            long steady = 0;
            long frames = 0;
            for (int cycle = 0; cycle < 3; cycle++) {
                scene.trigger("mutate").publish(); // the event reaches the next frame: the block again
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 5; i++) {
                    scene.frame(); // weights just moved, then still: block program, request to the worker
                }
                steady += threads.getCurrentThreadAllocatedBytes() - before;
                frames += 5;
                long swapsBefore = weights.swaps();
                long deadline = System.nanoTime() + WAIT_NANOS;
                while (weights.swaps() == swapsBefore && System.nanoTime() < deadline) {
                    scene.frame(); // the swap's frame allocates (a program is built): not counted
                }
                assertEquals(swapsBefore + 1, weights.swaps(), weights.describe());
                before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 60; i++) {
                    scene.frame(); // specialised, still
                }
                steady += threads.getCurrentThreadAllocatedBytes() - before;
                frames += 60;
            }
            assertEquals(4, weights.swaps());
            assertEquals(3, weights.backToBlock());
            assertTrue(steady < 1024, frames + " frames around 3 swaps allocated " + steady + " bytes");
        }
    }
}
