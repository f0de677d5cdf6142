package org.vernissage.sensors.tuio;

import java.lang.System.Logger;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscMessageView;
import org.vernissage.osc.OscPacketReader;

/**
 * Decodes TUIO 1.1 ({@code /tuio/2Dcur}, {@code 2Dobj}, {@code 2Dblb}) and TUIO 2.0
 * ({@code /tuio2/frm ptr tok bnd alv}) datagrams into touch events: each complete frame becomes
 * one {@link org.vernissage.engine.pipeline.InputBatch} of ADDED, UPDATED and REMOVED events,
 * offered to the {@link InputSink} all or nothing. Positions are 0..1 from the top left (clamped),
 * velocities per second as the tracker reports them, angles in radians; objects (TUIO 1.1 2Dobj,
 * TUIO 2 tokens) carry their class id, cursors and blobs {@link #NO_CLASS}. Events apply on
 * arrival (bundle time tags and TUIO 2 frame times are the tracker's clock, not ours).
 *
 * <p>The OSC layer is {@link OscPacketReader}: a datagram that is not valid OSC is refused whole.
 * Then each message is checked against its TUIO layout; a bad one is refused, counted and the
 * first of its kind logged, and the rest of its frame still applies. Late and repeated frames are
 * dropped by frame number per source ({@link FrameOrder}); sources are told apart by sender and
 * declared name ({@link TuioSources}); points are kept alive and silent sources forgotten by
 * {@link #tick} ({@link TouchPublisher}). Every table is allocated up front from
 * {@link TuioSettings}: reading a datagram allocates nothing once its source is registered.
 *
 * <p>Confined to one thread: the receiving thread of a {@link TuioReceiver}, or a test. Owned by
 * whoever created it.
 */
public final class TuioDecoder implements OscMessageHandler {

    /** The class id of touch points that have none (cursors, blobs). */
    public static final int NO_CLASS = -1;

    private final OscPacketReader reader = new OscPacketReader();
    private final TuioStats stats;
    private final TuioInputLog log;
    private final TouchPublisher publisher;
    private final Tuio11Reader tuio11;
    private final Tuio20Reader tuio20;
    private SocketAddress sender;

    public TuioDecoder(InputSink sink, TuioStats stats, TuioSettings settings, Logger logger) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.log = new TuioInputLog(stats, Objects.requireNonNull(logger, "logger"));
        this.publisher = new TouchPublisher(settings, Objects.requireNonNull(sink, "sink"), stats, log);
        this.tuio11 = new Tuio11Reader(settings.maxSessionsPerSource(), publisher, log);
        this.tuio20 = new Tuio20Reader(settings.maxSessionsPerSource(), publisher, log);
    }

    public TuioStats stats() {
        return stats;
    }

    /**
     * Reads one datagram that arrived at {@code arrivalNanos} (engine clock) from {@code sender},
     * publishing every frame it completes.
     *
     * @param sender identifies the source together with its declared name; any value with a
     *     meaningful {@code equals} (the socket's address; {@code null} is one sender too)
     * @return false when it is not valid OSC (counted as one rejected message)
     */
    public boolean read(ByteBuffer buffer, int offset, int length, SocketAddress sender, long arrivalNanos) {
        this.sender = sender;
        try {
            if (!reader.read(buffer, offset, length, arrivalNanos, this)) {
                stats.messageReceived(arrivalNanos);
                log.rejectMalformed(sender, reader.rejection(), reader.rejectionOffset());
                return false;
            }
            return true;
        } finally {
            // Frames end inside their datagram; whatever is left open is refused, even after a bug.
            tuio11.endOfDatagram(sender);
            tuio20.endOfDatagram(sender);
        }
    }

    /** Counts a datagram the receive buffer had to cut (it cannot be read as sent). */
    public void rejectTruncated(SocketAddress sender, int length, long arrivalNanos) {
        stats.messageReceived(arrivalNanos);
        log.rejectTruncated(sender, length);
    }

    /**
     * Re-sends points not sent for the keepalive interval and forgets silent sources. Call after
     * each datagram and at least every {@link TuioSettings#pollInterval()} without one.
     */
    public void tick(long nowNanos) {
        publisher.refresh(nowNanos);
    }

    /** From {@link #read}'s reader only: one message of the datagram being read. */
    @Override
    public void onMessage(OscMessageView message, long timeTag, long arrivalNanos) {
        stats.messageReceived(arrivalNanos);
        Tuio11Profile profile = Tuio11Reader.profileOf(message);
        if (profile != null) {
            tuio11.onMessage(profile, message, sender, arrivalNanos);
        } else if (TuioArguments.addressStartsWith(message, Tuio20Reader.PREFIX)) {
            tuio20.onMessage(message, sender, arrivalNanos);
        } else {
            log.reject(TuioRejection.UNKNOWN_PROFILE, message, sender,
                    "a TUIO address: /tuio/2Dcur, /tuio/2Dobj, /tuio/2Dblb or /tuio2/...");
        }
    }
}
