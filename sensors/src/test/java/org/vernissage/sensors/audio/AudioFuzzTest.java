package org.vernissage.sensors.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.binding.AudioSelector;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.sensors.ChannelRecordingSink.Offer;
import org.vernissage.sensors.ChannelRecordingSink;
import org.vernissage.sensors.RecordingLogger;
import org.vernissage.sensors.SensorStartException;

/**
 * Random input for every audio decoder here: samples of any value (NaN, infinities, huge,
 * denormal, DC, full-scale square waves) into the analyzer at every sample rate; random bytes in
 * every PCM format into the decoder; mutated WAV files into {@link AudioInput}. Features must stay
 * finite and in 0..1, decoded samples in -1..1, and a broken file must give a start error or a
 * clean run, never an exception from elsewhere.
 */
class AudioFuzzTest {

    private static final long SEED = 0xA0D1_0F22L;
    private static final float[] RATES = {8_000, 22_050, 44_100, 48_000, 96_000, 192_000};

    @TempDir
    Path dir;

    @Test
    void anySamplesGiveFeaturesInZeroToOneAndNeverNaN() {
        SplittableRandom random = new SplittableRandom(SEED);
        long blocks = 0;
        long onsets = 0;
        for (int run = 0; run < 200; run++) {
            AudioAnalyzer analyzer = new AudioAnalyzer(RATES[random.nextInt(RATES.length)]);
            float[] samples = new float[random.nextInt(1, 6_000)];
            int kind = random.nextInt(6);
            for (int n = 0; n < samples.length; n++) {
                samples[n] = sample(kind, n, random);
            }
            long[] counts = {0, 0};
            AudioBlockListener check = a -> {
                assertUnit(a.level(), "level");
                for (int band = 0; band < AudioSelector.BANDS; band++) {
                    assertUnit(a.band(band), "band " + band);
                }
                assertTrue(Float.isFinite(a.lastFlux()), "flux");
                counts[0]++;
                counts[1] += a.onset() ? 1 : 0;
            };
            for (int at = 0; at < samples.length; ) {
                int chunk = Math.min(samples.length - at, random.nextInt(1, 2_000));
                analyzer.accept(samples, at, chunk, check);
                at += chunk;
            }
            blocks += counts[0];
            onsets += counts[1];
        }
        assertTrue(blocks > 1_000, "only " + blocks + " blocks");
        assertTrue(onsets > 0, "no onset in all that noise");
    }

    private static float sample(int kind, int n, SplittableRandom random) {
        return switch (kind) {
            case 0 -> (float) (2 * random.nextDouble() - 1);
            case 1 -> Float.intBitsToFloat(random.nextInt()); // anything: NaN, infinities, huge, denormal
            case 2 -> n % 2 == 0 ? 1f : -1f;                   // full-scale Nyquist square
            case 3 -> 1f;                                      // DC at full scale
            case 4 -> random.nextInt(500) == 0 ? (random.nextBoolean() ? Float.NaN : Float.NEGATIVE_INFINITY) : 0.3f;
            default -> (float) (random.nextDouble() * 1e30 - 5e29);
        };
    }

    private static void assertUnit(float value, String what) {
        assertTrue(value >= 0f && value <= 1f, what + " = " + value);
    }

    @Test
    void randomBytesInEveryFormatDecodeToSamplesInRange() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        List<AudioFormat> formats = List.of(
                format(Encoding.PCM_SIGNED, 8, 1, false), format(Encoding.PCM_SIGNED, 16, 2, false),
                format(Encoding.PCM_SIGNED, 16, 1, true), format(Encoding.PCM_SIGNED, 24, 3, false),
                format(Encoding.PCM_SIGNED, 24, 2, true), format(Encoding.PCM_SIGNED, 32, 1, false),
                format(Encoding.PCM_UNSIGNED, 8, 2, false), format(Encoding.PCM_UNSIGNED, 16, 1, true),
                format(Encoding.PCM_FLOAT, 32, 2, false), format(Encoding.PCM_FLOAT, 32, 1, true),
                format(Encoding.PCM_FLOAT, 64, 1, false), format(Encoding.PCM_FLOAT, 64, 6, true));
        float[] mono = new float[4_096];
        for (int c = 0; c < 20_000; c++) {
            AudioFormat format = formats.get(random.nextInt(formats.size()));
            PcmDecoder decoder = new PcmDecoder(format);
            byte[] bytes = new byte[random.nextInt(0, 600)];
            random.nextBytes(bytes);
            int frames = decoder.decode(bytes, bytes.length, mono);
            assertEquals(bytes.length / format.getFrameSize(), frames, format.toString());
            for (int i = 0; i < frames; i++) {
                assertTrue(mono[i] >= -1f && mono[i] <= 1f, format + ": " + mono[i]);
            }
        }
    }

    private static AudioFormat format(Encoding encoding, int bits, int channels, boolean bigEndian) {
        return new AudioFormat(encoding, 44_100, bits, channels, channels * bits / 8, 44_100, bigEndian);
    }

    @Test
    void mutatedWavFilesGiveAStartErrorOrACleanRun() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        byte[][] valid = {
                wav("a.wav", TestAudio.pcm16(44_100, 2)), wav("b.wav", TestAudio.float32(48_000, 1)),
                wav("c.wav", TestAudio.pcm8(22_050, 1)), wav("d.wav", TestAudio.pcm24(48_000, 2))};
        int opened = 0;
        int refused = 0;
        for (int c = 0; c < 150; c++) {
            byte[] bytes = valid[random.nextInt(valid.length)].clone();
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                // Mostly the header (the first 44 bytes), where sizes, rates and formats live.
                int at = random.nextInt(4) == 0 ? random.nextInt(bytes.length) : random.nextInt(Math.min(44, bytes.length));
                switch (random.nextInt(3)) {
                    case 0 -> bytes[at] = (byte) random.nextInt(256);
                    case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                    default -> bytes = java.util.Arrays.copyOf(bytes, Math.max(1, at));
                }
            }
            Path file = Files.write(dir.resolve("mutated" + c + ".wav"), bytes);
            ChannelRecordingSink sink = new ChannelRecordingSink();
            AudioInput input;
            try {
                input = AudioInput.openFile(file, AudioFileOptions.AS_FAST_AS_POSSIBLE, TestAudio.everyFeature(), sink,
                        new ManualClock(0), new RecordingLogger());
            } catch (SensorStartException e) {
                assertTrue(e.getMessage().startsWith("audio"), e.getMessage());
                refused++;
                continue;
            }
            opened++;
            try {
                input.start();
                assertTrue(input.awaitEnd(Duration.ofSeconds(20)), "a mutated file did not end: case " + c);
            } finally {
                input.close();
            }
            for (Offer offer : sink.offers()) {
                assertTrue(offer.value() >= 0 && offer.value() <= 1, offer + " in case " + c);
            }
        }
        assertTrue(opened > 10 && refused > 10, "opened " + opened + ", refused " + refused);
    }

    private byte[] wav(String name, AudioFormat format) throws Exception {
        Path file = TestAudio.writeWav(dir.resolve(name), format,
                TestAudio.sine(format.getSampleRate(), 0.05, 700, 0.5));
        return Files.readAllBytes(file);
    }
}
