package org.vernissage.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Added, updated and removed, as a Java artwork sees them frame by frame. */
class TouchTrackerTest {

    private final TouchSet touches = new TouchSet(8);
    private final TouchTracker tracker = new TouchTracker(8);
    private final InputEvent event = new InputEvent();
    private final List<String> changes = new ArrayList<>();
    private final TouchTracker.Listener listener = new TouchTracker.Listener() {
        @Override
        public void added(TouchSet set, int index) {
            changes.add("added " + set.session(index) + " at " + set.x(index));
        }

        @Override
        public void updated(TouchSet set, int index) {
            changes.add("updated " + set.session(index) + " at " + set.x(index));
        }

        @Override
        public void removed(TouchKind kind, int source, long session) {
            changes.add("removed " + kind + " " + session);
        }
    };

    @Test
    void reportsEachChangeOnceAndNothingWhenNothingHappened() {
        put(1, 0.1f, 10);
        put(2, 0.2f, 10);
        tracker.update(touches, listener);
        assertEquals(List.of("added 1 at 0.1", "added 2 at 0.2"), changes);

        changes.clear();
        tracker.update(touches, listener);
        assertEquals(List.of(), changes, "no news, no calls");

        put(2, 0.3f, 20);
        touches.remove(TouchKind.CURSOR, 0, 1);
        tracker.update(touches, listener);
        assertEquals(List.of("removed CURSOR 1", "updated 2 at 0.3"), changes);
    }

    @Test
    void aSessionThatLeftAndCameBackBetweenFramesIsANewTouch() {
        put(5, 0.5f, 10);
        tracker.update(touches, listener);
        touches.remove(TouchKind.CURSOR, 0, 5);
        put(5, 0.6f, 30);
        changes.clear();

        tracker.update(touches, listener);

        assertEquals(List.of("added 5 at 0.6"), changes);
    }

    private void put(long session, float x, long nanos) {
        event.setTouch(TouchKind.CURSOR, TouchPhase.UPDATED, 0, session, 0, x, 0.5f, 0, 0, 0, nanos,
                InputBatch.IMMEDIATELY, false);
        touches.put(new org.vernissage.engine.pipeline.event.TouchFlyweight().wrap(event), nanos);
    }
}
