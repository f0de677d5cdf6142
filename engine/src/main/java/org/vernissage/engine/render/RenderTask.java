package org.vernissage.engine.render;

/**
 * Work another thread wants done on the render thread, with the GL context current: a shader swap,
 * a canvas resize, later new model weights. Posted to a {@link RenderMailbox}; run between two
 * frames.
 *
 * <p>Made on the posting thread, run once on the render thread; it must not block. What it throws
 * is counted and logged once per kind by the mailbox, and the show goes on.
 */
@FunctionalInterface
public interface RenderTask {

    /** Does the work; {@code control} is what the render loop lets a task change. */
    void run(RenderControl control) throws Exception;
}
