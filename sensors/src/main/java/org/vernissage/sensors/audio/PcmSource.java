package org.vernissage.sensors.audio;

import java.io.IOException;
import javax.sound.sampled.AudioFormat;

/**
 * Where an {@link AudioInput} gets its PCM bytes: a WAV file or a line-in.
 *
 * <p>{@link #read} is called only on the audio thread; {@link #close()} may be called from the
 * wiring thread while a read is blocked (it must unblock it) and again from the audio thread, so
 * it must be idempotent and thread-safe. Owned by the {@link AudioInput} it is given to.
 */
interface PcmSource extends AutoCloseable {

    /** The format of the bytes {@link #read} returns (one the {@link PcmDecoder} supports). */
    AudioFormat format();

    /** For counters and log lines: {@code "/show/room.wav"}, {@code "USB Audio [plughw:1,0]"}. */
    String describe();

    /** Whether reads arrive at the pace of the audio itself (a line), so nobody else paces them. */
    boolean realTime();

    /**
     * Reads up to {@code length} bytes (whole frames) and returns how many, or -1 at the end.
     *
     * @throws IOException when the source failed (a file that cannot be read, a line that died)
     */
    int read(byte[] buffer, int offset, int length) throws IOException;

    @Override
    void close();
}
