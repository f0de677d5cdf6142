package org.vernissage.engine.journal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.TouchFlyweight;

/**
 * Reads a journal written by {@link JournalWriter}, one event at a time, into a caller's
 * {@link InputEvent}: the current format (version 2) and the previous one (version 1, written
 * before events had kind ids), whose records it turns into the same envelopes. A journal cut short
 * (the recording machine lost power) reads up to its last whole record and then reports
 * {@link #truncated()}. A record of a kind this engine does not know (a newer engine wrote it) is
 * read as it is, for the conductor to ignore.
 *
 * <p>Used by one thread (the replay's); not thread-safe. Owns its file until {@link #close}.
 */
public final class JournalReader implements AutoCloseable {

    private final Path file;
    private final DataInputStream in;
    private final TouchFlyweight touch = new TouchFlyweight();
    private int version;
    private final JournalHeader header;
    private long previousArrival;
    private long eventsRead;
    private boolean truncated;

    private JournalReader(Path file, DataInputStream in) throws JournalException, IOException {
        this.file = file;
        this.in = in;
        this.header = readHeader();
    }

    /** Opens {@code file} and reads its header. */
    public static JournalReader open(Path file) throws JournalException {
        DataInputStream in;
        try {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
        } catch (NoSuchFileException e) {
            throw new JournalException(file, "no such journal file");
        } catch (IOException e) {
            throw new JournalException(file, "cannot open the journal: " + e.getMessage(), e);
        }
        try {
            return new JournalReader(file, in);
        } catch (EOFException e) {
            closeQuietly(in);
            throw new JournalException(file, "not a Vernissage journal: the file ends inside its header");
        } catch (IOException e) {
            closeQuietly(in);
            throw new JournalException(file, "cannot read the journal: " + e.getMessage(), e);
        } catch (JournalException e) {
            closeQuietly(in);
            throw e;
        }
    }

    public JournalHeader header() {
        return header;
    }

    /** The format version the file was written in. */
    public int formatVersion() {
        return version;
    }

    /** Events read so far. */
    public long eventsRead() {
        return eventsRead;
    }

    /** Whether the file ended in the middle of a record (everything before it was read). */
    public boolean truncated() {
        return truncated;
    }

    /**
     * Reads the next event into {@code into}.
     *
     * @return false at the end of the journal (or at a record cut short, see {@link #truncated()})
     * @throws JournalException when a record is not one this version writes
     */
    public boolean next(InputEvent into) throws JournalException {
        int tag;
        try {
            tag = in.read();
            if (tag < 0) {
                return false;
            }
            if (version == 1) {
                readV1Record(tag, into);
            } else {
                readRecord(tag, into);
            }
        } catch (EOFException e) {
            truncated = true;
            return false;
        } catch (IOException e) {
            throw new JournalException(file, "cannot read the journal after " + eventsRead + " events: "
                    + e.getMessage(), e);
        }
        eventsRead++;
        return true;
    }

    private void readRecord(int flags, InputEvent into) throws IOException, JournalException {
        if ((flags & ~(JournalFormat.CONTINUES | JournalFormat.HAS_DUE)) != 0) {
            throw corrupt("unknown record flags 0x" + Integer.toHexString(flags));
        }
        long kindId = readUnsigned();
        if (kindId > EventKinds.MAX_KIND || !EventKinds.isValid((int) kindId)) {
            throw corrupt("an event kind id of " + kindId + " (ids run from 1 to " + EventKinds.MAX_KIND + ")");
        }
        int kind = (int) kindId;
        long arrival = previousArrival + readSigned();
        previousArrival = arrival;
        long due = (flags & JournalFormat.HAS_DUE) != 0 ? arrival + readSigned() : InputBatch.IMMEDIATELY;
        int length = in.readUnsignedByte();
        if (length > InputEvent.PAYLOAD_CAPACITY) {
            throw corrupt("a payload of " + length + " bytes (at most " + InputEvent.PAYLOAD_CAPACITY + ")");
        }
        int expected = EventKinds.payloadLength(kind);
        if (expected >= 0 && length != expected) {
            throw corrupt("a " + EventKinds.name(kind) + " payload of " + length + " bytes (it has " + expected + ")");
        }
        into.begin(kind, length, arrival, due, (flags & JournalFormat.CONTINUES) != 0);
        in.readFully(into.payloadArray(), into.payloadOffset(), length);
        if (kind == EventKinds.TOUCH && !touch.wrap(into).isValid()) {
            throw corrupt("a touch record with kind code " + touch.kindCode() + " and phase code " + touch.phaseCode());
        }
    }

    /** A record of version 1, whose kind numbers were enum ordinals, fixed in {@link JournalFormat#V1_KINDS}. */
    private void readV1Record(int tag, InputEvent into) throws IOException, JournalException {
        int kindIndex = tag & JournalFormat.V1_KIND_MASK;
        if (kindIndex >= JournalFormat.V1_KINDS.length || (tag & ~(JournalFormat.V1_KIND_MASK
                | JournalFormat.V1_CONTINUES | JournalFormat.V1_HAS_DUE)) != 0) {
            throw corrupt("an unknown version 1 record tag 0x" + Integer.toHexString(tag));
        }
        boolean continues = (tag & JournalFormat.V1_CONTINUES) != 0;
        long arrival = previousArrival + readSigned();
        previousArrival = arrival;
        long due = (tag & JournalFormat.V1_HAS_DUE) != 0 ? arrival + readSigned() : InputBatch.IMMEDIATELY;
        switch (JournalFormat.V1_KINDS[kindIndex]) {
            case EventKinds.PARAMETER_SET -> into.setParameter((int) readUnsigned(), in.readFloat(), arrival);
            case EventKinds.CHANNEL_VALUE -> into.setChannel((int) readUnsigned(), in.readFloat(), arrival, due,
                    continues);
            case EventKinds.TOUCH -> readV1Touch(into, arrival, due, continues);
            default -> {
                long index = readUnsigned();
                long horizon = arrival + readUnsigned();
                into.setFrame(index, arrival, horizon, readUnsigned());
            }
        }
    }

    private void readV1Touch(InputEvent into, long arrival, long due, boolean continues)
            throws IOException, JournalException {
        int kind = in.readUnsignedByte();
        int phase = in.readUnsignedByte();
        if (kind >= JournalFormat.V1_TOUCH_KINDS.length || phase >= JournalFormat.V1_TOUCH_PHASES.length) {
            throw corrupt("a touch record with kind " + kind + " and phase " + phase);
        }
        int source = (int) readUnsigned();
        long session = readSigned();
        int classId = (int) readSigned();
        into.setTouch(JournalFormat.V1_TOUCH_KINDS[kind], JournalFormat.V1_TOUCH_PHASES[phase], source, session,
                classId, in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat(), arrival, due,
                continues);
    }

    private JournalHeader readHeader() throws IOException, JournalException {
        byte[] magic = new byte[JournalFormat.MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, JournalFormat.MAGIC)) {
            throw new JournalException(file, "not a Vernissage journal (it does not start with \"VNSJ\")");
        }
        version = in.readUnsignedByte();
        if (version < JournalFormat.OLDEST_READABLE || version > JournalFormat.VERSION) {
            throw new JournalException(file, "journal format version " + version + "; this engine reads versions "
                    + JournalFormat.OLDEST_READABLE + " to " + JournalFormat.VERSION
                    + (version > JournalFormat.VERSION ? " (it was written by a newer engine)" : ""));
        }
        int width = in.readInt();
        int height = in.readInt();
        double fps = in.readDouble();
        long recordedAt = in.readLong();
        String title = readString();
        String digest = readString();
        if (width < 1 || height < 1) {
            throw new JournalException(file, "the header gives a frame size of " + width + "x" + height);
        }
        return new JournalHeader(width, height, fps, recordedAt, title, digest);
    }

    private String readString() throws IOException {
        byte[] bytes = new byte[in.readUnsignedShort()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private long readSigned() throws IOException, JournalException {
        long raw = readUnsigned();
        return (raw >>> 1) ^ -(raw & 1);
    }

    private long readUnsigned() throws IOException, JournalException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw corrupt("a number longer than 10 bytes");
    }

    private JournalException corrupt(String what) {
        return new JournalException(file, "corrupt journal: " + what + " in record " + (eventsRead + 1));
    }

    @Override
    public void close() {
        closeQuietly(in);
    }

    private static void closeQuietly(DataInputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // reading only: nothing to lose
        }
    }
}
