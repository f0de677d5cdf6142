package org.vernissage.engine.pipeline;

/**
 * Something outside the conductor that takes one kind of envelope from the {@link Outbox}: a
 * console endpoint sending replies, an OSCQuery server pushing values, the persistence writer.
 *
 * <p>Called on the outbox agent's thread only ({@link OutboxAgent}), one envelope at a time, oldest
 * first. The envelope is the outbox's slot, valid only during the call: copy what is kept. Must not
 * block (a slow network peer is the listener's to buffer or drop, counted); what it throws loses
 * that one envelope, counted by the outbox and logged once per kind.
 */
@FunctionalInterface
public interface OutboxListener {

    void onEnvelope(InputEvent envelope);
}
