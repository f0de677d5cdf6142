package org.vernissage.sensors.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;

/**
 * Decodes interleaved PCM bytes into mono float samples in -1..1, averaging the channels of each
 * frame. Reads signed PCM of 8, 16, 24 or 32 bits, unsigned PCM of 8 or 16 bits, and IEEE float
 * of 32 or 64 bits, little- or big-endian, any channel count. Integer formats cannot produce a
 * value outside -1..1; float samples that are NaN or infinite are counted
 * ({@link #nonFiniteSamples()}) and read as 0, finite ones beyond full scale are clipped.
 *
 * <p>The format is checked once, at construction ({@link #supports}); {@link #decode} allocates
 * nothing. Not thread-safe; owned by the audio thread of an {@link AudioInput}.
 */
public final class PcmDecoder {

    private enum Sample { SIGNED, UNSIGNED, FLOAT }

    private final Sample sample;
    private final int bytesPerSample;
    private final int channels;
    private final int frameSize;
    private final boolean bigEndian;
    private final float scale;          // 1 / 2^(bits-1) for integers
    private long nonFiniteSamples;

    public PcmDecoder(AudioFormat format) {
        String problem = problem(format);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Encoding encoding = format.getEncoding();
        this.sample = Encoding.PCM_FLOAT.equals(encoding) ? Sample.FLOAT
                : Encoding.PCM_UNSIGNED.equals(encoding) ? Sample.UNSIGNED : Sample.SIGNED;
        this.bytesPerSample = format.getSampleSizeInBits() / 8;
        this.channels = format.getChannels();
        this.frameSize = format.getFrameSize();
        this.bigEndian = format.isBigEndian() && bytesPerSample > 1;
        this.scale = (float) Math.pow(2, -(format.getSampleSizeInBits() - 1));
    }

    /** Whether this decoder reads {@code format}. */
    public static boolean supports(AudioFormat format) {
        return problem(format) == null;
    }

    /** Why {@code format} cannot be decoded, for an operator, or null when it can. */
    public static String problem(AudioFormat format) {
        Encoding encoding = format.getEncoding();
        int bits = format.getSampleSizeInBits();
        boolean known = Encoding.PCM_SIGNED.equals(encoding) && (bits == 8 || bits == 16 || bits == 24 || bits == 32)
                || Encoding.PCM_UNSIGNED.equals(encoding) && (bits == 8 || bits == 16)
                || Encoding.PCM_FLOAT.equals(encoding) && (bits == 32 || bits == 64);
        if (!known) {
            return encoding + " " + bits + "-bit samples are not supported; expected PCM signed 8/16/24/32-bit,"
                    + " unsigned 8/16-bit or float 32/64-bit";
        }
        if (format.getChannels() < 1 || format.getFrameSize() != format.getChannels() * (bits / 8)) {
            return "frames of " + format.getFrameSize() + " bytes for " + format.getChannels() + " channel(s) of "
                    + bits + "-bit samples are not plain interleaved PCM";
        }
        return null;
    }

    public int frameSize() {
        return frameSize;
    }

    /**
     * Decodes the whole frames in {@code bytes[0..byteCount)} into {@code mono}, one sample per
     * frame, and returns how many frames that was (a trailing partial frame is ignored).
     */
    public int decode(byte[] bytes, int byteCount, float[] mono) {
        int frames = byteCount / frameSize;
        float perChannel = 1f / channels;
        int at = 0;
        for (int frame = 0; frame < frames; frame++) {
            float sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                sum += read(bytes, at);
                at += bytesPerSample;
            }
            mono[frame] = sum * perChannel;
        }
        return frames;
    }

    /** Float samples that were NaN or infinite, since construction. */
    public long nonFiniteSamples() {
        return nonFiniteSamples;
    }

    private float read(byte[] b, int at) {
        return switch (sample) {
            case SIGNED -> readSigned(b, at) * scale;
            case UNSIGNED -> (readUnsigned(b, at) - (1 << (bytesPerSample * 8 - 1))) * scale;
            case FLOAT -> readFloat(b, at);
        };
    }

    /** The sample's bytes as an unsigned integer of bytesPerSample bytes. */
    private long readUnsigned(byte[] b, int at) {
        long value = 0;
        for (int i = 0; i < bytesPerSample; i++) {
            int shift = 8 * (bigEndian ? bytesPerSample - 1 - i : i);
            value |= (long) (b[at + i] & 0xFF) << shift;
        }
        return value;
    }

    private long readSigned(byte[] b, int at) {
        int bits = bytesPerSample * 8;
        return readUnsigned(b, at) << (64 - bits) >> (64 - bits); // sign-extend
    }

    private float readFloat(byte[] b, int at) {
        long raw = readUnsigned(b, at);
        double value = bytesPerSample == 4 ? Float.intBitsToFloat((int) raw) : Double.longBitsToDouble(raw);
        if (!Double.isFinite(value)) {
            nonFiniteSamples++;
            return 0f;
        }
        return (float) Math.max(-1.0, Math.min(1.0, value));
    }
}
