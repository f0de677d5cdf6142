package org.vernissage.osc;

import java.nio.ByteBuffer;

/**
 * Validates one OSC message in {@code [start, end)} and, in the same pass, records where each of
 * its arguments starts into the {@link OscMessageView}'s offset array, so the view never has to
 * search again. Every read is bounds-checked against {@code end} before it happens: the bytes come
 * from the network and may say anything.
 *
 * <p>Confined to the thread of the {@link OscPacketReader} that owns it.
 */
final class OscMessageScanner {

    private final OscMessageView view;
    private ByteBuffer buffer;
    /** Where the last rejection was found, absolute in the buffer. */
    private int failedAt;
    /** The reason of the last rejection, for the size helpers that can only return -1. */
    private OscRejection lastFailure;

    OscMessageScanner(OscMessageView view) {
        this.view = view;
    }

    int failedAt() {
        return failedAt;
    }

    /**
     * Scans the message in {@code [start, end)}, which the caller guarantees lies inside the
     * buffer and starts 4-byte aligned relative to the packet.
     *
     * @return {@code null} when the message is valid (the view then shows it), else why not
     */
    OscRejection scan(ByteBuffer buffer, int start, int end) {
        this.buffer = buffer;
        if (start >= end) {
            return fail(start, OscRejection.TRUNCATED);
        }
        if (buffer.get(start) != '/') {
            return fail(start, OscRejection.NOT_OSC);
        }
        int addressEnd = nulIndex(start, end);
        if (addressEnd < 0) {
            return fail(end, OscRejection.TRUNCATED);
        }
        int tagsAt = paddedEnd(start, addressEnd, end);
        if (tagsAt < 0) {
            return fail(addressEnd, paddingProblem(addressEnd, end));
        }
        return scanTypeTags(start, addressEnd, tagsAt, end);
    }

    private OscRejection scanTypeTags(int start, int addressEnd, int tagsAt, int end) {
        // OSC 1.0 lets old senders omit the tags, but then the arguments cannot be sized.
        if (tagsAt >= end || buffer.get(tagsAt) != ',') {
            return fail(tagsAt, OscRejection.MISSING_TYPE_TAGS);
        }
        int tagsEnd = nulIndex(tagsAt, end);
        if (tagsEnd < 0) {
            return fail(end, OscRejection.TRUNCATED);
        }
        int count = tagsEnd - tagsAt - 1;
        if (count > OscMessageView.MAX_ARGUMENTS) {
            return fail(tagsAt, OscRejection.OVERSIZE);
        }
        int argumentsAt = paddedEnd(start, tagsEnd, end);
        if (argumentsAt < 0) {
            return fail(tagsEnd, paddingProblem(tagsEnd, end));
        }
        view.wrap(buffer, start, addressEnd - start, tagsAt + 1, count);
        return scanArguments(tagsAt + 1, count, argumentsAt, end);
    }

    private OscRejection scanArguments(int tagsAt, int count, int argumentsAt, int end) {
        int[] offsets = view.argumentOffsets();
        int at = argumentsAt;
        int arrayDepth = 0;
        for (int i = 0; i < count; i++) {
            offsets[i] = at;
            byte tag = buffer.get(tagsAt + i);
            switch (tag) {
                case 'i', 'f', 'c', 'r', 'm' -> at = fixed(at, Integer.BYTES, end);
                case 'h', 't', 'd' -> at = fixed(at, Long.BYTES, end);
                case 's', 'S' -> at = string(at, end);
                case 'b' -> at = blob(at, end);
                case 'T', 'F', 'N', 'I' -> { } // the tag is the whole value
                case '[' -> arrayDepth++;
                case ']' -> {
                    if (--arrayDepth < 0) {
                        return fail(tagsAt + i, OscRejection.BAD_ARRAY);
                    }
                }
                default -> {
                    return fail(tagsAt + i, OscRejection.UNKNOWN_TYPE_TAG);
                }
            }
            if (at < 0) {
                return lastFailure;
            }
        }
        if (arrayDepth != 0) {
            return fail(tagsAt + count, OscRejection.BAD_ARRAY);
        }
        if (at != end) {
            return fail(at, OscRejection.TRAILING_BYTES);
        }
        return null;
    }

    // ---- argument sizes: each returns the next argument's offset, or -1 after fail() --------

    private int fixed(int at, int size, int end) {
        if (end - at < size) {
            fail(end, OscRejection.TRUNCATED);
            return -1;
        }
        return at + size;
    }

    private int string(int at, int end) {
        int nul = nulIndex(at, end);
        if (nul < 0) {
            fail(end, OscRejection.TRUNCATED);
            return -1;
        }
        int next = paddedEnd(at, nul, end);
        if (next < 0) {
            fail(nul, paddingProblem(nul, end));
        }
        return next;
    }

    private int blob(int at, int end) {
        if (end - at < Integer.BYTES) {
            fail(end, OscRejection.TRUNCATED);
            return -1;
        }
        int size = OscBytes.readInt(buffer, at);
        int dataAt = at + Integer.BYTES;
        if (size < 0 || size > end - dataAt) {
            fail(at, OscRejection.BAD_BLOB);
            return -1;
        }
        int next = dataAt + align4(size); // no overflow: size <= end - dataAt
        if (next > end) {
            fail(end, OscRejection.TRUNCATED);
            return -1;
        }
        if (!allNul(dataAt + size, next)) {
            fail(dataAt + size, OscRejection.BAD_PADDING);
            return -1;
        }
        return next;
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** The first NUL in {@code [from, end)}, or -1. */
    private int nulIndex(int from, int end) {
        for (int i = from; i < end; i++) {
            if (buffer.get(i) == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The 4-aligned end (relative to {@code stringStart}) of a string whose NUL is at {@code nul},
     * or -1 when that padding is missing or not all NUL.
     */
    private int paddedEnd(int stringStart, int nul, int end) {
        int next = stringStart + align4(nul + 1 - stringStart);
        if (next > end || !allNul(nul + 1, next)) {
            return -1;
        }
        return next;
    }

    private OscRejection paddingProblem(int nul, int end) {
        int next = nul + 1;
        while (next < end && buffer.get(next) == 0) {
            next++;
        }
        // Only NULs up to the end: the padding was cut off; anything else is bad padding.
        return next >= end ? OscRejection.TRUNCATED : OscRejection.BAD_PADDING;
    }

    private boolean allNul(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer.get(i) != 0) {
                return false;
            }
        }
        return true;
    }


    static int align4(int length) {
        return (length + 3) & ~3;
    }

    private OscRejection fail(int at, OscRejection reason) {
        failedAt = at;
        lastFailure = reason;
        return reason;
    }
}
