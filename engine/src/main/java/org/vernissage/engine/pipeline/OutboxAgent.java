package org.vernissage.engine.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.Agent;
import org.vernissage.engine.pipeline.event.EventKinds;

/**
 * The one consumer of the conductor's {@link Outbox}: each duty cycle hands every waiting envelope
 * to the listeners of its kind, in the order they were added. Several parts of a run (the control
 * endpoint's replies, OSCQuery's value pushes, persistence) share this one agent because the
 * outbox is a single-consumer ring: a second drainer would steal envelopes from the first.
 *
 * <p>Listeners are added on the wiring thread before the agent starts ({@link #listen}); after that
 * the table is read only by the agent's thread. Run it on any {@code AgentThread} (it never
 * blocks; with nothing waiting a cycle returns 0 and the thread idles). An envelope no listener
 * takes is counted in {@link #unheard()}.
 */
public final class OutboxAgent implements Agent {

    private final Outbox outbox;
    private final OutboxListener[][] byKind = new OutboxListener[EventKinds.MAX_KIND + 1][];
    private final Outbox.Handler handler = this::dispatch;
    private volatile boolean started;
    private long unheard;

    public OutboxAgent(Outbox outbox) {
        this.outbox = outbox;
        for (int i = 0; i < byKind.length; i++) {
            byKind[i] = new OutboxListener[0];
        }
    }

    /**
     * Wiring thread, before the agent starts: {@code listener} gets every envelope of {@code kind}.
     *
     * @throws IllegalStateException once the agent has started
     */
    public OutboxAgent listen(int kind, OutboxListener listener) {
        if (started) {
            throw new IllegalStateException("listeners are added before the outbox agent starts");
        }
        if (!EventKinds.isValid(kind)) {
            throw new IllegalArgumentException("not an event kind id: " + kind);
        }
        List<OutboxListener> listeners = new ArrayList<>(List.of(byKind[kind]));
        listeners.add(listener);
        byKind[kind] = listeners.toArray(new OutboxListener[0]);
        return this;
    }

    @Override
    public void onStart() {
        started = true;
    }

    @Override
    public int doWork() {
        return outbox.drain(handler);
    }

    private boolean dispatch(InputEvent envelope) {
        OutboxListener[] listeners = byKind[envelope.kind()];
        if (listeners.length == 0) {
            unheard++;
        }
        for (OutboxListener listener : listeners) {
            listener.onEnvelope(envelope);
        }
        return true;
    }

    /** Envelopes no listener took. Written by the agent's thread; a racy read elsewhere is fine. */
    public long unheard() {
        return unheard;
    }

    @Override
    public String roleName() {
        return "outbox";
    }
}
