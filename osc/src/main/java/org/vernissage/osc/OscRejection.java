package org.vernissage.osc;

/**
 * Why {@link OscPacketReader} refused a packet. Every refusal names exactly one reason, so the
 * operator can tell a misconfigured sender (NOT_OSC, UNKNOWN_TYPE_TAG) from a damaged network
 * (TRUNCATED, OVERSIZE) from a hostile or buggy one (BAD_BLOB, BAD_BUNDLE, TOO_DEEP).
 *
 * <p>Immutable; used by the receiving thread and read by whoever reports statistics.
 */
public enum OscRejection {
    /** The bytes do not start like an OSC message ('/') or bundle ("#bundle\0"). */
    NOT_OSC,
    /** The packet ends before a structure it started (string, argument, bundle header) ends. */
    TRUNCATED,
    /** The NUL padding that makes strings and blobs 4-byte aligned is missing or not all NUL. */
    BAD_PADDING,
    /** A message has no type tag string (",..."), which OSC 1.0 requires. */
    MISSING_TYPE_TAGS,
    /** A type tag this reader does not know, so the remaining arguments cannot be sized. */
    UNKNOWN_TYPE_TAG,
    /** Array delimiters '[' and ']' in the type tags are not balanced. */
    BAD_ARRAY,
    /** A blob's declared size is negative or runs past the end of its message. */
    BAD_BLOB,
    /** A message has bytes left over after its last argument. */
    TRAILING_BYTES,
    /** A bundle element size is not positive, not a multiple of 4, or runs past the bundle. */
    BAD_BUNDLE,
    /** Bundles nested deeper than {@link OscPacketReader#MAX_BUNDLE_DEPTH}. */
    TOO_DEEP,
    /**
     * Larger than this reader accepts: more than {@link OscMessageView#MAX_ARGUMENTS} arguments,
     * or a datagram the receive buffer had to truncate.
     */
    OVERSIZE
}
