package org.vernissage.bench;

import java.util.function.LongConsumer;

/**
 * Two loops under comparison, played in turn in short blocks of frames, which one goes first
 * alternating from block to block (so neither always follows the other's cache state), so that a
 * change in a shared machine's load falls on both alike. Each side is given the frame index to draw.
 *
 * <p>The calling thread (the one that owns the GL context); stateless.
 */
public final class AlternatingBlocks {

    private AlternatingBlocks() {
    }

    /** Plays {@code blocks} blocks of {@code perBlock} frames of each side from {@code index}; the next index. */
    public static long play(long index, int blocks, int perBlock, LongConsumer first, LongConsumer second) {
        long next = index;
        for (int block = 0; block < blocks; block++) {
            LongConsumer leading = block % 2 == 0 ? first : second;
            LongConsumer trailing = leading == first ? second : first;
            for (int i = 0; i < perBlock; i++) {
                leading.accept(next++);
            }
            for (int i = 0; i < perBlock; i++) {
                trailing.accept(next++);
            }
        }
        return next;
    }
}
