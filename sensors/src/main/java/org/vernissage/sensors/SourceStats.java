package org.vernissage.sensors;

/**
 * The plain {@link SourceCounters} of one input source that counts no reasons of its own: MIDI,
 * audio.
 *
 * <p>Single writer: only the source's own thread calls the {@code count} methods; any thread
 * reads (see {@link AbstractSourceStats}). Owned by the adapter that counts into it.
 */
public final class SourceStats extends AbstractSourceStats {

    public SourceStats(String source) {
        super(source);
    }

    /** One message arrived at {@code nanos} (engine clock). Source thread only. */
    public void countReceived(long nanos) {
        addReceived(1);
        seenAt(nanos);
    }

    /** One well-formed message was not applied. Source thread only. */
    public void countDropped() {
        addDropped(1);
    }

    /** One malformed message was refused. Source thread only. */
    public void countRejected() {
        addRejected(1);
    }
}
