package org.vernissage.engine.render;

/**
 * Lets tests in other packages drain a {@link RenderMailbox} as the render loop does at a frame
 * boundary, on the calling thread (then the render thread).
 */
public final class MailboxDrains {

    private MailboxDrains() {
    }

    /** Runs what is waiting in {@code mailbox} with {@code control}; how many tasks ran. */
    public static int drain(RenderMailbox mailbox, RenderControl control) {
        return mailbox.drain(control);
    }
}
