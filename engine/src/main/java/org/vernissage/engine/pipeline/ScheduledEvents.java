package org.vernissage.engine.pipeline;

/**
 * Events that arrived before their due time (an OSC bundle time-tagged for later), parked until a
 * frame's horizon reaches them. A binary min-heap ordered by due time, then by arrival order, so
 * that a bundle's messages come out together and in the order they were sent.
 *
 * <p>Pre-allocated: {@code capacity} event copies made once. Used only by the conductor thread.
 */
final class ScheduledEvents {

    private final InputEvent[] heap;
    private final long[] order;
    private int size;
    private long nextOrder;

    ScheduledEvents(int capacity) {
        heap = new InputEvent[capacity];
        order = new long[capacity];
        com.lmax.disruptor.EventFactory<InputEvent> slots = InputEvent.slots(capacity);
        for (int i = 0; i < capacity; i++) {
            heap[i] = slots.newInstance();
        }
    }

    int size() {
        return size;
    }

    /** Parks a copy of {@code event}; false when full (the caller counts it as dropped). */
    boolean park(InputEvent event) {
        if (size == heap.length) {
            return false;
        }
        int i = size++;
        heap[i].copyFrom(event);
        order[i] = nextOrder++;
        siftUp(i);
        return true;
    }

    /** The earliest due time parked, or {@link Long#MAX_VALUE} when none. */
    long nextDueNanos() {
        return size == 0 ? Long.MAX_VALUE : heap[0].dueNanos();
    }

    /**
     * Removes the earliest event into {@code target}. Call only when {@link #size()} is positive.
     */
    void takeInto(InputEvent target) {
        target.copyFrom(heap[0]);
        size--;
        swap(0, size);
        siftDown(0);
    }

    private boolean before(int a, int b) {
        long da = heap[a].dueNanos();
        long db = heap[b].dueNanos();
        return da < db || (da == db && order[a] < order[b]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int smallest = left + 1 < size && before(left + 1, left) ? left + 1 : left;
            if (!before(smallest, i)) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void swap(int a, int b) {
        InputEvent e = heap[a];
        heap[a] = heap[b];
        heap[b] = e;
        long o = order[a];
        order[a] = order[b];
        order[b] = o;
    }
}
