package org.vernissage.sensors.phone;

/**
 * Why a message from a phone was refused as malformed. Each refusal names exactly one reason and
 * says what was expected, so the first one in the log tells a developer what their client got
 * wrong. The page this server hands out never sends any of these; a phone that does is running an
 * old cached page, a hand-made client, or something hostile.
 *
 * <p>Immutable; used on the phones' event loop and read by whoever reports statistics.
 */
public enum PhoneRejection {
    /** A binary message of zero bytes. */
    EMPTY("a frame of at least the version byte"),
    /** The first byte is not {@link PhoneFrameDecoder#VERSION}. */
    UNKNOWN_VERSION("version byte " + PhoneFrameDecoder.VERSION),
    /** A record starts with a tag other than 'T', 'O' or 'M'. */
    UNKNOWN_RECORD("a record tag 'T' (touches), 'O' (orientation) or 'M' (motion)"),
    /** The same record kind twice in one frame. */
    DUPLICATE_RECORD("each record kind at most once per frame"),
    /** A record runs past the end of the frame. */
    TRUNCATED("a record as long as its tag and count say"),
    /** A touch record lists more than {@link PhoneFrame#MAX_TOUCHES} touches. */
    TOO_MANY_TOUCHES("at most " + PhoneFrame.MAX_TOUCHES + " touches per record"),
    /** A touch slot is not below {@link PhoneFrame#MAX_TOUCHES}. */
    BAD_SLOT("touch slots 0.." + (PhoneFrame.MAX_TOUCHES - 1)),
    /** Two touches of one record share a slot. */
    DUPLICATE_SLOT("each touch slot at most once per record"),
    /** A number is NaN or infinite. */
    NOT_FINITE("finite float32 numbers"),
    /**
     * A number outside its range: touch x and y 0..1, orientation alpha 0..360, beta -180..180,
     * gamma -90..90 (degrees), motion within +-{@link PhoneFrameDecoder#MAX_ACCELERATION} m/s2.
     */
    OUT_OF_RANGE("touch 0..1, alpha 0..360, beta -180..180, gamma -90..90, motion within +-"
            + (int) PhoneFrameDecoder.MAX_ACCELERATION),
    /** A text message: the protocol is binary. */
    TEXT_FRAME("binary WebSocket messages (the protocol is binary)"),
    /** A message split into fragments: every frame of the protocol is sent whole. */
    FRAGMENTED("unfragmented WebSocket messages"),
    /** The WebSocket framing itself was broken (Netty closes such a connection). */
    BAD_WEBSOCKET("valid WebSocket framing (RFC 6455)"),
    /**
     * A TLS connection failed: plain HTTP sent to the HTTPS port, or a phone that refused the
     * certificate or shares no protocol with the server. Counted per connection.
     */
    TLS("a TLS handshake the server's certificate and protocols allow (open the https:// address)");

    private final String expected;

    PhoneRejection(String expected) {
        this.expected = expected;
    }

    /** What a well-formed message has instead, for the log line. */
    public String expected() {
        return expected;
    }
}
