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
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchPhase;
import org.vernissage.engine.pipeline.event.ChannelValueFlyweight;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.CueCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.FrameMarkFlyweight;
import org.vernissage.engine.pipeline.event.ModelResultFlyweight;
import org.vernissage.engine.pipeline.event.ParameterSetFlyweight;
import org.vernissage.engine.pipeline.event.TouchFlyweight;

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
    void everyEventKindRoundTripsThroughTheJournalByItsId() throws Exception {
        Path file = temp.resolve("kinds.vnsj");
        List<InputEvent> written = everyKind();
        assertEquals(List.of(EventKinds.PARAMETER_SET, EventKinds.CHANNEL_VALUE, EventKinds.TOUCH,
                EventKinds.FRAME_MARK, EventKinds.CUE_COMMAND, EventKinds.MODEL_RESULT, EventKinds.CONSOLE_COMMAND,
                200), written.stream().map(InputEvent::kind).toList(), "every kind this engine knows, and one it does not");
        try (JournalWriter writer = JournalWriter.create(file, HEADER)) {
            for (InputEvent e : written) {
                writer.onEvent(e, 0, true);
            }
        }
        try (JournalReader reader = JournalReader.open(file)) {
            assertEquals(JournalFormat.VERSION, reader.formatVersion());
            InputEvent read = new InputEvent();
            for (InputEvent expected : written) {
                assertTrue(reader.next(read), "record for " + EventKinds.name(expected.kind()));
                assertSame(expected, read);
            }
            assertFalse(reader.next(read));
        }
        // and the payloads read back through their flyweights as the values written
        try (JournalReader reader = JournalReader.open(file)) {
            InputEvent read = new InputEvent();
            reader.next(read);
            assertEquals(3, new ParameterSetFlyweight().wrap(read).slot());
            reader.next(read);
            assertEquals(-12.5f, new ChannelValueFlyweight().wrap(read).value());
            reader.next(read);
            TouchFlyweight touch = new TouchFlyweight().wrap(read);
            assertEquals(TouchKind.OBJECT, touch.kind());
            assertEquals(TouchPhase.UPDATED, touch.phase());
            assertEquals(-42L, touch.session());
            assertEquals(0.25f, touch.vy());
            reader.next(read);
            assertEquals(4, new FrameMarkFlyweight().wrap(read).eventsLatched());
            reader.next(read);
            CueCommandFlyweight cue = new CueCommandFlyweight().wrap(read);
            assertEquals(12, cue.cue());
            assertEquals(CueCommandFlyweight.GO, cue.action());
            assertEquals(3_000_000_000L, cue.fadeNanos());
            assertEquals(0.8f, cue.level());
            reader.next(read);
            ModelResultFlyweight model = new ModelResultFlyweight().wrap(read);
            assertEquals(2, model.model());
            assertEquals(ModelResultFlyweight.MAX_OUTPUTS, model.count());
            assertEquals(11.5f, model.output(11));
            reader.next(read);
            ConsoleCommandFlyweight console = new ConsoleCommandFlyweight().wrap(read);
            assertEquals(5, console.console());
            assertEquals(77, console.command());
            assertEquals(Long.MAX_VALUE - 1, console.requestId());
            assertEquals(2, console.count());
            assertEquals(-1f, console.argument(1));
        }
    }

    /**
     * A file written by the previous format (version 1, kinds stored as enum ordinals), made by
     * the engine before issue 8 and kept as a test resource: read into the same envelopes.
     */
    @Test
    void aVersionOneJournalIsReadIntoTheSameEvents() throws Exception {
        Path file = temp.resolve("v1.vnsj");
        try (var in = JournalTest.class.getResourceAsStream("/journal/v1-every-kind.vnsj")) {
            Files.copy(in, file);
        }
        List<InputEvent> expected = new ArrayList<>();
        InputEvent e = new InputEvent();
        e.setParameter(3, 0.75f, 1_000_000L);
        expected.add(copy(e));
        e.setChannel(2, -12.5f, 2_000_000L, InputBatch.IMMEDIATELY, true);
        expected.add(copy(e));
        e.setChannel(5, 440f, 2_000_000L, 40_000_000L, false);
        expected.add(copy(e));
        e.setTouch(TouchKind.OBJECT, TouchPhase.ADDED, 1, 77L, 12, 0.25f, 0.5f, 1.5f, -0.1f, 0.2f, 3_000_000L,
                InputBatch.IMMEDIATELY, true);
        expected.add(copy(e));
        e.setTouch(TouchKind.PHONE, TouchPhase.REMOVED, 2, 1L << 40, 0, 1f, 0f, 0f, 0f, 0f, 3_000_000L,
                InputBatch.IMMEDIATELY, false);
        expected.add(copy(e));
        e.setFrame(0, 16_000_000L, 32_000_000L, 5);
        expected.add(copy(e));
        e.setFrame(1, 32_000_000L, 48_000_000L, 6);
        expected.add(copy(e));

        try (JournalReader reader = JournalReader.open(file)) {
            assertEquals(1, reader.formatVersion());
            assertEquals(new JournalHeader(320, 180, 60.0, 1_780_000_000_000L, "v1 fixture", "sha256:v1"),
                    reader.header());
            InputEvent read = new InputEvent();
            for (InputEvent want : expected) {
                assertTrue(reader.next(read));
                assertSame(want, read);
            }
            assertFalse(reader.next(read));
            assertFalse(reader.truncated());
        }
        JournalSummary summary = JournalSummary.of(file);
        assertEquals(7, summary.events());
        assertEquals(2, summary.frames());
    }

    @Test
    void aJournalOfAnUnknownVersionIsRefusedNamingTheVersion() throws Exception {
        Path file = temp.resolve("future.vnsj");
        try (JournalWriter writer = JournalWriter.create(file, HEADER)) {
            writer.onEvent(sampleEvents().get(0), 0, true);
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[4] = 9; // the version byte follows "VNSJ"
        Files.write(file, bytes);

        JournalException e = assertThrows(JournalException.class, () -> JournalReader.open(file));

        assertTrue(e.getMessage().contains("journal format version 9; this engine reads versions 1 to 2"),
                e.getMessage());
    }

    @Test
    void aChannelValueTakesAtMostFourteenBytes() throws Exception {
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
        // flags 1 + kind 1 + arrival delta 3 (1 ms) + length 1 + payload 8 (channel, value); the first
        // record carries the start time. Version 1 took 9 with a codec per kind; version 2 stores any
        // kind's payload as it is, the price of kind ids that never change meaning.
        assertTrue(perEvent < 14.01, "bytes per channel value at 1 kHz: " + perEvent);
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
            assertTrue(error.getMessage().contains("unknown record flags 0x7f in record 2"), error.getMessage());
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

    private static InputEvent copy(InputEvent e) {
        InputEvent c = new InputEvent();
        c.copyFrom(e);
        return c;
    }

    /** One event of every kind, payloads filled through their flyweights. */
    private static List<InputEvent> everyKind() {
        List<InputEvent> events = new ArrayList<>(sampleEvents());
        events.remove(2); // keep one channel value
        events.remove(1);
        InputEvent channel = new InputEvent();
        channel.setChannel(7, -12.5f, 5_000_100_000L, 5_900_000_000L, true);
        events.add(1, channel);
        InputEvent cue = new InputEvent();
        CueCommandFlyweight.encode(cue.begin(EventKinds.CUE_COMMAND, 5_000_400_000L, 6_000_000_000L, false), 12,
                CueCommandFlyweight.GO, 3_000_000_000L, 0.8f);
        events.add(cue);
        InputEvent model = new InputEvent();
        ModelResultFlyweight result = new ModelResultFlyweight().wrap(
                model.begin(EventKinds.MODEL_RESULT, 5_000_500_000L, InputBatch.IMMEDIATELY, false));
        result.reset(2);
        for (int i = 0; i < ModelResultFlyweight.MAX_OUTPUTS; i++) {
            result.output(i, i + 0.5f);
        }
        events.add(model);
        InputEvent console = new InputEvent();
        new ConsoleCommandFlyweight().wrap(console.begin(EventKinds.CONSOLE_COMMAND, 5_000_600_000L,
                InputBatch.IMMEDIATELY, true)).reset(5, 77, Long.MAX_VALUE - 1).argument(0, 1f).argument(1, -1f);
        events.add(console);
        InputEvent future = new InputEvent(); // a kind a later engine may add: kept as bytes
        future.begin(200, 3, 5_000_700_000L, InputBatch.IMMEDIATELY, false);
        System.arraycopy(new byte[] {1, 2, 3}, 0, future.payloadArray(), future.payloadOffset(), 3);
        events.add(future);
        return events;
    }

    private static void assertSame(InputEvent expected, InputEvent actual) {
        assertEquals(expected.kind(), actual.kind());
        assertEquals(expected.continues(), actual.continues());
        assertEquals(expected.arrivalNanos(), actual.arrivalNanos());
        assertEquals(expected.dueNanos(), actual.dueNanos());
        assertEquals(expected.payloadLength(), actual.payloadLength());
        byte[] want = Arrays.copyOfRange(expected.payloadArray(), expected.payloadOffset(),
                expected.payloadOffset() + expected.payloadLength());
        byte[] got = Arrays.copyOfRange(actual.payloadArray(), actual.payloadOffset(),
                actual.payloadOffset() + actual.payloadLength());
        assertArrayEquals(want, got, "payload of " + EventKinds.name(expected.kind()));
    }
}
