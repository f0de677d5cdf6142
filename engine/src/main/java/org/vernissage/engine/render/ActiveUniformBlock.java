package org.vernissage.engine.render;

/**
 * A uniform block the linked program really uses, as the driver reports it.
 *
 * <p>Immutable; read at setup on the render thread.
 *
 * @param index the block's index in the program (for {@code glUniformBlockBinding})
 * @param dataSize the bytes the block takes in its layout ({@code GL_UNIFORM_BLOCK_DATA_SIZE})
 */
public record ActiveUniformBlock(String name, int index, int dataSize) {
}
