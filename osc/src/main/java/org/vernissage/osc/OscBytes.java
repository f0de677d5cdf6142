package org.vernissage.osc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Big-endian reads at absolute positions of a buffer of any byte order. OSC is big-endian; the
 * caller's buffer may not be, and reordering a duplicate would allocate per packet.
 *
 * <p>Stateless; called by the receiving thread's reader, scanner and message view.
 */
final class OscBytes {

    private OscBytes() {
    }

    static int readInt(ByteBuffer buffer, int at) {
        int raw = buffer.getInt(at);
        return buffer.order() == ByteOrder.BIG_ENDIAN ? raw : Integer.reverseBytes(raw);
    }

    static long readLong(ByteBuffer buffer, int at) {
        long raw = buffer.getLong(at);
        return buffer.order() == ByteOrder.BIG_ENDIAN ? raw : Long.reverseBytes(raw);
    }
}
