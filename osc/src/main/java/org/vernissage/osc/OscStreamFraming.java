package org.vernissage.osc;

/**
 * How OSC packets are delimited on a byte stream (TCP), where, unlike UDP, nothing marks where one
 * packet ends and the next begins.
 *
 * <p>Immutable; chosen by the app's wiring for the sensors' {@code OscTcpServer}.
 */
public enum OscStreamFraming {
    /**
     * Decide per connection from its first byte: {@code 0x00} means {@link #LENGTH_PREFIX} (a
     * prefix below 16 MiB starts with a zero byte, while an OSC packet starts with '/' or '#'),
     * anything else {@link #SLIP} (which normally starts with END, 0xC0).
     */
    AUTO,
    /** OSC 1.1: SLIP (RFC 1055) frames, as osc.js and liblo with SLIP enabled send. */
    SLIP,
    /** OSC 1.0: each packet preceded by its size as a big-endian int32, as liblo 0.31 sends. */
    LENGTH_PREFIX
}
