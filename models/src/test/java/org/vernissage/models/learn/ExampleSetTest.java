package org.vernissage.models.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.models.ModelException;

class ExampleSetTest {

    @TempDir
    Path folder;

    @Test
    void addsDeletesCountsAndRoundTripsThroughItsFile() throws Exception {
        ExampleSet set = new ExampleSet(List.of("hand_x", "hand_y"), List.of("hue", "energy"));
        set.add(new float[] {0.1f, 0.2f}, new float[] {0.3f, 0.4f});
        set.add(new float[] {1e-7f, -3.4028235e38f}, new float[] {0.123456789f, 1f});
        set.add(new float[] {5f, 6f}, new float[] {0f, 0f});
        assertEquals(3, set.count());
        assertTrue(set.deleteLast());
        set.delete(0);
        assertEquals(1, set.count());
        set.add(new float[] {7f, 8f}, new float[] {0.5f, 0.6f});

        Path file = folder.resolve("models/pose.examples.json");
        set.save(file);
        ExampleSet loaded = ExampleSet.load(file);
        assertEquals(set.inputNames(), loaded.inputNames());
        assertEquals(set.outputNames(), loaded.outputNames());
        assertEquals(set.examples(), loaded.examples(), "every float comes back bit for bit");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left beside it");
        }

        set.deleteAll();
        assertTrue(set.isEmpty());
        assertFalse(set.deleteLast());
    }

    @Test
    void keepsLabelsAndGestures() throws Exception {
        ExampleSet set = new ExampleSet(List.of("x", "y"), List.of("gesture"));
        set.addGesture(new float[][] {{0f, 1f}, {2f, 3f}, {4f, 5f}}, 2);
        set.addLabelled(new float[] {1f, 1f}, 1);
        Path file = folder.resolve("g.examples.json");
        set.save(file);
        ExampleSet loaded = ExampleSet.load(file);
        assertEquals(set.examples(), loaded.examples());
        assertTrue(loaded.get(0).isGesture());
        assertEquals(2, loaded.classCount());
    }

    @Test
    void aNaNInTheFileIsRefusedNamingTheExampleAndValue() throws IOException {
        Path file = write("{\"inputs\":[\"a\",\"b\"],\"outputs\":[\"c\"],\"examples\":["
                + "{\"in\":[1,2],\"out\":[0.5]},{\"in\":[1,\"NaN\"],\"out\":[0.5]}]}");
        ModelException refused = assertThrows(ModelException.class, () -> ExampleSet.load(file));
        assertEquals(file + ": examples[1].in[1]: expected a finite number, found \"NaN\"", refused.getMessage());
    }

    @Test
    void aWrongWidthIsRefusedNamingTheField() throws IOException {
        Path file = write("{\"inputs\":[\"a\",\"b\"],\"outputs\":[\"c\"],\"examples\":[{\"in\":[1,2],\"out\":[0.5,1]}]}");
        ModelException refused = assertThrows(ModelException.class, () -> ExampleSet.load(file));
        assertEquals(file + ": examples[0].out: expected an array of 1 finite numbers, found [0.5,1] (2 numbers)",
                refused.getMessage());
    }

    @Test
    void corruptAndMissingFilesGiveClearMessages() throws IOException {
        Path corrupt = write("{\"inputs\":[\"a\"],\"outputs\":[\"c\"],\"examples\":[{\"in\":[1],");
        ModelException broken = assertThrows(ModelException.class, () -> ExampleSet.load(corrupt));
        assertTrue(broken.getMessage().startsWith(corrupt + ":1:"), broken.getMessage());
        assertTrue(broken.getMessage().contains("invalid JSON (expected an example set"), broken.getMessage());

        Path missing = folder.resolve("none.examples.json");
        ModelException absent = assertThrows(ModelException.class, () -> ExampleSet.load(missing));
        assertEquals(missing + ": no such file (expected an example set (vernissage-examples/1))", absent.getMessage());
    }

    @Test
    void addingAWrongWidthOrInfinityIsRefusedNamingTheExample() {
        ExampleSet set = new ExampleSet(List.of("a", "b"), List.of("c"));
        set.add(new float[] {1f, 2f}, new float[] {0f});
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                () -> set.add(new float[] {1f, 2f, 3f}, new float[] {0f}));
        assertEquals("example 1: has 3 inputs, expected 2 [a, b]", wide.getMessage());
        IllegalArgumentException infinite = assertThrows(IllegalArgumentException.class,
                () -> set.add(new float[] {1f, 2f}, new float[] {Float.POSITIVE_INFINITY}));
        assertEquals("example 1: output 0 is Infinity, expected a finite number", infinite.getMessage());
        assertEquals(1, set.count());
    }

    private Path write(String json) throws IOException {
        Path file = folder.resolve("bad.examples.json");
        Files.writeString(file, json);
        return file;
    }
}
