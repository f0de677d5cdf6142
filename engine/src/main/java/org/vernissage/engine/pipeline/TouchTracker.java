package org.vernissage.engine.pipeline;

/**
 * Tells a Java artwork which touch points were added, moved or removed since the frame before,
 * by comparing each frame's {@link TouchSet} with the previous one. Snapshots are "latest wins",
 * so a point that came and went between two frames is never reported; everything the audience
 * could have seen is.
 *
 * <p>Used on the render thread, typically in an artwork's {@code update}; keeps its own copy of
 * the previous set (pre-allocated: nothing is allocated per frame). Owned by the artwork.
 */
public final class TouchTracker {

    /** Receives the changes; indexes refer to the set passed to {@link #update}. */
    public interface Listener {
        void added(TouchSet touches, int index);

        /** The point's source reported it again (it may or may not have moved). */
        void updated(TouchSet touches, int index);

        void removed(TouchKind kind, int source, long session);
    }

    private final TouchSet previous;

    public TouchTracker(int capacity) {
        this.previous = new TouchSet(capacity);
    }

    /** Reports what changed from the previous call to {@code current}, then remembers it. */
    public void update(TouchSet current, Listener listener) {
        for (int i = 0; i < previous.count(); i++) {
            if (current.indexOf(previous.kind(i), previous.source(i), previous.session(i)) < 0) {
                listener.removed(previous.kind(i), previous.source(i), previous.session(i));
            }
        }
        for (int i = 0; i < current.count(); i++) {
            int before = previous.indexOf(current.kind(i), current.source(i), current.session(i));
            if (before < 0 || previous.addedNanos(before) != current.addedNanos(i)) {
                listener.added(current, i);
            } else if (previous.updatedNanos(before) != current.updatedNanos(i)) {
                listener.updated(current, i);
            }
        }
        previous.copyFrom(current);
    }
}
