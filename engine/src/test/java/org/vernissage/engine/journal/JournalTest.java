package org.vernissage.engine.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.InputKind;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchPhase;

/** Journals written, read back, and played into a fresh pipeline to the same snapshots. */
class JournalTest {

    private static final JournalHeader HEADER =
            new JournalHeader(320, 180, 60, 1_790_000_000_000L, "Tidewater", "sha256:abc");

    @TempDir
    Path temp;

    @Test
    void everyKindOfEventReadsBackAsWritten() throws Exception {
        Path file = temp.resolve("run.vnsj");
        List<InputEvent> written = sampleEvents();
        try (JournalWriter writer = JournalWriter.create(file, HEADER)) {
            long sequence = 0;
            for (InputEvent e : written) {
                writer.onEvent(e, sequence++, true);
            }
            assertEquals(written.size(), writer.eventsWritten());
        }

        try (JournalReader reader = JournalReader.open(file)) {
            assertEquals(HEADER, reader.header());
            InputEvent read = new InputEvent();
            for (InputEvent expected : written) {
                assertTrue(reader.next(read));
                assertSame(expected, read);
            }
            assertFalse(reader.next(read));
            assertFalse(reader.truncated());
        }
    }

    @Test
    void aChannelValueTakesAtMostNineBytes() throws Exception {
        Path file = temp.resolve("compact.vnsj");
        InputEvent e = new InputEvent();
        long headerBytes;
        try (JournalWriter writer = JournalWriter.create(file, HEADER)) {
            headerBytes = writer.bytesWritten();
            for (int i = 0; i < 10_000; i++) {
                e.setChannel(i % 5, i * 0.001f, 1_000_000_000L + i * 1_000_000L, InputBatch.IMMEDIATELY, false);
                writer.onEvent(e, i, true);
            }
        }
        double perEvent = (Files.size(file) - headerBytes) / 10_000.0;
        // tag 1 + arrival delta 3 (1 ms) + channel 1 + value 4; the first record carries the start time
        assertTrue(perEvent < 9.01, "bytes per channel value at 1 kHz: " + perEvent);
    }

    @Test
    void aJournalCutShortReadsUpToItsLastWholeRecord() throws Exception {
        Path file = temp.resolve("cut.vnsj");
        List<InputEvent> written = sampleEvents();
        try (JournalWriter writer = JournalWriter.create(file, HEADER)) {
            for (InputEvent e : written) {
                writer.onEvent(e, 0, true);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));

        JournalSummary summary = JournalSummary.of(file);
        assertEquals(written.size() - 1, summary.events());
        assertTrue(summary.truncated());
        assertTrue(summary.describe().contains("cut short"), summary.describe());
    }

    @Test
    void aRecordingNeverOverwritesAFile() throws IOException {
        Path file = Files.writeString(temp.resolve("precious.txt"), "the artist's notes");

        JournalException e = assertThrows(JournalException.class, () -> JournalWriter.create(file, HEADER));

        assertTrue(e.getMessage().contains("precious.txt: already exists"), e.getMessage());
        assertEquals("the artist's notes", Files.readString(file));
    }

    @Test
    void aFileThatIsNotAJournalIsNamed() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.txt"), "hello, this is not a journal at all");

        JournalException e = assertThrows(JournalException.class, () -> JournalReader.open(file));

        assertTrue(e.getMessage().contains("notes.txt: not a Vernissage journal"), e.getMessage());
    }

    @Test
    void aCorruptRecordIsNamedWithItsNumber() throws Exception {
        Path file = temp.resolve("corrupt.vnsj");
        try (JournalWriter writer = JournalWriter.create(file, HEADER)) {
            writer.onEvent(sampleEvents().get(0), 0, true);
        }
        Files.write(file, new byte[] {(byte) 0x7F}, java.nio.file.StandardOpenOption.APPEND);

        try (JournalReader reader = JournalReader.open(file)) {
            InputEvent e = new InputEvent();
            assertTrue(reader.next(e));
            JournalException error = assertThrows(JournalException.class, () -> reader.next(e));
            assertTrue(error.getMessage().contains("unknown record tag 0x7f in record 2"), error.getMessage());
        }
    }

    /**
     * A live run: a sensor thread offers values while a render thread latches snapshots and marks
     * frames; the journal records it all. The replay must give every frame the same values.
     */
    @Test
    void aReplayedJournalGivesEveryFrameTheSameSnapshot() throws Exception {
        Path file = temp.resolve("live.vnsj");
        ParameterLayout layout = new ParameterLayout(List.of(
                new ParameterSpec("x", ParameterType.FLOAT, 0f, 1000f, new float[] {0f}, "", ""),
                new ParameterSpec("y", ParameterType.FLOAT, 0f, 1000f, new float[] {0f}, "", "")));
        List<float[]> recorded = new ArrayList<>();
        List<Integer> recordedTouches = new ArrayList<>();

        SnapshotExchange liveSnapshots = new SnapshotExchange(new float[2]);
        JournalWriter journal = JournalWriter.create(file, HEADER);
        // The app's ring size, whose reserve (256 slots) holds a quarter second of frame marks
        // here even if both consumers stall (frames come every millisecond in this test).
        try (InputRing live = new InputRing(4096, RingWaitStrategy.BLOCKING, threads(),
                new Conductor(layout, liveSnapshots, new Accumulating(), ConductorSettings.DEFAULT), journal)) {
            live.start();
            AtomicBoolean stop = new AtomicBoolean();
            Thread sensor = new Thread(() -> {
                InputBatch batch = new InputBatch(4);
                for (int i = 0; !stop.get(); i++) {
                    live.offerChannel(i % 2, 1f, System.nanoTime());
                    if (i % 50 == 0) {
                        batch.clear(System.nanoTime());
                        batch.addTouch(TouchKind.CURSOR, i % 100 == 0 ? TouchPhase.ADDED : TouchPhase.REMOVED, 0,
                                1, 0, 0.5f, 0.5f, 0, 0, 0, InputBatch.IMMEDIATELY);
                        batch.addChannel(0, 10f, System.nanoTime() + 3_000_000);
                        live.offer(batch);
                    }
                    Thread.onSpinWait();
                }
            });
            sensor.start();
            long t = System.nanoTime();
            for (int frame = 0; frame < 200; frame++) {
                ParameterSnapshot s = liveSnapshots.latch();
                long now = t + frame * 1_000_000L;
                assertTrue(live.offerFrame(frame, now, now + 1_000_000L, s.eventsConsumed()),
                        "a sensor flood must not crowd out a frame mark");
                recorded.add(new float[] {s.value(0), s.value(1)});
                recordedTouches.add(s.touches().count());
                Thread.sleep(1);
            }
            stop.set(true);
            sensor.join();
        }
        journal.close();
        assertFalse(journal.failed());
        JournalSummary summary = JournalSummary.of(file);
        assertEquals(200, summary.frames());
        assertTrue(recorded.get(199)[0] > 0, "the sensor reached the frames");

        SnapshotExchange replaySnapshots = new SnapshotExchange(new float[2]);
        try (InputRing replay = new InputRing(1024, RingWaitStrategy.BLOCKING, threads(),
                new Conductor(layout, replaySnapshots, new Accumulating(), ConductorSettings.DEFAULT));
             JournalPlayer player = new JournalPlayer(JournalReader.open(file), replay, replaySnapshots, null)) {
            replay.start();
            for (int frame = 0; frame < 200; frame++) {
                player.awaitFrame(frame);
                ParameterSnapshot s = replaySnapshots.latch();
                assertArrayEquals(recorded.get(frame), new float[] {s.value(0), s.value(1)}, "frame " + frame);
                assertEquals(recordedTouches.get(frame), s.touches().count(), "touches in frame " + frame);
            }
            IllegalStateException end = assertThrows(IllegalStateException.class, () -> player.awaitFrame(200));
            assertTrue(end.getMessage().contains("no more frames after 200"), end.getMessage());
        }
    }

    /** Adds every raw value to its slot: the order and number of values both show in the result. */
    private static final class Accumulating implements ChannelConditioner {
        @Override
        public void onValue(int channel, float raw, long nanos, float[] values) {
            values[channel] += raw;
        }

        @Override
        public void advanceTo(long nanos, float[] values) {
            values[1] += 0.5f;
        }
    }

    private static ThreadFactory threads() {
        return task -> {
            Thread thread = new Thread(task, "journal-test");
            thread.setDaemon(true);
            return thread;
        };
    }

    private static List<InputEvent> sampleEvents() {
        List<InputEvent> events = new ArrayList<>();
        InputEvent p = new InputEvent();
        p.setParameter(3, 0.25f, 5_000_000_000L);
        events.add(p);
        InputEvent c = new InputEvent();
        c.setChannel(7, -12.5f, 5_000_100_000L, 5_900_000_000L, true);
        events.add(c);
        InputEvent early = new InputEvent();
        early.setChannel(1, Float.NaN, 4_999_000_000L, InputBatch.IMMEDIATELY, false);
        events.add(early); // a second sensor's older clock reading: negative delta
        InputEvent t = new InputEvent();
        t.setTouch(TouchKind.OBJECT, TouchPhase.UPDATED, 2, -42L, 17, 0.1f, 0.9f, 3.1f, -0.5f, 0.25f,
                5_000_200_000L, InputBatch.IMMEDIATELY, false);
        events.add(t);
        InputEvent f = new InputEvent();
        f.setFrame(12, 5_000_300_000L, 5_016_966_666L, 4);
        events.add(f);
        return events;
    }

    private static void assertSame(InputEvent expected, InputEvent actual) {
        assertEquals(expected.kind(), actual.kind());
        assertEquals(expected.continues(), actual.continues());
        assertEquals(expected.arrivalNanos(), actual.arrivalNanos());
        assertEquals(expected.dueNanos(), actual.dueNanos());
        if (expected.kind() == InputKind.TOUCH) {
            assertEquals(expected.touchKind(), actual.touchKind());
            assertEquals(expected.phase(), actual.phase());
            assertEquals(expected.source(), actual.source());
            assertEquals(expected.session(), actual.session());
            assertEquals(expected.classId(), actual.classId());
            assertEquals(expected.x(), actual.x());
            assertEquals(expected.y(), actual.y());
            assertEquals(expected.angle(), actual.angle());
            assertEquals(expected.vx(), actual.vx());
            assertEquals(expected.vy(), actual.vy());
        } else if (expected.kind() == InputKind.FRAME) {
            assertEquals(expected.frameIndex(), actual.frameIndex());
            assertEquals(expected.horizonNanos(), actual.horizonNanos());
            assertEquals(expected.eventsLatched(), actual.eventsLatched());
        } else {
            assertEquals(expected.channel(), actual.channel());
            assertEquals(Float.floatToRawIntBits(expected.value()), Float.floatToRawIntBits(actual.value()));
        }
    }
}
