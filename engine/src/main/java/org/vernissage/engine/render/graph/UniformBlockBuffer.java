package org.vernissage.engine.render.graph;

import static org.lwjgl.opengl.GL15C.GL_DYNAMIC_DRAW;
import static org.lwjgl.opengl.GL15C.glBindBuffer;
import static org.lwjgl.opengl.GL15C.glBufferData;
import static org.lwjgl.opengl.GL15C.glDeleteBuffers;
import static org.lwjgl.opengl.GL15C.glGenBuffers;
import static org.lwjgl.opengl.GL15C.nglBufferSubData;
import static org.lwjgl.opengl.GL31C.GL_UNIFORM_BUFFER;
import static org.lwjgl.opengl.GL30C.glBindBufferBase;

import java.nio.FloatBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * The GL buffer behind one {@link FrameBlock} of a shader node: made at setup, refilled from the
 * block's values before a draw when they changed since the last copy, bound to the node's binding
 * point for the draw. The copy goes through native memory allocated once, and by address, so a
 * frame allocates nothing on the Java heap.
 *
 * <p>Render thread only, with the GL context current; owned by its {@link ShaderPass}.
 */
final class UniformBlockBuffer implements AutoCloseable {

    private final FrameBlock block;
    private int buffer;
    private FloatBuffer staging;
    private long stagingAddress;
    private int uploaded;

    UniformBlockBuffer(FrameBlock block) {
        this.block = block;
    }

    FrameBlock block() {
        return block;
    }

    /** Makes the buffer and fills it with the block's values as they are. */
    void create() {
        staging = MemoryUtil.memAllocFloat(block.values().length);
        stagingAddress = MemoryUtil.memAddress(staging);
        buffer = glGenBuffers();
        glBindBuffer(GL_UNIFORM_BUFFER, buffer);
        glBufferData(GL_UNIFORM_BUFFER, block.bytes(), GL_DYNAMIC_DRAW);
        glBindBuffer(GL_UNIFORM_BUFFER, 0);
        upload();
    }

    /** Copies the values if they changed, then binds the buffer at {@code binding} for the next draw. */
    void bind(int binding) {
        if (block.version() != uploaded) {
            upload();
        }
        glBindBufferBase(GL_UNIFORM_BUFFER, binding, buffer);
    }

    private void upload() {
        staging.clear();
        staging.put(block.values());
        glBindBuffer(GL_UNIFORM_BUFFER, buffer);
        nglBufferSubData(GL_UNIFORM_BUFFER, 0, block.bytes(), stagingAddress);
        glBindBuffer(GL_UNIFORM_BUFFER, 0);
        uploaded = block.version();
    }

    @Override
    public void close() {
        if (buffer != 0) {
            glDeleteBuffers(buffer);
            buffer = 0;
        }
        if (staging != null) {
            MemoryUtil.memFree(staging);
            staging = null;
        }
    }
}
