package org.vernissage.sensors.tuio;

import java.net.SocketAddress;

/**
 * The fixed table of TUIO sources a receiver tracks. A source is its sender's address and port
 * together with the source name it declares (TUIO 1.1 {@code source} message, TUIO 2
 * {@code /tuio2/frm} argument; none is a name too) and its protocol generation, so two trackers
 * behind one address, one tracker's two ports, or a sender mixing TUIO 1.1 and 2 (whose session
 * ids would collide) stay apart. Its touch source id is {@link TuioSettings#sourceIdBase()} plus
 * its slot: the first source heard is 0, the next 1, and a forgotten source heard again gets its
 * own id back. When every slot has been used, a new source takes the slot of the source silent
 * the longest, but never one still active.
 *
 * <p>Owned by the {@link TouchPublisher} of one receiver; receiving thread only.
 */
final class TuioSources {

    private final TuioSource[] slots;
    private boolean claimedNew;

    TuioSources(TuioSettings settings) {
        slots = new TuioSource[settings.maxSources()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new TuioSource(settings.sourceIdBase() + i, settings.maxSessionsPerSource());
        }
    }

    /**
     * The source that sent {@code frame} from {@code sender}, claiming a slot for it when it is
     * new; {@code null} when it is new and every slot belongs to an active source.
     */
    TuioSource resolve(SocketAddress sender, StagedFrame frame) {
        claimedNew = false;
        TuioSource stalest = null;
        for (TuioSource slot : slots) {
            if (slot.matches(sender, frame)) {
                return slot;
            }
        }
        for (TuioSource slot : slots) {
            if (!slot.isClaimed()) {
                return claim(slot, sender, frame);
            }
            if (!slot.isActive() && (stalest == null || slot.lastHeardNanos() - stalest.lastHeardNanos() < 0)) {
                stalest = slot;
            }
        }
        return stalest == null ? null : claim(stalest, sender, frame);
    }

    /** Whether the last {@link #resolve} claimed a slot for a source it had not seen. */
    boolean claimedNew() {
        return claimedNew;
    }

    int size() {
        return slots.length;
    }

    TuioSource get(int i) {
        return slots[i];
    }

    private TuioSource claim(TuioSource slot, SocketAddress sender, StagedFrame frame) {
        slot.claim(sender, frame);
        claimedNew = true;
        return slot;
    }
}
