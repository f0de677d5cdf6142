package org.vernissage.sensors.phone;

import io.netty.buffer.ByteBuf;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.PhoneSignal;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.sensors.FirstOccurrenceLog;

/**
 * What the phones' messages do to the show, without any socket: participants join and leave, each
 * binary message is counted, rate-limited, decoded and applied to its participant, and the
 * resulting touches and aggregate channel values go to the engine's {@link InputSink}. A periodic
 * {@link #tick} keeps held fingers alive in the conductor and forgets phones that went silent.
 *
 * <p>Audience connections reach sensor channels only: the sink's touch and channel offers are all
 * this class calls; nothing here can address a parameter, a cue or a file.
 *
 * <p>Confined to the phones' single event loop thread ("vernissage-phones"), which is what makes
 * every participant's state and the {@link PhoneStats} single-writer. Owned by the
 * {@link PhoneServer}; the Netty handlers call it. Nothing is allocated per message (joins
 * allocate their participant); the first malformed message of each kind and the first drop of
 * each kind are logged, never with the phone's address.
 */
final class PhoneInputRouter {

    /** How often the server calls {@link #tick}. */
    static final long TICK_MILLIS = 50;
    /**
     * A phone with fingers down that has not re-sent its finger list for this long has lost them
     * (the page was hidden, the finger-up never came); the page re-sends its list every 250 ms.
     * Longer than the conductor's 1 s touch timeout, so a Wi-Fi hiccup of a second does not lift a
     * finger (the refresh bridges it); short enough that a lost finger-up lingers only briefly.
     */
    static final long TOUCH_SILENCE_NANOS = 1_500_000_000L;
    /** Orientation or motion not re-reported for this long no longer counts in the aggregates. */
    static final long SIGNAL_SILENCE_NANOS = 1_000_000_000L;

    private final PhoneStats stats;
    private final PhoneAudience audience;
    private final PhoneFrameDecoder decoder = new PhoneFrameDecoder();
    private final PhoneFrame frame = new PhoneFrame();
    private final PhoneTouchPublisher touches;
    private final PhoneChannelPublisher channels;
    private final FirstOccurrenceLog firstRejections;
    private final FirstOccurrenceLog firstDrops;
    private final Logger logger;
    private boolean failureLogged;

    PhoneInputRouter(PhoneServerSettings settings, List<BindingSpec> bindings, InputSink sink,
                     PhoneStats stats, Logger logger) {
        this.stats = stats;
        this.audience = new PhoneAudience(settings.maxParticipants(), settings.maxMessagesPerSecond());
        this.touches = new PhoneTouchPublisher(sink, settings.touchSource(), settings.maxTouchesPerPhone(), stats);
        this.channels = new PhoneChannelPublisher(bindings, sink);
        this.firstRejections = new FirstOccurrenceLog(logger, PhoneRejection.values().length);
        this.firstDrops = new FirstOccurrenceLog(logger, PhoneDrop.values().length);
        this.logger = logger;
    }

    /** A phone completed its WebSocket handshake: its participant, or null when the room is full. */
    PhoneParticipant join(long nowNanos) {
        PhoneParticipant joined = audience.join(nowNanos);
        if (joined == null) {
            stats.countRefused();
            return null;
        }
        stats.countJoined();
        channels.markDirty(PhoneChannelPublisher.ALL_SIGNALS);
        publishChannels(nowNanos);
        return joined;
    }

    /** The phone's connection closed: its fingers are lifted and it leaves every aggregate. */
    void leave(PhoneParticipant leaving, long nowNanos) {
        ringAccepted(touches.removeAll(leaving, nowNanos));
        audience.leave(leaving);
        stats.countLeft();
        channels.markDirty(PhoneChannelPublisher.ALL_SIGNALS);
        publishChannels(nowNanos);
    }

    /** One binary WebSocket message from {@code from}; {@code content} is read in place. */
    void onBinary(PhoneParticipant from, ByteBuf content, long nowNanos) {
        stats.countReceived(nowNanos);
        if (!from.allowMessage(nowNanos)) {
            drop(PhoneDrop.RATE_LIMIT);
            return;
        }
        if (!decoder.decode(content, content.readerIndex(), content.readableBytes(), frame)) {
            reject(decoder.rejection(), decoder.rejectionOffset());
            return;
        }
        apply(from, nowNanos);
        publishChannels(nowNanos);
    }

    /**
     * A message that is not a whole binary frame (text, a fragment) or broken WebSocket framing:
     * counted and refused.
     */
    void onUnexpected(PhoneRejection reason, long nowNanos) {
        stats.countReceived(nowNanos);
        reject(reason, -1);
    }

    /** A TLS connection failed before any message: counted and logged once, never as a bug. */
    void onTlsFailure() {
        reject(PhoneRejection.TLS, -1);
    }

    /** A frame over the size limit, refused by Netty's decoder (which closes the connection). */
    void onOversize(long nowNanos) {
        stats.countReceived(nowNanos);
        drop(PhoneDrop.OVERSIZE);
    }

    /**
     * Called every {@link #TICK_MILLIS} ms: re-sends held fingers, lifts the fingers of phones
     * that went silent, forgets stale orientation and motion, retries values the ring refused.
     */
    void tick(long nowNanos) {
        for (int i = 0; i < audience.size(); i++) {
            PhoneParticipant p = audience.get(i);
            if (p.touchCount > 0 && nowNanos - p.touchRecordNanos > TOUCH_SILENCE_NANOS) {
                ringAccepted(touches.removeAll(p, nowNanos));
                channels.markDirty(PhoneChannelPublisher.TOUCH_SIGNALS);
            } else {
                ringAccepted(touches.refresh(p, nowNanos));
            }
            if (p.expireSignals(nowNanos - SIGNAL_SILENCE_NANOS)) {
                channels.markDirty(PhoneChannelPublisher.ORIENTATION_SIGNALS | PhoneChannelPublisher.MOTION_SIGNALS);
            }
        }
        publishChannels(nowNanos);
    }

    /**
     * Something other than bad input or a lost connection went wrong on a connection (a bug):
     * logged the first time with its stack trace; the connection is closed, the show goes on.
     */
    void onHandlerFailure(Throwable cause) {
        if (!failureLogged) {
            failureLogged = true;
            logger.log(Level.ERROR, "phones: a connection failed unexpectedly and was closed; further"
                    + " failures close their connection silently", cause);
        }
    }

    /** Phones connected now. */
    int participants() {
        return audience.size();
    }

    private void apply(PhoneParticipant p, long nowNanos) {
        if (frame.hasTouches()) {
            ringAccepted(touches.onTouches(p, frame, nowNanos));
            channels.markDirty(PhoneChannelPublisher.TOUCH_SIGNALS);
            int primary = p.primarySlot();
            if (primary >= 0) {
                channels.noteLatest(PhoneSignal.TOUCH_X, p.touchX[primary]);
                channels.noteLatest(PhoneSignal.TOUCH_Y, p.touchY[primary]);
            }
        }
        if (frame.hasOrientation()) {
            p.setOrientation(frame.alpha(), frame.beta(), frame.gamma(), nowNanos);
            channels.markDirty(PhoneChannelPublisher.ORIENTATION_SIGNALS);
            channels.noteLatest(PhoneSignal.ORIENTATION_ALPHA, frame.alpha());
            channels.noteLatest(PhoneSignal.ORIENTATION_BETA, frame.beta());
            channels.noteLatest(PhoneSignal.ORIENTATION_GAMMA, frame.gamma());
        }
        if (frame.hasMotion()) {
            p.setMotion(frame.motionX(), frame.motionY(), frame.motionZ(), nowNanos);
            channels.markDirty(PhoneChannelPublisher.MOTION_SIGNALS);
            channels.noteLatest(PhoneSignal.MOTION_X, frame.motionX());
            channels.noteLatest(PhoneSignal.MOTION_Y, frame.motionY());
            channels.noteLatest(PhoneSignal.MOTION_Z, frame.motionZ());
            channels.noteLatest(PhoneSignal.MOTION_ENERGY,
                    PhoneParticipant.energy(frame.motionX(), frame.motionY(), frame.motionZ()));
        }
    }

    private void publishChannels(long nowNanos) {
        for (int refused = channels.publish(audience, nowNanos); refused > 0; refused--) {
            drop(PhoneDrop.RING_FULL);
        }
    }

    private void ringAccepted(boolean accepted) {
        if (!accepted) {
            drop(PhoneDrop.RING_FULL);
        }
    }

    private void reject(PhoneRejection reason, int offset) {
        stats.countRejected(reason);
        if (firstRejections.first(reason)) {
            firstRejections.warn("phones: rejected a message from a phone: " + reason
                    + (offset >= 0 ? " at byte " + offset : "") + "; expected " + reason.expected()
                    + ". Further " + reason + " refusals are only counted");
        }
    }

    private void drop(PhoneDrop reason) {
        stats.countDropped(reason);
        if (firstDrops.first(reason)) {
            firstDrops.warn("phones: dropped a message from a phone: " + reason
                    + (reason == PhoneDrop.OVERSIZE ? " (its connection was closed with status 1009)" : "")
                    + ". Further " + reason + " drops are only counted");
        }
    }
}
