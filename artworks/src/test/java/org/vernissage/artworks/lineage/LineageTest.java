package org.vernissage.artworks.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.graph.GraphBuilder;

/**
 * Lineage's evolution without GL: the network is a function of the seed and the history (same
 * history, same bits; another history, other bits), its shape is what the shader and the card say,
 * trigger counts are read across their wrap, and a frame of the piece allocates nothing, mutations
 * and breeds included.
 */
class LineageTest {

    private static final float STRENGTH = 0.4f;

    private static Lineage history(long seed, String steps) {
        Lineage lineage = new Lineage();
        lineage.reset(seed, STRENGTH);
        for (char step : steps.toCharArray()) {
            switch (step) {
                case 'm' -> lineage.mutate(1, STRENGTH);
                case 'b' -> lineage.breed(0.5f, STRENGTH);
                default -> throw new IllegalArgumentException("step " + step);
            }
        }
        return lineage;
    }

    @Test
    void theNetworkIsAFunctionOfTheSeedAndTheHistory() {
        assertEquals(history(7, "mmbmbbm").digest(), history(7, "mmbmbbm").digest(), "same history, same bits");
        assertNotEquals(history(7, "mmbmbbm").digest(), history(8, "mmbmbbm").digest(), "another seed");
        assertNotEquals(history(7, "mbm").digest(), history(7, "bmm").digest(), "another order");
        assertNotEquals(history(7, "").digest(), history(7, "m").digest(), "a mutation draws another child");
        Lineage twice = history(7, "");
        twice.mutate(2, STRENGTH);
        assertEquals(history(7, "mm").digest(), twice.digest(), "two triggers in one frame are two mutations");
        assertEquals(3, history(7, "mbmbmbm").generation());
    }

    @Test
    void theShapeIsTheShadersAndAFirstNetworkKeepsItsPaddingZero() {
        assertEquals(576, CppnShape.FLOATS);
        assertEquals(144, CppnShape.VEC4S);
        assertEquals(8 * 12 + 2 * 12 * 12 + 12 * 3 + 39 * 2, CppnShape.parameterCount(), "weights, biases, gains");
        float[] network = new float[CppnShape.FLOATS];
        SeededRandom random = new SeededRandom();
        random.reseed(7, 0, 0);
        CppnShape.randomise(random, network);
        float[] child = new float[CppnShape.FLOATS];
        CppnShape.mutate(network, random, 1f, child);
        int padding = 0;
        for (int i = 0; i < network.length; i++) {
            assertTrue(Float.isFinite(network[i]) && Float.isFinite(child[i]), "value " + i);
            if (CppnShape.role(i) == CppnShape.PADDING) {
                padding++;
                assertEquals(0f, network[i]);
                assertEquals(0f, child[i]);
            } else {
                assertNotEquals(network[i], child[i], "value " + i + " mutated");
            }
        }
        assertEquals(39 * 2, padding);
    }

    @Test
    void mixingAtTheEndsIsTheParentAndTheChildExactly() {
        Lineage lineage = history(3, "m");
        float[] parent = new float[CppnShape.FLOATS];
        float[] child = new float[CppnShape.FLOATS];
        float[] half = new float[CppnShape.FLOATS];
        lineage.mixInto(0f, parent);
        lineage.mixInto(1f, child);
        lineage.mixInto(0.5f, half);
        assertTrue(!Arrays.equals(parent, child));
        for (int i = 0; i < half.length; i++) {
            assertEquals(0.5f * parent[i] + 0.5f * child[i], half[i], 1e-6f);
        }
        lineage.breed(1f, STRENGTH);
        float[] next = new float[CppnShape.FLOATS];
        lineage.mixInto(0f, next);
        assertTrue(Arrays.equals(child, next), "breeding at blend 1 makes the child the parent");
    }

    @Test
    void triggerCountsAreReadAcrossTheirWrap() {
        assertEquals(0, LineagePiece.triggers(5, 5));
        assertEquals(3, LineagePiece.triggers(5, 8));
        assertEquals(1, LineagePiece.triggers(ParameterLayout.MAX_EVENT_COUNT, 1));
        assertEquals(2, LineagePiece.triggers(ParameterLayout.MAX_EVENT_COUNT - 1, 1));
    }

    @Test
    void aFrameAllocatesNothingEvenWhileBreeding() throws Exception {
        ArtworkManifest manifest = ManifestLoader.load(LineageScene.FOLDER);
        ParameterLayout layout = manifest.layout();
        LineagePiece piece = new LineagePiece();
        piece.declare(new GraphBuilder(manifest.folder(), layout, "artwork.json"));
        float[] values = new float[layout.slotCount()];
        layout.copyDefaultsInto(values);
        SnapshotExchange snapshots = new SnapshotExchange(values.clone());
        int mutate = layout.offset(layout.indexOf("mutate").orElseThrow());
        int breed = layout.offset(layout.indexOf("breed").orElseThrow());
        int blend = layout.offset(layout.indexOf("blend").orElseThrow());
        FrameInfo frame = new FrameInfo();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = 0;
        int frames = 3000;
        for (int n = 0; n < 2 * frames; n++) {
            if (n == frames) {
                before = threads.getCurrentThreadAllocatedBytes();
            }
            values[mutate] = layout.afterSet(mutate, values[mutate], 1f);
            if (n % 3 == 0) {
                values[breed] = layout.afterSet(breed, values[breed], 1f);
            }
            values[blend] = (n % 100) / 100f;
            snapshots.publish(values, n, 0);
            frame.set(n, n / 60.0, 1 / 60.0, 64, 36);
            piece.update(frame, snapshots.latch());
        }
        long bytes = threads.getCurrentThreadAllocatedBytes() - before;
        // The first frame starts the lineage: the counts it sees are where counting starts.
        assertEquals(2 * frames / 3 - 1, piece.lineage().generation(), "every breed applied");
        assertTrue(bytes < 1024, frames + " frames of mutations and breeds allocated " + bytes + " bytes");
    }
}
