package org.vernissage.sensors.phone;

/**
 * The phones connected now, at most {@code capacity}, in a dense array the aggregates walk
 * without allocating. Hands out the anonymous participant numbers (a counter from 1).
 *
 * <p>Confined to the phones' event loop thread; owned by the {@link PhoneInputRouter}.
 */
final class PhoneAudience {

    private final PhoneParticipant[] members;
    private final int messagesPerSecond;
    private int size;
    private int nextId = 1;

    PhoneAudience(int capacity, int messagesPerSecond) {
        this.members = new PhoneParticipant[capacity];
        this.messagesPerSecond = messagesPerSecond;
    }

    /** A new participant, or null when the room is full. */
    PhoneParticipant join(long nowNanos) {
        if (size == members.length) {
            return null;
        }
        PhoneParticipant joined = new PhoneParticipant(nextId++,
                new PhoneRateLimiter(messagesPerSecond, messagesPerSecond, nowNanos));
        joined.index = size;
        members[size++] = joined;
        return joined;
    }

    /** Removes {@code leaving}; the last member takes its place. */
    void leave(PhoneParticipant leaving) {
        int i = leaving.index;
        if (i < 0 || i >= size || members[i] != leaving) {
            return;
        }
        PhoneParticipant last = members[--size];
        members[i] = last;
        last.index = i;
        members[size] = null;
        leaving.index = -1;
    }

    int size() {
        return size;
    }

    PhoneParticipant get(int i) {
        return members[i];
    }
}
