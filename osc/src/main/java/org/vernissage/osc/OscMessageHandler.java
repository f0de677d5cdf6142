package org.vernissage.osc;

/**
 * Receives one validated OSC packet from {@link OscPacketReader#read}, as a sequence of calls in
 * packet order, like a SAX handler:
 * <pre>
 *   onPacketStart
 *     onMessage                          a bare message, or
 *     onBundleStart(tag)                 a bundle: its elements in order, each a message or
 *       onMessage ... / nested bundle    a nested bundle (start ... end)
 *     onBundleEnd
 *   onPacketEnd
 * </pre>
 * A rejected packet produces no call at all (it is validated whole first), so a handler that
 * stages what it receives between {@link #onPacketStart} and {@link #onPacketEnd} applies a
 * packet all or nothing. Only {@link #onMessage} is required; the structure callbacks default to
 * doing nothing.
 *
 * <p>Implementations must not allocate or block: they run on the receiving thread, between two
 * reads of the socket or stream. Called only on the thread that calls the reader; the
 * implementation is owned by whoever wires that reader (for UDP, the sensors' {@code OscUdpReceiver}).
 */
@FunctionalInterface
public interface OscMessageHandler {

    /**
     * A valid packet begins; {@code arrivalNanos} is when it was read, on the caller's monotonic
     * clock (the engine's, in the sensors).
     */
    default void onPacketStart(long arrivalNanos) {
    }

    /**
     * A bundle begins (nested bundles too); its messages, up to the matching
     * {@link #onBundleEnd()}, carry {@code timeTag} unless a nested bundle overrides it.
     *
     * @param timeTag the 64-bit NTP time tag (seconds since 1900 in the high 32 bits, fraction of
     *     a second in the low 32); {@link OscPacketReader#IMMEDIATELY} means "now"
     */
    default void onBundleStart(long timeTag) {
    }

    /**
     * @param message the message, valid only until this call returns
     * @param timeTag the time tag of the innermost enclosing bundle;
     *     {@link OscPacketReader#IMMEDIATELY} for a message that is not in a bundle
     * @param arrivalNanos when the packet was read, on the caller's clock, as given to the reader
     */
    void onMessage(OscMessageView message, long timeTag, long arrivalNanos);

    /** The bundle opened by the latest unmatched {@link #onBundleStart} ends. */
    default void onBundleEnd() {
    }

    /** The packet begun by {@link #onPacketStart} ends: every message of it has been delivered. */
    default void onPacketEnd(long arrivalNanos) {
    }
}
