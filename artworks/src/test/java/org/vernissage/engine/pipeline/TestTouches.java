package org.vernissage.engine.pipeline;

import org.vernissage.engine.pipeline.event.TouchFlyweight;

/**
 * Touches for the artworks' tests, put into a real {@link TouchSet} as the conductor's touch stage
 * would (its {@code put} is package-private, hence this class's package).
 */
public final class TestTouches {

    private TestTouches() {
    }

    /** A set holding one cursor at (x, y), TUIO's 0..1 with the origin top left. */
    public static TouchSet oneCursor(float x, float y) {
        InputEvent event = new InputEvent();
        event.setTouch(TouchKind.CURSOR, TouchPhase.UPDATED, 0, 1, 0, x, y, 0, 0, 0, 1, InputBatch.IMMEDIATELY, false);
        TouchSet touches = new TouchSet(SnapshotExchange.DEFAULT_TOUCH_CAPACITY);
        touches.put(new TouchFlyweight().wrap(event), 1);
        return touches;
    }
}
