package org.vernissage.sensors.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.audio.TestAudio.FEATURES;
import static org.vernissage.sensors.audio.TestAudio.LEVEL;
import static org.vernissage.sensors.audio.TestAudio.MINUS_6_DBFS;
import static org.vernissage.sensors.audio.TestAudio.ONSET;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.binding.AudioSelector;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.sensors.ChannelRecordingSink.Offer;
import org.vernissage.sensors.ChannelRecordingSink;
import org.vernissage.sensors.RecordingLogger;

/**
 * What the analysis measures, through the whole chain: WAV files generated here, read by
 * {@link AudioInput} as fast as possible, every feature bound (level, 8 bands, onset), the values
 * recorded block by block.
 */
class AudioFeaturesTest {

    private static final float RATE = 44_100;
    private static final int BAND_OF_1KHZ = 4; // 800..1692 Hz

    @TempDir
    Path dir;

    /** The features of every block of {@code file}: [level, band 0..7, onset]. */
    static List<float[]> analyse(Path file) throws Exception {
        ChannelRecordingSink sink = new ChannelRecordingSink();
        AudioInput input = AudioInput.openFile(file, AudioFileOptions.AS_FAST_AS_POSSIBLE, TestAudio.everyFeature(),
                sink, new ManualClock(0), new RecordingLogger());
        try {
            input.start();
            assertTrue(input.awaitEnd(Duration.ofSeconds(20)), "the file did not end");
        } finally {
            input.close();
        }
        List<Offer> offers = sink.offers();
        assertEquals(0, offers.size() % FEATURES, "a block published only some features");
        List<float[]> blocks = new ArrayList<>();
        for (int at = 0; at < offers.size(); at += FEATURES) {
            float[] block = new float[FEATURES];
            for (int f = 0; f < FEATURES; f++) {
                assertEquals(f, offers.get(at + f).channel());
                block[f] = offers.get(at + f).value();
            }
            blocks.add(block);
        }
        assertEquals(blocks.size(), input.counters().received());
        assertEquals(0, input.streamFailures());
        return blocks;
    }

    static int dominantBand(float[] block) {
        int best = 0;
        for (int band = 1; band < AudioSelector.BANDS; band++) {
            if (block[1 + band] > block[1 + best]) {
                best = band;
            }
        }
        return best;
    }

    @Test
    void silenceIsLevelZeroEveryBandZeroAndNoOnset() throws Exception {
        List<float[]> blocks = analyse(TestAudio.writeWav(dir.resolve("silence.wav"), TestAudio.pcm16(RATE, 1),
                TestAudio.silence(RATE, 1.0)));
        assertEquals(86, blocks.size()); // 44100 / 512, rounded down
        for (float[] block : blocks) {
            for (float value : block) {
                assertEquals(0f, value);
            }
        }
    }

    @Test
    void aOneKilohertzSineAtMinus6DbfsReadsItsLevelAndBand4Dominates() throws Exception {
        List<float[]> blocks = analyse(TestAudio.writeWav(dir.resolve("sine.wav"), TestAudio.pcm16(RATE, 1),
                TestAudio.sine(RATE, 1.0, 1000, MINUS_6_DBFS)));
        double expected = TestAudio.sineLevel(MINUS_6_DBFS);
        assertEquals(0.84983, expected, 1e-5);
        int onsets = 0;
        for (int b = 0; b < blocks.size(); b++) {
            float[] block = blocks.get(b);
            onsets += (int) block[ONSET];
            if (b < 1) {
                continue; // the first block is half silence (the window starts empty)
            }
            assertEquals(expected, block[LEVEL], 0.002, "level of block " + b);
            assertEquals(BAND_OF_1KHZ, dominantBand(block), "block " + b);
            assertEquals(expected, block[1 + BAND_OF_1KHZ], 0.01, "band 4 of block " + b);
            for (int band = 0; band < AudioSelector.BANDS; band++) {
                if (band != BAND_OF_1KHZ) {
                    assertTrue(block[1 + band] < block[1 + BAND_OF_1KHZ] - 0.3, "band " + band + " of block " + b);
                }
            }
        }
        assertEquals(1, onsets, "the sine starting is one onset, its steady state none");
        assertEquals(1f, blocks.get(0)[ONSET]);
    }

    @Test
    void aSweepMovesTheDominantBandUpThroughEveryBand() throws Exception {
        List<float[]> blocks = analyse(TestAudio.writeWav(dir.resolve("sweep.wav"), TestAudio.pcm16(RATE, 1),
                TestAudio.sweep(RATE, 3.0, 45, 15_000, 0.5)));
        List<Integer> dominant = new ArrayList<>();
        for (int b = 2; b < blocks.size() - 2; b++) {
            dominant.add(dominantBand(blocks.get(b)));
        }
        assertEquals(0, dominant.get(0));
        assertEquals(AudioSelector.BANDS - 1, dominant.get(dominant.size() - 1));
        for (int i = 1; i < dominant.size(); i++) {
            assertTrue(dominant.get(i) >= dominant.get(i - 1), "the dominant band went down: " + dominant);
        }
        assertEquals(AudioSelector.BANDS, new TreeSet<>(dominant).size(), "not every band dominated: " + dominant);
    }

    /** Noise bursts over a quiet room's noise (-60 dBFS RMS, which starts from digital silence). */
    @Test
    void burstsEvery500MsAreOnsetsWithinOneHopAndNothingInBetween() throws Exception {
        double[] starts = {0.25, 0.75, 1.25, 1.75, 2.25};
        List<float[]> blocks = analyse(TestAudio.writeWav(dir.resolve("bursts.wav"), TestAudio.pcm16(RATE, 1),
                TestAudio.bursts(RATE, 2.75, 0.001, starts, 42)));
        AudioAnalyzer timing = new AudioAnalyzer(RATE);
        List<Double> onsetTimes = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            if (blocks.get(b)[ONSET] == 1f) {
                onsetTimes.add(timing.blockCentreSample(b) / (double) RATE);
            } else {
                assertEquals(0f, blocks.get(b)[ONSET]);
            }
        }
        assertEquals(starts.length, onsetTimes.size(), "onsets at " + onsetTimes);
        double hopSeconds = timing.hop() / (double) RATE;
        for (int i = 0; i < starts.length; i++) {
            assertEquals(starts[i], onsetTimes.get(i), hopSeconds, "onset " + i + " of " + onsetTimes);
        }
    }

    @Test
    void everyFormatReadsTheSameSine() throws Exception {
        float[] sine44 = TestAudio.sine(44_100, 0.5, 1000, MINUS_6_DBFS);
        float[] sine48 = TestAudio.sine(48_000, 0.5, 1000, MINUS_6_DBFS);
        record Case(String name, AudioFormat format, float[] samples) {
        }
        List<Case> cases = List.of(
                new Case("16-bit mono 44.1k", TestAudio.pcm16(44_100, 1), sine44),
                new Case("16-bit stereo 48k", TestAudio.pcm16(48_000, 2), sine48),
                new Case("8-bit mono 44.1k", TestAudio.pcm8(44_100, 1), sine44),
                new Case("8-bit stereo 48k", TestAudio.pcm8(48_000, 2), sine48),
                new Case("24-bit stereo 48k", TestAudio.pcm24(48_000, 2), sine48),
                new Case("float mono 48k", TestAudio.float32(48_000, 1), sine48),
                new Case("float stereo 44.1k", TestAudio.float32(44_100, 2), sine44));
        double expected = TestAudio.sineLevel(MINUS_6_DBFS);
        for (Case c : cases) {
            List<float[]> blocks = analyse(TestAudio.writeWav(dir.resolve(c.name().replace(' ', '_') + ".wav"),
                    c.format(), c.samples()));
            assertTrue(blocks.size() >= 40, c.name());
            for (int b = 1; b < blocks.size(); b++) {
                // 8-bit quantisation noise sits near -50 dBFS: it moves the level by well under 0.005.
                assertEquals(expected, blocks.get(b)[LEVEL], 0.005, c.name() + " block " + b);
                assertEquals(BAND_OF_1KHZ, dominantBand(blocks.get(b)), c.name() + " block " + b);
            }
        }
    }

    @Test
    void stereoIsMixedToMonoByAveragingTheChannels() throws Exception {
        float[] sine = TestAudio.sine(RATE, 0.5, 1000, MINUS_6_DBFS);
        float[] silence = TestAudio.silence(RATE, 0.5);
        List<float[]> leftOnly = analyse(TestAudio.writeWav(dir.resolve("left.wav"), TestAudio.pcm16(RATE, 2),
                new float[][] {sine, silence}));
        // Half the amplitude: 6.02 dB lower than the sine in both channels.
        double expected = TestAudio.sineLevel(MINUS_6_DBFS / 2);
        for (int b = 1; b < leftOnly.size(); b++) {
            assertEquals(expected, leftOnly.get(b)[LEVEL], 0.002, "block " + b);
        }
        float[] inverted = sine.clone();
        for (int n = 0; n < inverted.length; n++) {
            inverted[n] = -inverted[n];
        }
        List<float[]> cancelled = analyse(TestAudio.writeWav(dir.resolve("phase.wav"), TestAudio.pcm16(RATE, 2),
                new float[][] {sine, inverted}));
        for (float[] block : cancelled) {
            assertEquals(0f, block[LEVEL], 0.05f); // out of phase cancels (up to rounding)
        }
    }
}
