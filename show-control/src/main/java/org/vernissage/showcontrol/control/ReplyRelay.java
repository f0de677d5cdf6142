package org.vernissage.showcontrol.control;

import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.OutboxListener;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;

/**
 * Carries the cue stage's replies and updates ({@code CONSOLE_REPLY} envelopes) from the outbox
 * agent's thread to the control endpoint's thread, which owns the sockets: each envelope is copied
 * into a pooled {@link Note} (two bounded queues, free and full, preallocated: nothing allocated
 * per reply), and the endpoint's thread is woken. When every note is waiting (the endpoint is
 * stuck), a reply is dropped and counted rather than blocking the outbox agent.
 *
 * <p>{@link #onEnvelope} on the outbox agent's thread only; {@link #poll}/{@link #recycle} on the
 * endpoint's thread only; {@link #dropped()} on any.
 */
public final class ReplyRelay implements OutboxListener {

    /** One reply or update, copied out of the outbox. */
    public static final class Note {
        int console;
        int command;
        long request;
        int count;
        final float[] args = new float[ConsoleCommandFlyweight.MAX_ARGUMENTS];

        float arg(int i) {
            return i < count ? args[i] : 0f;
        }

        int intArg(int i) {
            return Math.round(arg(i));
        }
    }

    private final OneToOneConcurrentArrayQueue<Note> free;
    private final OneToOneConcurrentArrayQueue<Note> full;
    private final ConsoleCommandFlyweight reply = new ConsoleCommandFlyweight();
    private volatile Runnable wake = () -> { };
    private volatile long dropped;

    public ReplyRelay(int capacity) {
        this.free = new OneToOneConcurrentArrayQueue<>(capacity);
        this.full = new OneToOneConcurrentArrayQueue<>(capacity);
        for (int i = 0; i < capacity; i++) {
            free.offer(new Note());
        }
    }

    /** Wiring thread: what wakes the endpoint's thread when a note is waiting. */
    void wakeWith(Runnable wake) {
        this.wake = wake;
    }

    @Override
    public void onEnvelope(InputEvent envelope) {
        if (envelope.kind() != EventKinds.CONSOLE_REPLY) {
            return;
        }
        Note note = free.poll();
        if (note == null) {
            dropped = dropped + 1;
            return;
        }
        reply.wrap(envelope);
        note.console = reply.console();
        note.command = reply.command();
        note.request = reply.requestId();
        note.count = reply.count();
        for (int i = 0; i < note.count; i++) {
            note.args[i] = reply.argument(i);
        }
        full.offer(note);
        wake.run();
    }

    /** Endpoint thread: the oldest waiting note, or null. Give it back with {@link #recycle}. */
    Note poll() {
        return full.poll();
    }

    void recycle(Note note) {
        free.offer(note);
    }

    /** Replies and updates dropped because the endpoint had not taken the earlier ones. */
    public long dropped() {
        return dropped;
    }
}
