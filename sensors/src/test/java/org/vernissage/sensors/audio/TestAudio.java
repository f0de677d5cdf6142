package org.vernissage.sensors.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.vernissage.engine.binding.AudioFeature;
import org.vernissage.engine.binding.AudioSelector;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;

/** Test signals, WAV files written with Java Sound, and the bindings that read every feature. */
final class TestAudio {

    private TestAudio() {
    }

    /** Peak amplitude of a sine at -6 dBFS. */
    static final double MINUS_6_DBFS = Math.pow(10, -6 / 20.0);

    /**
     * The level of a sine of peak amplitude A: its RMS is A / sqrt 2, in dBFS 20 log10(A / sqrt 2),
     * mapped from -60..0 onto 0..1. At -6 dBFS: 1 + (-6.0 - 3.0103) / 60 = 0.84983.
     */
    static double sineLevel(double amplitude) {
        return 1 + 20 * Math.log10(amplitude / Math.sqrt(2)) / 60;
    }

    /** Channels 0..9 read level, bands 0..7, onset (in that order). */
    static final int LEVEL = 0;
    static final int ONSET = 1 + AudioSelector.BANDS;
    static final int FEATURES = 2 + AudioSelector.BANDS;

    static List<BindingSpec> everyFeature() {
        List<BindingSpec> bindings = new ArrayList<>();
        bindings.add(binding(new AudioSelector(AudioFeature.LEVEL, -1)));
        for (int band = 0; band < AudioSelector.BANDS; band++) {
            bindings.add(binding(new AudioSelector(AudioFeature.BAND, band)));
        }
        bindings.add(binding(new AudioSelector(AudioFeature.ONSET, -1)));
        return bindings;
    }

    static BindingSpec binding(AudioSelector selector) {
        return new BindingSpec(selector, "p", 0, ConditioningSpec.linear(0, 1, 0, 1));
    }

    // ---- signals ----------------------------------------------------------------------------

    static float[] silence(float rate, double seconds) {
        return new float[(int) Math.round(rate * seconds)];
    }

    static float[] sine(float rate, double seconds, double hz, double amplitude) {
        float[] x = silence(rate, seconds);
        for (int n = 0; n < x.length; n++) {
            x[n] = (float) (amplitude * Math.sin(2 * Math.PI * hz * n / rate));
        }
        return x;
    }

    /** An exponential sweep from {@code fromHz} to {@code toHz}. */
    static float[] sweep(float rate, double seconds, double fromHz, double toHz, double amplitude) {
        float[] x = silence(rate, seconds);
        double k = Math.log(toHz / fromHz) / seconds;
        for (int n = 0; n < x.length; n++) {
            double t = n / (double) rate;
            double phase = 2 * Math.PI * fromHz * (Math.exp(k * t) - 1) / k;
            x[n] = (float) (amplitude * Math.sin(phase));
        }
        return x;
    }

    /**
     * Gaussian background noise of {@code noise} RMS, with decaying noise bursts (peak about
     * 0.5, 3 ms decay, 15 ms long) starting at each of {@code burstStarts} seconds.
     */
    static float[] bursts(float rate, double seconds, double noise, double[] burstStarts, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = silence(rate, seconds);
        for (int n = 0; n < x.length; n++) {
            x[n] = (float) (noise * gaussian(random));
        }
        int length = (int) (0.015 * rate);
        for (double start : burstStarts) {
            int s = (int) Math.round(start * rate);
            for (int i = 0; i < length && s + i < x.length; i++) {
                x[s + i] += (float) (0.5 * Math.exp(-i / (0.003 * rate)) * (2 * random.nextDouble() - 1));
            }
        }
        return x;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Fades the last {@code seconds} of {@code x} out linearly, in place, as a sound ending does. */
    static float[] fadeOut(float[] x, float rate, double seconds) {
        int length = (int) Math.round(seconds * rate);
        for (int i = 0; i < length; i++) {
            x[x.length - 1 - i] *= (float) i / length;
        }
        return x;
    }

    static float[] concat(float[]... parts) {
        int length = 0;
        for (float[] part : parts) {
            length += part.length;
        }
        float[] x = new float[length];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, x, at, part.length);
            at += part.length;
        }
        return x;
    }

    // ---- WAV files --------------------------------------------------------------------------

    static AudioFormat pcm16(float rate, int channels) {
        return new AudioFormat(Encoding.PCM_SIGNED, rate, 16, channels, 2 * channels, rate, false);
    }

    static AudioFormat pcm8(float rate, int channels) {
        return new AudioFormat(Encoding.PCM_UNSIGNED, rate, 8, channels, channels, rate, false);
    }

    static AudioFormat pcm24(float rate, int channels) {
        return new AudioFormat(Encoding.PCM_SIGNED, rate, 24, channels, 3 * channels, rate, false);
    }

    static AudioFormat float32(float rate, int channels) {
        return new AudioFormat(Encoding.PCM_FLOAT, rate, 32, channels, 4 * channels, rate, false);
    }

    /** Writes a mono WAV file of {@code samples}. */
    static Path writeWav(Path file, AudioFormat format, float[] samples) throws IOException {
        float[][] channels = new float[format.getChannels()][];
        java.util.Arrays.fill(channels, samples);
        return writeWav(file, format, channels);
    }

    /** Writes a WAV file with one array of samples per channel (all the same length). */
    static Path writeWav(Path file, AudioFormat format, float[][] channels) throws IOException {
        byte[] bytes = encode(format, channels);
        int frames = channels[0].length;
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(bytes), format, frames)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /** Interleaved little-endian bytes of {@code channels} in {@code format}. */
    static byte[] encode(AudioFormat format, float[][] channels) {
        int bytesPerSample = format.getSampleSizeInBits() / 8;
        int frames = channels[0].length;
        byte[] bytes = new byte[frames * format.getFrameSize()];
        int at = 0;
        for (int n = 0; n < frames; n++) {
            for (float[] channel : channels) {
                long bits = sampleBits(format, channel[n]);
                for (int i = 0; i < bytesPerSample; i++) {
                    bytes[at++] = (byte) (bits >>> (8 * i));
                }
            }
        }
        return bytes;
    }

    private static long sampleBits(AudioFormat format, float value) {
        if (Encoding.PCM_FLOAT.equals(format.getEncoding())) {
            return Float.floatToRawIntBits(value);
        }
        int bits = format.getSampleSizeInBits();
        double full = Math.pow(2, bits - 1);
        long quantised = Math.max((long) -full, Math.min((long) full - 1, Math.round(value * full)));
        return Encoding.PCM_UNSIGNED.equals(format.getEncoding()) ? quantised + (long) full : quantised;
    }
}
