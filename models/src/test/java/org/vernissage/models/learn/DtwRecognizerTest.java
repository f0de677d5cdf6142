package org.vernissage.models.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vernissage.models.ModelException;

class DtwRecognizerTest {

    /** Gesture shapes over t in 0..1: 1 a circle, 2 a horizontal swipe, 3 a zig-zag. */
    static float[] shape(int gesture, double t) {
        return switch (gesture) {
            case 1 -> new float[] {(float) Math.cos(2 * Math.PI * t), (float) Math.sin(2 * Math.PI * t)};
            case 2 -> new float[] {(float) (2 * t - 1), 0f};
            default -> new float[] {(float) (2 * t - 1), (float) (Math.abs((t * 4) % 2 - 1) * 2 - 1)};
        };
    }

    /** A performance of a gesture: {@code frames} frames long (tempo), with noise. */
    static float[][] perform(int gesture, int frames, SplittableRandom random, double noise) {
        float[][] sequence = new float[frames][];
        for (int f = 0; f < frames; f++) {
            float[] values = shape(gesture, f / (double) (frames - 1));
            for (int i = 0; i < values.length; i++) {
                values[i] += (float) ((random.nextDouble() * 2 - 1) * noise);
            }
            sequence[f] = values;
        }
        return sequence;
    }

    static ExampleSet templates(SplittableRandom random) {
        ExampleSet set = new ExampleSet(List.of("x", "y"), List.of("gesture"));
        for (int g = 1; g <= 3; g++) {
            set.addGesture(perform(g, 30, random, 0.02), g);
        }
        return set;
    }

    @Test
    void recognisesEachGesturePerformedFasterOrSlowerAfterStillness() throws ModelException {
        SplittableRandom random = new SplittableRandom(11);
        DtwRecognizer dtw = DtwRecognizer.fit("gestures", templates(random), 20, 0.25f);
        float[] out = new float[1];
        int[] tempos = {20, 30, 45};
        for (int g = 1; g <= 3; g++) {
            for (int tempo : tempos) {
                dtw.reset();
                for (int still = 0; still < 15; still++) {
                    dtw.run(new float[] {0f, -3f}, out); // resting far from every gesture
                    assertEquals(0f, out[0], "nothing recognised while resting");
                }
                for (float[] frame : perform(g, tempo, random, 0.05)) {
                    dtw.run(frame, out);
                }
                assertEquals(g, (int) out[0], "gesture " + g + " at " + tempo + " frames, distance " + dtw.lastDistance());
                assertTrue(dtw.lastDistance() < 0.25f);
            }
        }
    }

    @Test
    void aBandRefusesAGestureFarSlowerThanItsTemplate() throws ModelException {
        SplittableRandom random = new SplittableRandom(5);
        ExampleSet set = new ExampleSet(List.of("x", "y"), List.of("gesture"));
        set.addGesture(perform(1, 20, random, 0), 1);
        DtwRecognizer banded = DtwRecognizer.fit("g", set, 5, 0.25f);
        DtwRecognizer free = DtwRecognizer.fit("g", set, 0, 0.25f);
        float[] out = new float[1];
        float[] freeOut = new float[1];
        for (float[] frame : perform(1, 80, random, 0)) {
            banded.run(frame, out);
            free.run(frame, freeOut);
        }
        assertEquals(1, (int) freeOut[0], "without a band, 4x slower still matches");
        assertEquals(0, (int) out[0], "a band of 5 frames refuses a match 60 frames longer");
    }

    @Test
    void feedingAFrameAllocatesNothing() throws ModelException {
        DtwRecognizer dtw = DtwRecognizer.fit("gestures", templates(new SplittableRandom(1)), 10, 0.3f);
        float[] in = {0.1f, 0.2f};
        float[] out = new float[1];
        assertEquals(0, Allocations.leastPerWindow(() -> dtw.run(in, out), 20_000, 5_000, 4));
    }

    @Test
    void refusesVectorsAndAnEmptySet() {
        ExampleSet vectors = new ExampleSet(List.of("x"), List.of("gesture"));
        vectors.addLabelled(new float[] {1f}, 1);
        ModelException refused = assertThrows(ModelException.class, () -> DtwRecognizer.fit("g", vectors, 0, 1f));
        assertTrue(refused.getMessage().contains("g: example 0 is an input vector, expected a gesture"),
                refused.getMessage());
        ExampleSet empty = new ExampleSet(List.of("x"), List.of("gesture"));
        assertThrows(ModelException.class, () -> DtwRecognizer.fit("g", empty, 0, 1f));
    }
}
