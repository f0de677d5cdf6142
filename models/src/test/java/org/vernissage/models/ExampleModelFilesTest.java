package org.vernissage.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed artist-model test files are what {@link ExampleModelFiles} makes, and they run. */
class ExampleModelFilesTest {

    private static final Path COMMITTED = Path.of("src/test/resources/artist-models");

    @TempDir
    Path folder;

    @Test
    void theCommittedFilesAreWhatTheScriptWrites() throws Exception {
        ExampleModelFiles.write(folder);
        for (String file : new String[] {"look.onnx", "look.pt"}) {
            assertArrayEquals(Files.readAllBytes(folder.resolve(file)), Files.readAllBytes(COMMITTED.resolve(file)),
                    file + " differs from what ExampleModelFiles writes: regenerate it (see its javadoc)");
            assertTrue(Files.size(COMMITTED.resolve(file)) < 4096, file + " stays small");
        }
    }

    @Test
    void theCommittedFilesRunAndAgree() throws Exception {
        float[] hand = {0.2f, 0.9f};
        float[] expected = new float[3];
        ExampleModelFiles.network().evaluate(hand, expected, new float[8], new float[8]);
        for (String file : new String[] {"look.onnx", "look.pt"}) {
            try (Model model = ModelLoader.load("look", COMMITTED.resolve(file), 2, 3)) {
                float[] out = new float[3];
                model.run(hand, out);
                assertArrayEquals(expected, out, 1e-5f, file);
            }
        }
    }
}
