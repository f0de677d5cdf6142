package org.vernissage.engine.journal;

import com.lmax.disruptor.EventHandler;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.PayloadFlyweight;
import org.vernissage.engine.pipeline.event.TouchFlyweight;

/**
 * Records every event of the input ring, in ring order, to a compact file (see
 * {@link JournalFormat}), so that {@code vernissage replay} can feed the same events back and get
 * the same frames. It is a consumer of the ring in parallel with the conductor: it sees exactly
 * the events the conductor sees, in the same order, including the frame marks that say which
 * events each frame showed. Each record is the event's envelope and its payload bytes, tagged with
 * the kind id, so every kind, present and future, is journalled the same way.
 *
 * <p>Encodes into one reused direct buffer (no allocation per event) and writes it out at every
 * frame mark and whenever it fills, so a crash loses at most about one frame of input. A write
 * error (a full disk) is logged once and ends the recording, never the show.
 *
 * <p>What it keeps of the audience is its {@link JournalPrivacy}: phones' participant numbers
 * rewritten to per-visit random ids ({@link AudienceIds}) in the copy it writes (the ring's event is
 * never touched: the conductor reads it too), and in features-only mode no touch at all. A touch
 * left out that closed an all-or-nothing batch clears the "continues" flag of the record written
 * before it, so the batches a reader rebuilds stay whole.
 *
 * <p>{@link #onEvent} runs on the journal's ring thread; {@link #close} on the thread that closes
 * the ring, after the ring stopped. Counters may be read from any thread. Owned by the app's run.
 */
public final class JournalWriter implements EventHandler<InputEvent>, AutoCloseable {

    private static final Logger LOG = System.getLogger(JournalWriter.class.getName());
    private static final int BUFFER_BYTES = 256 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final ByteBuffer patch = ByteBuffer.allocateDirect(1);
    private final JournalPrivacy privacy;
    private final AudienceIds audienceIds;
    private long previousArrival;
    /** The file offset of the last written record's flags byte, and whether it said "continues". */
    private long lastFlagsOffset = -1;
    private int lastFlags;
    private volatile long eventsWithheld;
    private volatile long eventsWritten;
    private volatile long bytesWritten;
    private volatile boolean failed;

    private JournalWriter(Path file, FileChannel channel, JournalPrivacy privacy) {
        this.file = file;
        this.channel = channel;
        this.privacy = privacy;
        this.audienceIds = privacy.anonymiseAudience() ? new AudienceIds() : null;
    }

    /**
     * Creates {@code file} (it must not exist: a recording never overwrites anything) and writes
     * the header. Keeps every event exactly ({@link JournalPrivacy#EXACT}).
     */
    public static JournalWriter create(Path file, JournalHeader header) throws JournalException {
        return create(file, header, JournalPrivacy.EXACT);
    }

    /**
     * Creates {@code file} (it must not exist) and writes the header; events are kept as
     * {@code privacy} says.
     */
    public static JournalWriter create(Path file, JournalHeader header, JournalPrivacy privacy)
            throws JournalException {
        java.util.Objects.requireNonNull(privacy, "privacy");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new JournalException(file, "already exists; a recording never overwrites a file, choose a new name");
        } catch (IOException e) {
            throw new JournalException(file, "cannot create the journal: " + e.getMessage(), e);
        }
        JournalWriter writer = new JournalWriter(file, channel, privacy);
        try {
            writer.writeHeader(header);
        } catch (IOException e) {
            writer.closeQuietly();
            throw new JournalException(file, "cannot write the journal: " + e.getMessage(), e);
        }
        return writer;
    }

    public Path file() {
        return file;
    }

    /** Ring events recorded so far. */
    public long eventsWritten() {
        return eventsWritten;
    }

    /** Bytes on disk so far, header included. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Ring events left out by the privacy setting (raw touches in features-only mode). */
    public long eventsWithheld() {
        return eventsWithheld;
    }

    /** What this journal keeps of the audience. */
    public JournalPrivacy privacy() {
        return privacy;
    }

    /** Whether a write failed and the recording stopped. */
    public boolean failed() {
        return failed;
    }

    @Override
    public void onEvent(InputEvent event, long sequence, boolean endOfBatch) {
        if (failed) {
            return;
        }
        if (privacy.featuresOnly() && event.kind() == EventKinds.TOUCH) {
            withhold(event);
            return;
        }
        if (buffer.remaining() < JournalFormat.MAX_RECORD_BYTES) {
            flush();
        }
        encode(event);
        eventsWritten = eventsWritten + 1;
        if (event.kind() == EventKinds.FRAME_MARK) {
            flush();
        }
    }

    private void encode(InputEvent e) {
        boolean hasDue = e.dueNanos() != InputBatch.IMMEDIATELY;
        int flags = (e.continues() ? JournalFormat.CONTINUES : 0) | (hasDue ? JournalFormat.HAS_DUE : 0);
        lastFlagsOffset = bytesWritten + buffer.position();
        lastFlags = flags;
        buffer.put((byte) flags);
        putUnsigned(e.kind());
        putSigned(e.arrivalNanos() - previousArrival);
        previousArrival = e.arrivalNanos();
        if (hasDue) {
            putSigned(e.dueNanos() - e.arrivalNanos());
        }
        int length = e.payloadLength();
        buffer.put((byte) length);
        int payloadAt = buffer.position();
        buffer.put(e.payloadArray(), e.payloadOffset(), length);
        if (audienceIds != null && e.kind() == EventKinds.TOUCH && isPhone(e)) {
            int sessionAt = payloadAt + TouchFlyweight.SESSION_OFFSET;
            long session = buffer.order(PayloadFlyweight.ORDER).getLong(sessionAt);
            buffer.putLong(sessionAt, audienceIds.phoneSession(session));
            buffer.order(java.nio.ByteOrder.BIG_ENDIAN);
        }
    }

    private static boolean isPhone(InputEvent e) {
        return e.payloadLength() > TouchFlyweight.KIND_OFFSET
                && e.payloadArray()[e.payloadOffset() + TouchFlyweight.KIND_OFFSET] == TouchKind.PHONE.code();
    }

    /**
     * Leaves {@code e} out. When it closed a batch whose earlier records were written, the last
     * written record now closes it (its flags byte rewritten, in the buffer or, once flushed, in
     * the file), so no batch runs on into the next one.
     */
    private void withhold(InputEvent e) {
        eventsWithheld = eventsWithheld + 1;
        if (e.continues() || lastFlagsOffset < 0 || (lastFlags & JournalFormat.CONTINUES) == 0) {
            return;
        }
        lastFlags &= ~JournalFormat.CONTINUES;
        if (lastFlagsOffset >= bytesWritten) {
            buffer.put((int) (lastFlagsOffset - bytesWritten), (byte) lastFlags);
            return;
        }
        try {
            patch.clear();
            patch.put((byte) lastFlags).flip();
            channel.write(patch, lastFlagsOffset);
        } catch (IOException ex) {
            failed = true;
            LOG.log(Level.ERROR, "recording to " + file + " stopped: " + ex.getMessage()
                    + "; the show goes on, the journal ends at " + bytesWritten + " bytes");
        }
    }

    private void putSigned(long value) {
        putUnsigned((value << 1) ^ (value >> 63));
    }

    private void putUnsigned(long value) {
        while ((value & ~0x7FL) != 0) {
            buffer.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        buffer.put((byte) value);
    }

    private void writeHeader(JournalHeader header) throws IOException {
        buffer.put(JournalFormat.MAGIC).put((byte) JournalFormat.VERSION);
        buffer.putInt(header.width()).putInt(header.height()).putDouble(header.framesPerSecond());
        buffer.putLong(header.recordedAtEpochMillis());
        putString(header.artworkTitle());
        putString(header.artworkDigest());
        drain();
    }

    private void putString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, 0xFFFF);
        buffer.putShort((short) length).put(bytes, 0, length);
    }

    private void flush() {
        try {
            drain();
        } catch (IOException e) {
            failed = true;
            LOG.log(Level.ERROR, "recording to " + file + " stopped: " + e.getMessage()
                    + "; the show goes on, the journal ends at " + bytesWritten + " bytes");
        }
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            bytesWritten = bytesWritten + channel.write(buffer);
        }
        buffer.clear();
    }

    /** Writes what is buffered and closes the file. Call after the ring has stopped. */
    @Override
    public void close() {
        if (!failed && channel.isOpen()) {
            flush();
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing " + file + ": " + e.getMessage());
        }
    }
}
