package org.vernissage.engine.journal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchPhase;

/**
 * Mutated and random journals: the reader either reads events or says, as a JournalException
 * naming the file, what is wrong; it never throws anything else and never loops forever.
 */
class JournalFuzzTest {

    @TempDir
    Path temp;

    @Test
    void mutatedJournalsFailCleanly() throws Exception {
        byte[] valid = validJournal();
        Random random = new Random(20261121);
        Path file = temp.resolve("fuzz.vnsj");
        int cleanErrors = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] bytes = valid.clone();
            if (round % 10 == 9) {
                bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
            } else {
                for (int m = 1 + random.nextInt(6); m > 0; m--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                if (random.nextBoolean()) {
                    bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                }
            }
            Files.write(file, bytes);
            try (JournalReader reader = JournalReader.open(file)) {
                InputEvent event = new InputEvent();
                int events = 0;
                while (reader.next(event)) {
                    if (++events > bytes.length) {
                        fail("more events than bytes in round " + round);
                    }
                }
            } catch (JournalException e) {
                assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
                cleanErrors++;
            } catch (RuntimeException e) {
                throw new AssertionError("round " + round + " threw " + e, e);
            }
        }
        assertTrue(cleanErrors > 100, "the fuzzer should hit bad headers and tags: " + cleanErrors);
    }

    private byte[] validJournal() throws Exception {
        Path file = temp.resolve("valid.vnsj");
        try (JournalWriter writer = JournalWriter.create(file,
                new JournalHeader(64, 36, 60, 0, "Fuzz", "sha256:0"))) {
            InputEvent e = new InputEvent();
            for (int i = 0; i < 40; i++) {
                switch (i % 4) {
                    case 0 -> e.setChannel(i, i * 0.5f, i * 1_000_000L, InputBatch.IMMEDIATELY, false);
                    case 1 -> e.setTouch(TouchKind.BLOB, TouchPhase.UPDATED, 1, i, -1, 0.5f, 0.5f, 1f, 0f, 0f,
                            i * 1_000_000L, i * 2_000_000L, true);
                    case 2 -> e.setParameter(i % 3, 0.1f, i * 1_000_000L);
                    default -> e.setFrame(i, i * 1_000_000L, (i + 16) * 1_000_000L, i);
                }
                writer.onEvent(e, i, true);
            }
        }
        return Files.readAllBytes(file);
    }
}
