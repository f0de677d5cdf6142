package org.vernissage.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchPhase;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.TouchFlyweight;

/** What a journal keeps of the audience: per-visit random ids, or no raw touches at all. */
class JournalPrivacyTest {

    private static final JournalHeader HEADER = new JournalHeader(64, 36, 60, 1_790_000_000_000L, "Room", "sha256:0");
    private static final int PHONE_SOURCE = 7;

    @TempDir
    Path temp;

    @Test
    void phonesIdsAreReplacedByPerVisitRandomIdsAndTableTouchesAreKept() throws Exception {
        List<InputEvent> events = List.of(
                phone(1, 0, 1_000), phone(1, 1, 2_000), phone(2, 0, 3_000), phone(1, 0, 4_000),
                table(42, 5_000));
        List<InputEvent> first = writeAndRead("a.vnsj", JournalPrivacy.ANONYMOUS, events);
        long visitOneFingerZero = session(first.get(0));
        assertNotEquals(16L * 1, visitOneFingerZero, "the participant counter must not be stored");
        assertEquals(visitOneFingerZero, session(first.get(3)), "one visit keeps its id across its touches");
        assertEquals(visitOneFingerZero >>> 4, session(first.get(1)) >>> 4, "the fingers of one phone share the visit id");
        assertEquals(1, session(first.get(1)) & 0xF, "the finger's slot is kept");
        assertNotEquals(visitOneFingerZero >>> 4, session(first.get(2)) >>> 4, "two visits never share an id");
        assertEquals(42, session(first.get(4)), "a table's touch is not a phone's: kept");
        assertEquals(0.25f, new TouchFlyweight().wrap(first.get(0)).x(), "positions are kept");

        List<InputEvent> second = writeAndRead("b.vnsj", JournalPrivacy.ANONYMOUS, events);
        assertNotEquals(visitOneFingerZero, session(second.get(0)), "a new recording draws a new key");
    }

    @Test
    void theKeyedPermutationNeverGivesTwoVisitsOneId() {
        AudienceIds ids = new AudienceIds(new Random(3));
        Set<Integer> seen = new HashSet<>();
        for (int participant = 1; participant <= 200_000; participant++) {
            assertTrue(seen.add(ids.permute(participant)), "collision at participant " + participant);
        }
    }

    @Test
    void featuresOnlyKeepsChannelValuesAndNoTouchAndKeepsBatchesWhole() throws Exception {
        InputEvent channel = new InputEvent();
        channel.setChannel(3, 0.5f, 1_000, InputBatch.IMMEDIATELY, true); // a batch: channel, then a touch
        InputEvent touch = phone(1, 0, 1_000);
        touch.setTouch(TouchKind.PHONE, TouchPhase.ADDED, PHONE_SOURCE, 16, 0, 0.25f, 0.75f, 0, 0, 0, 1_000,
                InputBatch.IMMEDIATELY, false);
        InputEvent nextChannel = new InputEvent();
        nextChannel.setChannel(4, 0.1f, 2_000, InputBatch.IMMEDIATELY, false);
        InputEvent frame = new InputEvent();
        frame.setFrame(1, 3_000, 0, 3);
        Path file = temp.resolve("features.vnsj");
        try (JournalWriter writer = JournalWriter.create(file, HEADER, JournalPrivacy.FEATURES_ONLY)) {
            long seq = 0;
            for (InputEvent e : List.of(channel, touch, table(9, 1_500), nextChannel, frame)) {
                writer.onEvent(e, seq++, true);
            }
            assertEquals(2, writer.eventsWithheld());
            assertEquals(3, writer.eventsWritten());
        }
        List<InputEvent> read = readAll(file);
        assertEquals(List.of(EventKinds.CHANNEL_VALUE, EventKinds.CHANNEL_VALUE, EventKinds.FRAME_MARK),
                read.stream().map(InputEvent::kind).toList());
        assertFalse(read.get(0).continues(), "the batch ends where its withheld touch ended it");
        assertFalse(read.get(1).continues());
    }

    @Test
    void aWithheldTouchClosesABatchWrittenOutBeforeIt() throws Exception {
        // The batch is longer than the writer's buffer: its records are on disk when the touch is left out.
        Path file = temp.resolve("flushed.vnsj");
        try (JournalWriter writer = JournalWriter.create(file, HEADER, JournalPrivacy.FEATURES_ONLY)) {
            long seq = 0;
            InputEvent channel = new InputEvent();
            // about 12 bytes a record: 30 000 records overflow the 256 KiB buffer at least once
            for (int i = 0; i < 30_000; i++) {
                channel.setChannel(1, i, 1_000 + i, InputBatch.IMMEDIATELY, true);
                writer.onEvent(channel, seq++, true);
            }
            InputEvent touch = new InputEvent();
            touch.setTouch(TouchKind.CURSOR, TouchPhase.ADDED, 1, 1, 0, 0, 0, 0, 0, 0, 40_000,
                    InputBatch.IMMEDIATELY, false);
            writer.onEvent(touch, seq, true);
        }
        List<InputEvent> read = readAll(file);
        assertEquals(30_000, read.size());
        assertFalse(read.get(read.size() - 1).continues(), "the last written record closes the batch");
        assertTrue(read.get(0).continues());
    }

    @Test
    void anonymisingAndWithholdingAllocateNothingPerEvent() throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        InputEvent touch = phone(3, 1, 1_000);
        InputEvent table = table(5, 1_000);
        InputEvent channel = new InputEvent();
        channel.setChannel(1, 0.5f, 1_000, InputBatch.IMMEDIATELY, false);
        for (JournalPrivacy privacy : List.of(JournalPrivacy.ANONYMOUS, JournalPrivacy.FEATURES_ONLY)) {
            try (JournalWriter writer = JournalWriter.create(temp.resolve(privacy.featuresOnly() + ".vnsj"), HEADER,
                    privacy)) {
                long least = Long.MAX_VALUE;
                long seq = 0;
                for (int window = 0; window < 5; window++) {
                    long before = threads.getCurrentThreadAllocatedBytes();
                    for (int i = 0; i < 20_000; i++) {
                        writer.onEvent(touch, seq++, true);
                        writer.onEvent(table, seq++, true);
                        writer.onEvent(channel, seq++, true);
                    }
                    least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
                }
                // 60 000 events a window: anything per event would be hundreds of kilobytes.
                assertTrue(least < 1024, privacy + ": " + least + " bytes allocated for 60 000 events");
            }
        }
    }

    private static long session(InputEvent e) {
        return new TouchFlyweight().wrap(e).session();
    }

    private static InputEvent phone(int participant, int slot, long at) {
        InputEvent e = new InputEvent();
        e.setTouch(TouchKind.PHONE, TouchPhase.UPDATED, PHONE_SOURCE, participant * 16L + slot, 0, 0.25f, 0.75f, 0, 0, 0,
                at, InputBatch.IMMEDIATELY, false);
        return e;
    }

    private static InputEvent table(long session, long at) {
        InputEvent e = new InputEvent();
        e.setTouch(TouchKind.CURSOR, TouchPhase.ADDED, 1, session, 0, 0.5f, 0.5f, 0, 0, 0, at,
                InputBatch.IMMEDIATELY, false);
        return e;
    }

    private List<InputEvent> writeAndRead(String name, JournalPrivacy privacy, List<InputEvent> events) throws Exception {
        Path file = temp.resolve(name);
        try (JournalWriter writer = JournalWriter.create(file, HEADER, privacy)) {
            long seq = 0;
            for (InputEvent e : events) {
                writer.onEvent(e, seq++, true);
            }
        }
        return readAll(file);
    }

    private static List<InputEvent> readAll(Path file) throws Exception {
        List<InputEvent> out = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(file)) {
            InputEvent e = new InputEvent();
            while (reader.next(e)) {
                InputEvent copy = new InputEvent();
                copy.copyFrom(e);
                out.add(copy);
            }
        }
        return out;
    }
}
