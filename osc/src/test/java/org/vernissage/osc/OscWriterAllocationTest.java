package org.vernissage.osc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The writer allocates nothing per message once warm: measured on the calling thread with the
 * JVM's per-thread allocation counter while it writes messages of every type (strings from a
 * {@link String} and from a reused {@link StringBuilder}, blobs from an array and from a buffer)
 * and nested bundles, over three windows, of which the least counts (a window can catch a JIT
 * compile's own allocation, see the sensors' OscAllocationTest). The fixed slack is not per message.
 */
class OscWriterAllocationTest {

    private static final int MESSAGES = 100_000;
    private static final int WINDOWS = 3;
    private static final long SLACK_BYTES = 512;

    private final OscWriter writer = new OscWriter();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
    private final byte[] blob = {1, 2, 3, 4, 5};
    private final ByteBuffer blobBuffer = ByteBuffer.allocateDirect(64);
    private final StringBuilder name = new StringBuilder();
    private long checksum;

    @Test
    void writingMessagesAndBundlesAllocatesNothingOnceWarm() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        writeMessages(MESSAGES * 3); // warm-up: let the JIT settle
        long least = Long.MAX_VALUE;
        for (int w = 0; w < WINDOWS; w++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            writeMessages(MESSAGES);
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        System.out.printf("OSC write: %d bytes over %d messages (least of %d windows)%n", least, MESSAGES, WINDOWS);
        assertTrue(checksum != 0, "the packets were written");
        assertTrue(least <= SLACK_BYTES, least + " bytes allocated for " + MESSAGES + " messages");
    }

    /** Writes {@code messages} messages: one alone with every type, then a bundle of four. */
    private void writeMessages(int messages) {
        for (int written = 0; written < messages; written += 5) {
            name.setLength(0);
            name.append("cue-").append(written & 63);
            writer.wrap(buffer.clear()).message("/all").i(written).f(0.5f).s("text").b(blob).h(written * 3L)
                    .t(OscTimeTag.IMMEDIATELY).d(0.25).symbol(name).c('k').rgba(1, 2, 3, 4)
                    .midi(0, 0x90, 60, 100).bool(true).bool(false).nil().infinitum().end();
            checksum += writer.length();
            writer.wrap(buffer.clear()).bundle(OscTimeTag.IMMEDIATELY)
                    .message("/mixer/1/fader").f(written).end()
                    .message("/cue").s(name).i(3).end()
                    .bundle(written + 2L)
                        .message("/blob").b(blobBuffer, 8, 40).end()
                        .message("/x").d(written).end()
                    .end()
                    .end();
            checksum += writer.length();
        }
    }
}
