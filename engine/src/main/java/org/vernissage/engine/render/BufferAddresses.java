package org.vernissage.engine.render;

import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * The native addresses of the few direct buffers a reader passes in again and again (a capture's
 * rotating pixel buffers), remembered by identity. With LWJGL's FFM memory backend, asking a
 * buffer for its address wraps it in a new {@code MemorySegment} every time: 72 bytes per frame
 * on the render thread, measured by {@code RenderAllocationTest}. A buffer's address never changes,
 * so it is asked once.
 *
 * <p>Render thread only; owned by one {@link Framebuffer}. Holds its last few buffers reachable,
 * which keeps nothing alive that its users are not reusing anyway.
 */
final class BufferAddresses {

    private static final int SLOTS = 4;

    private final ByteBuffer[] buffers = new ByteBuffer[SLOTS];
    private final long[] addresses = new long[SLOTS];
    private int next;

    /** The address of {@code buffer}'s first byte (not of its position). */
    long of(ByteBuffer buffer) {
        for (int i = 0; i < SLOTS; i++) {
            if (buffers[i] == buffer) {
                return addresses[i];
            }
        }
        long address = MemoryUtil.memAddress0(buffer);
        buffers[next] = buffer;
        addresses[next] = address;
        next = (next + 1) % SLOTS;
        return address;
    }
}
