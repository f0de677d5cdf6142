package org.vernissage.sensors.audio;

import java.io.IOException;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;
import org.vernissage.sensors.SensorStartException;

/**
 * Records from a {@link CaptureDevice}'s {@link TargetDataLine} in the first format of
 * {@link #FORMATS} it supports (16-bit signed little-endian, 48 or 44.1 kHz, mono preferred; a
 * stereo input is mixed down by the decoder). The line's own blocking read paces the audio thread.
 *
 * <p>A line that dies mid-show (unplugged, taken by the OS, stopped by something else) shows as a
 * read returning short while nobody closed it, or a read that throws: that becomes an
 * {@link IOException} for {@link AudioInput}, which counts the loss, logs it once, closes this
 * source and opens a new one on the same device name when it is back ({@link LineReopener},
 * {@link SourceRecovery}). A driver whose read blocks forever on an unplugged device would not be
 * noticed; this machine has no sound card to find out.
 *
 * <p>Opened on the wiring thread; read on the audio thread; {@link #close()} from either.
 */
final class LineInSource implements PcmSource {

    static final List<AudioFormat> FORMATS = List.of(
            new AudioFormat(48_000, 16, 1, true, false),
            new AudioFormat(44_100, 16, 1, true, false),
            new AudioFormat(48_000, 16, 2, true, false),
            new AudioFormat(44_100, 16, 2, true, false));
    /** The line's own buffer: a quarter second absorbs a late audio thread without losing samples. */
    static final double BUFFER_SECONDS = 0.25;

    private final CaptureDevice device;
    private final TargetDataLine line;
    private final AudioFormat format;
    private volatile boolean closed;

    private LineInSource(CaptureDevice device, TargetDataLine line, AudioFormat format) {
        this.device = device;
        this.line = line;
        this.format = format;
    }

    /** Opens {@code device} in the first of {@link #FORMATS} it supports, and starts it. */
    static LineInSource open(CaptureDevice device) throws SensorStartException {
        AudioFormat format = FORMATS.stream().filter(device::supports).findFirst().orElseThrow(() ->
                new SensorStartException("audio input '" + device.name() + "' records in none of the formats"
                        + " this adapter reads: " + FORMATS, null));
        return open(device, format);
    }

    /**
     * Opens {@code device} in exactly {@code format} and starts it: a line opened again after a
     * loss must deliver what the analysis was built for at start-up.
     *
     * @throws SensorStartException when the device does not record in that format, or cannot be
     *     opened or started; the line is left closed
     */
    static LineInSource open(CaptureDevice device, AudioFormat format) throws SensorStartException {
        if (!device.supports(format)) {
            throw new SensorStartException("audio input '" + device.name() + "' does not record in " + format
                    + " (the format it was opened in at start-up)", null);
        }
        TargetDataLine line;
        try {
            line = device.line(format);
            int bufferBytes = format.getFrameSize() * (int) (format.getSampleRate() * BUFFER_SECONDS);
            line.open(format, bufferBytes);
        } catch (LineUnavailableException | RuntimeException e) {
            throw new SensorStartException("audio input '" + device.name()
                    + "' cannot be opened (is another program recording from it?): " + e.getMessage(), e);
        }
        try {
            line.start();
        } catch (RuntimeException e) {
            closeQuietly(line);
            throw new SensorStartException("audio input '" + device.name() + "' opened but cannot be started: "
                    + e.getMessage(), e);
        }
        return new LineInSource(device, line, format);
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public String describe() {
        return device.name();
    }

    @Override
    public boolean realTime() {
        return true;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read;
        try {
            read = line.read(buffer, offset, length);
        } catch (RuntimeException e) {
            throw new IOException("the line failed: " + e, e);
        }
        if (read < length && !closed) {
            // The read only returns early when the line was closed, stopped or flushed.
            throw new IOException("the line stopped delivering after " + read + " of " + length
                    + " bytes (open " + line.isOpen() + ", active " + line.isActive() + ")");
        }
        return read;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(line); // unblocks a read in progress
    }

    private static void closeQuietly(TargetDataLine line) {
        try {
            line.stop();
            line.close();
        } catch (RuntimeException e) {
            // a line that died may refuse to be closed; it is released with the mixer
        }
    }
}
