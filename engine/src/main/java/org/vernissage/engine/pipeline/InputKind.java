package org.vernissage.engine.pipeline;

/**
 * What one ring event carries. Enum constants are shared singletons, so storing one in a
 * pre-allocated {@link InputEvent} costs nothing per event.
 */
public enum InputKind {
    /** A value for a snapshot slot, already in parameter units (consoles, tests). */
    SET_PARAMETER,
    /** A raw sensor value for a binding channel; the {@link ChannelConditioner} conditions it. */
    CHANNEL,
    /** A touch point (TUIO cursor, object or blob, or a phone's finger) appeared, moved or left. */
    TOUCH,
    /**
     * The render thread latched a snapshot for a frame. Advances time in the conductor (idle
     * easing, rate limits, scheduled bundles, touch timeouts) and marks the frame in a journal.
     */
    FRAME
}
