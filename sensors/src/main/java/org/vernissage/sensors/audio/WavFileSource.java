package org.vernissage.sensors.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.vernissage.sensors.SensorStartException;

/**
 * Reads a WAV file through Java Sound's {@link AudioInputStream}, optionally from the start again
 * at its end (an installation looping a soundscape). PCM and float samples are read as they are;
 * other WAV encodings (mu-law, a-law) are converted to 16-bit PCM by Java Sound when it can.
 *
 * <p>Opened on the wiring thread, which gets a {@link SensorStartException} naming the file and
 * what was expected when it is missing or not a readable WAV; then read on the audio thread.
 * Reopening at a loop allocates a stream (once per pass of the file, not per block).
 */
final class WavFileSource implements PcmSource {

    static final String EXPECTED = "expected a WAV file (RIFF/WAVE) of PCM or float samples";

    private final Path file;
    private final boolean loop;
    private final AudioFormat format;
    private volatile AudioInputStream stream;   // replaced by the audio thread at a loop, closed by any
    private volatile boolean closed;

    private WavFileSource(Path file, boolean loop, AudioInputStream first) {
        this.file = file;
        this.loop = loop;
        this.stream = first;
        this.format = first.getFormat();
    }

    static WavFileSource open(Path file, boolean loop) throws SensorStartException {
        if (!Files.exists(file)) {
            throw new SensorStartException("audio file " + file + " not found; " + EXPECTED, null);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new SensorStartException("audio file " + file + " is not a readable file; " + EXPECTED, null);
        }
        try {
            AudioFileFormat fileFormat = AudioSystem.getAudioFileFormat(file.toFile());
            if (!AudioFileFormat.Type.WAVE.equals(fileFormat.getType())) {
                throw new SensorStartException("audio file " + file + " is a " + fileFormat.getType()
                        + " file; " + EXPECTED, null);
            }
            return new WavFileSource(file, loop, openStream(file));
        } catch (UnsupportedAudioFileException e) {
            throw new SensorStartException("audio file " + file + " is not a WAV file Java Sound can read; "
                    + EXPECTED, e);
        } catch (IOException e) {
            throw new SensorStartException("audio file " + file + " cannot be read (" + e.getMessage() + "); "
                    + EXPECTED, e);
        } catch (IllegalArgumentException e) {
            throw new SensorStartException("audio file " + file + ": " + e.getMessage() + "; " + EXPECTED, e);
        } catch (RuntimeException e) {
            // Java Sound's parsers can trip over a damaged header in their own ways.
            throw new SensorStartException("audio file " + file + " is damaged (" + e + "); " + EXPECTED, e);
        }
    }

    /** The file's stream, converted to 16-bit PCM when its encoding is not one we decode. */
    private static AudioInputStream openStream(Path file) throws UnsupportedAudioFileException, IOException {
        AudioInputStream raw = AudioSystem.getAudioInputStream(file.toFile());
        AudioFormat format = raw.getFormat();
        String problem = PcmDecoder.problem(format);
        if (problem == null) {
            return raw;
        }
        AudioFormat pcm = new AudioFormat(format.getSampleRate(), 16, format.getChannels(), true, false);
        if (AudioSystem.isConversionSupported(pcm, format)) {
            return AudioSystem.getAudioInputStream(pcm, raw);
        }
        raw.close();
        throw new IllegalArgumentException("it holds " + problem);
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public boolean realTime() {
        return false;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = stream.read(buffer, offset, length);
        if (read < 0 && loop && !closed) {
            stream.close();
            try {
                stream = openStream(file);
            } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
                throw new IOException("reopening " + file + " to loop: " + e.getMessage(), e);
            }
            if (closed) {
                stream.close(); // closed while reopening: do not leave this one open
                return -1;
            }
            read = stream.read(buffer, offset, length);
            if (read < 0) {
                return -1; // an empty file: looping it would spin
            }
        }
        return read;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stream.close();
        } catch (IOException e) {
            // closing a file we only read: nothing left to lose
        }
    }
}
