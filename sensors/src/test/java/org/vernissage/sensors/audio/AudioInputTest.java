package org.vernissage.sensors.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.audio.TestAudio.MINUS_6_DBFS;
import static org.vernissage.sensors.audio.TestAudio.binding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.binding.AudioFeature;
import org.vernissage.engine.binding.AudioSelector;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.MidiMessageKind;
import org.vernissage.engine.binding.MidiSelector;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.sensors.ChannelRecordingSink.Offer;
import org.vernissage.sensors.ChannelRecordingSink;
import org.vernissage.sensors.RecordingLogger;
import org.vernissage.sensors.SensorStartException;

/** {@link AudioInput} from generated WAV files (and a failing source) into a recording sink. */
class AudioInputTest {

    private static final float RATE = 44_100;
    private static final int HOP = 512;

    /** A MIDI binding first, so the audio bindings are channels 1, 2, 3 (their manifest index). */
    private static final List<BindingSpec> BINDINGS = List.of(
            new BindingSpec(new MidiSelector(MidiMessageKind.CC, 1, 0), "m", 0, ConditioningSpec.linear(0, 127, 0, 1)),
            binding(new AudioSelector(AudioFeature.LEVEL, -1)),
            binding(new AudioSelector(AudioFeature.BAND, 4)),
            binding(new AudioSelector(AudioFeature.ONSET, -1)));

    @TempDir
    Path dir;

    private final ChannelRecordingSink sink = new ChannelRecordingSink();
    private final RecordingLogger logger = new RecordingLogger();

    private AudioInput runToEnd(Path file, ManualClock clock) throws Exception {
        AudioInput input = AudioInput.openFile(file, AudioFileOptions.AS_FAST_AS_POSSIBLE, BINDINGS, sink, clock, logger);
        input.start();
        assertTrue(input.awaitEnd(Duration.ofSeconds(20)), "the file did not end");
        input.close();
        return input;
    }

    @Test
    void aWavFilePublishesExactlyTheAnalysersValuesForEveryBlockInOrder() throws Exception {
        float[] signal = TestAudio.concat(TestAudio.silence(RATE, 0.5),
                TestAudio.fadeOut(TestAudio.sine(RATE, 1.0, 1000, MINUS_6_DBFS), RATE, 0.05), TestAudio.silence(RATE, 0.5));
        Path file = TestAudio.writeWav(dir.resolve("piece.wav"), TestAudio.pcm16(RATE, 1), signal);
        AudioInput input = runToEnd(file, new ManualClock(7_000));

        // The expectation: the same 16-bit samples through an analyser of our own.
        float[] quantised = new float[signal.length];
        for (int n = 0; n < signal.length; n++) {
            quantised[n] = Math.round(signal[n] * 32768f) / 32768f;
        }
        List<Offer> expected = new ArrayList<>();
        new AudioAnalyzer(RATE).accept(quantised, 0, quantised.length, a -> {
            expected.add(new Offer(1, a.level(), 7_000));
            expected.add(new Offer(2, a.band(4), 7_000));
            expected.add(new Offer(3, a.onset() ? 1 : 0, 7_000));
        });
        assertEquals(expected, sink.offers());

        int blocks = signal.length / HOP;
        assertEquals(3 * blocks, expected.size());
        assertEquals(blocks, input.counters().received());
        assertEquals(0, input.counters().dropped());
        assertEquals(0, input.counters().rejected());
        assertEquals(7_000, input.counters().lastSeenNanos());
        assertEquals("audio " + file, input.counters().source());
        assertEquals(0, input.streamFailures());
        assertFalse(input.isRunning());
        // What the sequence says: silence, then the sine from 0.5 s (one onset there: a sound fading
        // out is none), then silence.
        List<Integer> onsetBlocks = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            if (expected.get(3 * b + 2).value() == 1f) {
                onsetBlocks.add(b);
            }
        }
        assertEquals(List.of((int) Math.round(0.5 * RATE / HOP)), onsetBlocks);
        assertEquals(0f, expected.get(3 * 10).value());
        assertEquals(TestAudio.sineLevel(MINUS_6_DBFS), expected.get(3 * 80).value(), 0.002);
        assertEquals(0f, expected.get(3 * (blocks - 1)).value());
        assertEquals(List.of("INFO audio " + file + ": end of the file after " + blocks + " blocks"), logger.snapshot());
    }

    @Test
    void realTimePacingPublishesEachBlockWhenTheClockReachesItsEnd() throws Exception {
        Path file = TestAudio.writeWav(dir.resolve("second.wav"), TestAudio.pcm16(RATE, 1),
                TestAudio.sine(RATE, 1.0, 440, 0.25));
        ManualClock clock = new ManualClock(0);
        AudioInput input = AudioInput.openFile(file, AudioFileOptions.REAL_TIME, BINDINGS, sink, clock, logger);
        long step = TimeUnit.MILLISECONDS.toNanos(100);
        try {
            input.start();
            for (long now = step; now <= TimeUnit.SECONDS.toNanos(1); now += step) {
                clock.advance(step);
                long due = (long) Math.floor(now / 1e9 * RATE / HOP); // blocks whose last sample is due
                awaitAtLeast(input.counters()::received, due);
                assertEquals(due, input.counters().received(), "at " + now / 1_000_000 + " ms");
            }
            clock.advance(step);
            assertTrue(input.awaitEnd(Duration.ofSeconds(10)));
        } finally {
            input.close();
        }
        List<Offer> offers = sink.offers();
        for (int b = 0; b < offers.size() / 3; b++) {
            long dueNanos = (long) ((b + 1) * HOP * 1e9 / RATE);
            long expectedArrival = (dueNanos + step - 1) / step * step; // the first clock step at or after it
            assertEquals(expectedArrival, offers.get(3 * b).arrivalNanos(), "block " + b);
        }
    }

    @Test
    void aLoopingFileStartsOverUntilClosed() throws Exception {
        Path file = TestAudio.writeWav(dir.resolve("short.wav"), TestAudio.pcm16(RATE, 1),
                TestAudio.sine(RATE, 0.1, 1000, MINUS_6_DBFS));
        AudioInput input = AudioInput.openFile(file, new AudioFileOptions(AudioFileOptions.Pacing.AS_FAST_AS_POSSIBLE, true),
                BINDINGS, sink, new ManualClock(0), logger);
        try {
            input.start();
            awaitAtLeast(input.counters()::received, 200); // the file holds 8 blocks
            assertTrue(input.isRunning());
        } finally {
            input.close();
        }
        assertFalse(input.isRunning());
        assertEquals(0, input.streamFailures());
        for (Offer offer : sink.offers().subList(30, 600)) {
            if (offer.channel() == 1) {
                assertEquals(TestAudio.sineLevel(MINUS_6_DBFS), offer.value(), 0.002); // no gap at the seams
            }
        }
        assertEquals(List.of(), logger.snapshot());
    }

    @Test
    void aMissingFileOrOneThatIsNotAWavFileIsAClearStartError() throws Exception {
        Path missing = dir.resolve("nowhere.wav");
        assertEquals("audio file " + missing + " not found; expected a WAV file (RIFF/WAVE) of PCM or float samples",
                startError(missing));

        assertEquals("audio file " + dir + " is not a readable file; expected a WAV file (RIFF/WAVE) of PCM or float"
                + " samples", startError(dir));

        Path text = Files.writeString(dir.resolve("notes.wav"), "not audio at all, just words in a file");
        assertEquals("audio file " + text + " is not a WAV file Java Sound can read; expected a WAV file (RIFF/WAVE)"
                + " of PCM or float samples", startError(text));

        Path aiff = dir.resolve("piece.aiff");
        byte[] pcm = TestAudio.encode(TestAudio.pcm16(RATE, 1), new float[][] {TestAudio.sine(RATE, 0.1, 440, 0.5)});
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm), TestAudio.pcm16(RATE, 1),
                pcm.length / 2)) {
            AudioSystem.write(stream, AudioFileFormat.Type.AIFF, aiff.toFile());
        }
        assertEquals("audio file " + aiff + " is a AIFF file; expected a WAV file (RIFF/WAVE) of PCM or float samples",
                startError(aiff));

        Path truncated = dir.resolve("truncated.wav");
        Files.write(truncated, new byte[] {'R', 'I', 'F', 'F', 1, 0, 0, 0, 'W', 'A', 'V', 'E'});
        assertTrue(startError(truncated).startsWith("audio file " + truncated + " "), startError(truncated));
    }

    private String startError(Path file) {
        return assertThrows(SensorStartException.class, () -> AudioInput.openFile(file, AudioFileOptions.REAL_TIME,
                BINDINGS, sink, new ManualClock(0), logger)).getMessage();
    }

    @Test
    void nanAndInfiniteFloatSamplesAreRejectedLoggedOnceAndReadAsSilence() throws Exception {
        float[] signal = TestAudio.sine(RATE, 0.5, 1000, MINUS_6_DBFS);
        for (int n = 5_000; n < 15_000; n += 700) {
            signal[n] = n % 2 == 0 ? Float.NaN : Float.POSITIVE_INFINITY;
        }
        AudioInput input = runToEnd(TestAudio.writeWav(dir.resolve("nan.wav"), TestAudio.float32(RATE, 1), signal),
                new ManualClock(0));
        assertTrue(input.counters().rejected() >= 10, input.counters().toString());
        for (Offer offer : sink.offers()) {
            assertTrue(offer.value() >= 0 && offer.value() <= 1, offer.toString());
        }
        List<String> log = logger.snapshot();
        assertEquals(2, log.size(), log::toString); // the NaN warning once, and the end of the file
        assertTrue(log.get(0).contains("NaN or infinite were read as 0"), log.get(0));
    }

    @Test
    void aFullRingDropsEveryValueAndLogsOnce() throws Exception {
        sink.full = true;
        AudioInput input = runToEnd(TestAudio.writeWav(dir.resolve("full.wav"), TestAudio.pcm16(RATE, 1),
                TestAudio.sine(RATE, 0.5, 1000, MINUS_6_DBFS)), new ManualClock(0));
        assertEquals(3 * input.counters().received(), input.counters().dropped());
        assertEquals(1, logger.snapshot().stream().filter(line -> line.contains("ring is full")).count());
    }

    @Test
    void aStreamEndingOnAnOnsetBlockReleasesTheOnsetToZero() throws Exception {
        // 20 hops of silence, then one hop of loud noise: the last block is the onset.
        float[] signal = TestAudio.concat(TestAudio.silence(RATE, 20 * HOP / RATE),
                TestAudio.bursts(RATE, HOP / RATE, 0, new double[] {0}, 3));
        AudioInput input = runToEnd(TestAudio.writeWav(dir.resolve("onset-at-end.wav"), TestAudio.pcm16(RATE, 1), signal),
                new ManualClock(0));
        List<Offer> offers = sink.offers();
        assertEquals(21, input.counters().received());
        assertEquals(3 * 21 + 1, offers.size());
        assertEquals(new Offer(3, 1, 0), offers.get(3 * 21 - 1));
        assertEquals(new Offer(3, 0, 0), offers.get(3 * 21));
    }

    @Test
    void aSourceFailingMidShowIsCountedLoggedOnceAndEndsTheThread() throws Exception {
        FailingSource source = new FailingSource(TestAudio.pcm16(RATE, 1), 30);
        AudioInput input = new AudioInput(source, false, BINDINGS, sink, new ManualClock(0), logger);
        input.start();
        assertTrue(input.awaitEnd(Duration.ofSeconds(10)));
        assertEquals(1, input.streamFailures());
        assertEquals(30, input.counters().received()); // the values of block 30 are the last ones
        assertEquals(90, sink.size());
        assertEquals(List.of("WARNING audio failing test source: the input failed (device unplugged);"
                + " the audio bindings keep their last values"), logger.snapshot());
        assertTrue(source.closed);
        input.close();
        assertEquals(1, input.streamFailures());
    }

    @Test
    void aSourceLostRightAfterAnOnsetReleasesItAndItsReplacementStartsTheAnalysisAfresh() throws Exception {
        // 20 hops of silence, then one hop of loud noise: the last block before the loss is an onset.
        float[] onsetLast = TestAudio.concat(TestAudio.silence(RATE, 20 * HOP / RATE),
                TestAudio.bursts(RATE, HOP / RATE, 0, new double[] {0}, 3));
        ScriptedSource first = new ScriptedSource(onsetLast);
        ScriptedSource replacement = new ScriptedSource(TestAudio.silence(RATE, 5 * HOP / RATE));
        PcmSourceReopener reopener = new PcmSourceReopener() {
            private boolean given;

            @Override
            public PcmSource reopen(AudioFormat format) {
                assertEquals(first.format().toString(), format.toString());
                if (given) {
                    return null;
                }
                given = true;
                return replacement;
            }

            @Override
            public String describe() {
                return "the scripted source";
            }
        };
        ManualClock clock = new ManualClock(0);
        AudioInput input = new AudioInput(first, false, BINDINGS, sink, clock, logger,
                new SourceRecovery(reopener, Duration.ofMillis(5), clock, logger));
        input.start();
        awaitAtLeast(input::streamFailures, 2); // the replacement delivers 5 hops, then fails too
        input.close();

        assertEquals(1, input.reconnections());
        assertEquals(21 + 5, input.counters().received());
        List<Offer> offers = sink.offers();
        assertEquals(3 * 21 + 1 + 3 * 5, offers.size());
        assertEquals(new Offer(3, 1, 0), offers.get(3 * 21 - 1));
        assertEquals(new Offer(3, 0, 0), offers.get(3 * 21)); // released at the loss, not at the end
        for (Offer offer : offers.subList(3 * 21 + 1, offers.size())) {
            assertEquals(0, offer.value(), offer::toString); // silence, and no onset from the old spectrum
        }
        assertTrue(first.closed && replacement.closed);
        assertEquals(List.of(
                "WARNING audio scripted source: the input failed (device unplugged); the audio bindings keep their"
                        + " last values while the scripted source is looked for every 5 ms",
                "INFO audio scripted source reconnected after 0.0 s",
                "WARNING audio scripted source: the input failed (device unplugged); the audio bindings keep their"
                        + " last values while the scripted source is looked for every 5 ms"), logger.snapshot());
    }

    @Test
    void aSourceThatReturnsNothingForeverIsCalledDeadNotSpunOn() throws Exception {
        FailingSource source = new FailingSource(TestAudio.pcm16(RATE, 1), 5);
        source.emptyInsteadOfFailing = true;
        AudioInput input = new AudioInput(source, false, BINDINGS, sink, new ManualClock(0), logger);
        input.start();
        assertTrue(input.awaitEnd(Duration.ofSeconds(20)));
        assertEquals(1, input.streamFailures());
        assertEquals(5, input.counters().received());
        assertEquals(List.of("WARNING audio failing test source: the input failed (the source returned no data 1000"
                + " times in a row); the audio bindings keep their last values"), logger.snapshot());
        input.close();
    }

    @Test
    void startTwiceIsRefusedAndCloseBeforeStartIsHarmless() throws Exception {
        Path file = TestAudio.writeWav(dir.resolve("a.wav"), TestAudio.pcm16(RATE, 1), TestAudio.silence(RATE, 0.1));
        AudioInput never = AudioInput.openFile(file, AudioFileOptions.REAL_TIME, BINDINGS, sink, new ManualClock(0), logger);
        never.close();
        assertThrows(IllegalStateException.class, never::start);
        AudioInput twice = AudioInput.openFile(file, AudioFileOptions.AS_FAST_AS_POSSIBLE, BINDINGS, sink,
                new ManualClock(0), logger);
        try {
            twice.start();
            assertThrows(IllegalStateException.class, twice::start);
        } finally {
            twice.close();
        }
    }

    static void awaitAtLeast(LongSupplier value, long wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (value.getAsLong() < wanted && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertTrue(value.getAsLong() >= wanted, "waited 10 s for " + wanted + ", got " + value.getAsLong());
    }

    /** Serves {@code signal} (16-bit mono), then fails as an unplugged device would. */
    private static final class ScriptedSource implements PcmSource {
        private final AudioFormat format = TestAudio.pcm16(RATE, 1);
        private final byte[] bytes;
        private int position;
        volatile boolean closed;

        ScriptedSource(float[] signal) {
            this.bytes = TestAudio.encode(format, new float[][] {signal});
        }

        @Override
        public AudioFormat format() {
            return format;
        }

        @Override
        public String describe() {
            return "scripted source";
        }

        @Override
        public boolean realTime() {
            return true;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= bytes.length) {
                throw new IOException("device unplugged");
            }
            int n = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Serves a quiet sine for {@code chunks} hops, then fails as an unplugged device would. */
    private static final class FailingSource implements PcmSource {
        private final AudioFormat format;
        private final byte[] hop;
        private int chunksLeft;
        volatile boolean closed;
        boolean emptyInsteadOfFailing;

        FailingSource(AudioFormat format, int chunks) {
            this.format = format;
            this.hop = TestAudio.encode(format, new float[][] {TestAudio.sine(RATE, HOP / RATE, 1000, 0.1)});
            this.chunksLeft = chunks;
        }

        @Override
        public AudioFormat format() {
            return format;
        }

        @Override
        public String describe() {
            return "failing test source";
        }

        @Override
        public boolean realTime() {
            return true;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (chunksLeft-- <= 0) {
                if (emptyInsteadOfFailing) {
                    return 0;
                }
                throw new IOException("device unplugged");
            }
            System.arraycopy(hop, 0, buffer, offset, length);
            return length;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
