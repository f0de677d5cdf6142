package org.vernissage.showcontrol.oscquery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import io.netty.channel.EventLoop;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.osc.OscWriter;

/**
 * Who LISTENs to which parameter over the WebSocket, and the push of changed values to them as
 * binary OSC frames (one OSC message per frame, at the parameter's own address, as the proposal
 * says). Also keeps the {@link ValueDemand}: values are wanted while some client listens, and for
 * {@link #HTTP_WARM_NANOS} after an HTTP read of values.
 *
 * <p>Event loop only (the server's one thread), but for {@link #wake()}, which the outbox agent's
 * thread calls through the {@link ParameterMirror} and which only schedules a push. A client that
 * does not read (channel not writable) loses pushes, counted, rather than growing a queue.
 */
final class OscQueryListeners {

    /** How long an HTTP read of values keeps the conductor reporting them. */
    static final long HTTP_WARM_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final int MAX_MESSAGE_BYTES = 1024;
    /** How long a LISTEN waits for current values before it sends the value it has. */
    private static final long OWED_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** One WebSocket client's listened parameters. */
    static final class Session {
        final Channel channel;
        final boolean[] listened;
        /** Listened to before the values were current: owed its first value. */
        final boolean[] owed;
        /** Whether it was sent a value of each parameter, and the float bits of the last (per slot). */
        final boolean[] sent;
        final int[] sentBits;
        int count;

        Session(Channel channel, int parameters, int slots) {
            this.channel = channel;
            this.listened = new boolean[parameters];
            this.owed = new boolean[parameters];
            this.sent = new boolean[parameters];
            this.sentBits = new int[slots];
        }
    }

    private final ParameterLayout layout;
    private final OscQueryNamespace namespace;
    private final ParameterMirror mirror;
    private final ValueDemand demand;
    private final OscQueryStats stats;
    private final EventLoop loop;
    private final List<Session> sessions = new ArrayList<>();
    private final int[] listenersOf;
    private final String[] addresses;
    private final ByteBuffer scratch = ByteBuffer.allocate(MAX_MESSAGE_BYTES);
    private final OscWriter writer = new OscWriter();
    /** The float bits of the value {@link #encode} last wrote, per component. */
    private final int[] encodedBits = new int[4];
    private final AtomicBoolean pushScheduled = new AtomicBoolean();
    private final Runnable push = this::push;
    private int listening;
    private long httpWarmUntil = System.nanoTime(); // already over (a MIN_VALUE would overflow the comparison)

    OscQueryListeners(ParameterLayout layout, OscQueryNamespace namespace, ParameterMirror mirror, ValueDemand demand,
                      OscQueryStats stats, EventLoop loop) {
        this.layout = layout;
        this.namespace = namespace;
        this.mirror = mirror;
        this.demand = demand;
        this.stats = stats;
        this.loop = loop;
        this.listenersOf = new int[layout.parameterCount()];
        this.addresses = new String[layout.parameterCount()];
        for (int p = 0; p < addresses.length; p++) {
            addresses[p] = namespace.pathOf(p);
        }
    }

    /** A client connected over the WebSocket. */
    Session open(Channel channel) {
        Session session = new Session(channel, listenersOf.length, layout.slotCount());
        sessions.add(session);
        return session;
    }

    /** A client went away: its listens end. */
    void close(Session session) {
        if (!sessions.remove(session)) {
            return;
        }
        for (int p = 0; p < session.listened.length; p++) {
            if (session.listened[p]) {
                listenersOf[p]--;
            }
        }
        if (session.count > 0) {
            listening--;
        }
        session.count = 0;
        updateDemand(System.nanoTime());
    }

    /** LISTEN: {@code path}'s value is pushed to {@code session} from now on. False when it is no readable parameter. */
    boolean listen(Session session, String path) {
        int p = namespace.parameterAt(path);
        if (p < 0 || layout.specs().get(p).type() == ParameterType.EVENT) {
            return false;
        }
        if (!session.listened[p]) {
            session.listened[p] = true;
            listenersOf[p]++;
            if (session.count++ == 0) {
                listening++;
            }
            long now = System.nanoTime();
            updateDemand(now);
            // The listener gets the current value first: now if the values are current, else once
            // the full report the demand asked for has arrived (or a push brought it before that).
            session.owed[p] = true;
            payWhenFresh(session, p, now + OWED_WAIT_NANOS);
        }
        return true;
    }

    private void payWhenFresh(Session session, int parameter, long deadline) {
        if (!session.owed[parameter] || !session.listened[parameter] || !sessions.contains(session)) {
            return;
        }
        if (!mirror.freshFor(demand.generation()) && System.nanoTime() - deadline < 0) {
            loop.schedule(() -> payWhenFresh(session, parameter, deadline), 2, TimeUnit.MILLISECONDS);
            return;
        }
        session.owed[parameter] = false;
        write(session, encode(parameter), parameter);
    }

    /** IGNORE: no more pushes of {@code path} to {@code session}. False when it is no parameter. */
    boolean ignore(Session session, String path) {
        int p = namespace.parameterAt(path);
        if (p < 0) {
            return false;
        }
        if (session.listened[p]) {
            session.listened[p] = false;
            session.owed[p] = false;
            session.sent[p] = false; // a later LISTEN gets the value again
            listenersOf[p]--;
            if (--session.count == 0) {
                listening--;
            }
            updateDemand(System.nanoTime());
        }
        return true;
    }

    /** An HTTP answer needs values: keep them reported for a while. */
    void httpRead(long nowNanos) {
        httpWarmUntil = nowNanos + HTTP_WARM_NANOS;
        updateDemand(nowNanos);
    }

    /** Periodic: lets an HTTP read's warmth expire. */
    void tick(long nowNanos) {
        updateDemand(nowNanos);
    }

    private void updateDemand(long nowNanos) {
        if (listening > 0 || nowNanos - httpWarmUntil < 0) {
            demand.want();
        } else {
            demand.release();
        }
    }

    /**
     * Event loop: an OSCQuery command ({@code PATH_ADDED}, {@code PATH_REMOVED}) to every client,
     * as the proposal's JSON text frame {@code {"COMMAND": ..., "DATA": path}}.
     */
    void command(String command, String path) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("COMMAND", command);
        json.put("DATA", path);
        String text = json.toString();
        for (Session session : sessions) {
            session.channel.writeAndFlush(new TextWebSocketFrame(text));
        }
    }

    /** Any thread (the outbox agent's): a value changed; a push runs on the event loop soon. */
    void wake() {
        if (pushScheduled.compareAndSet(false, true)) {
            loop.execute(push);
        }
    }

    /** Event loop: sends every changed, listened parameter to its listeners. */
    void push() {
        pushScheduled.set(false); // first: a change from now on schedules another push
        for (int p = 0; p < listenersOf.length; p++) {
            if (mirror.takeChanged(p) && listenersOf[p] > 0) {
                send(p);
            }
        }
    }

    private void send(int parameter) {
        int length = encode(parameter);
        for (Session session : sessions) {
            if (session.listened[parameter]) {
                session.owed[parameter] = false;
                write(session, length, parameter);
            }
        }
    }

    /**
     * Writes {@code parameter}'s current value as one OSC message into the scratch buffer (its bits,
     * read once per component, into {@link #encodedBits}); returns the message's length.
     */
    private int encode(int parameter) {
        ParameterType type = layout.specs().get(parameter).type();
        int slot = layout.offset(parameter);
        for (int c = 0; c < type.components(); c++) {
            encodedBits[c] = Float.floatToRawIntBits(mirror.value(slot + c));
        }
        writer.wrap(scratch.clear());
        writer.message(addresses[parameter]);
        switch (type) {
            case INT -> writer.i(Math.round(Float.intBitsToFloat(encodedBits[0])));
            case BOOL -> writer.bool(Float.intBitsToFloat(encodedBits[0]) >= 0.5f);
            default -> {
                for (int c = 0; c < type.components(); c++) {
                    writer.f(Float.intBitsToFloat(encodedBits[c]));
                }
            }
        }
        writer.end();
        return writer.length();
    }

    /**
     * Sends the scratch buffer's message (parameter {@code parameter}'s value) to {@code session},
     * unless that is the value it was last sent (a LISTEN's first value and a push may race to it),
     * or drops it, counted, when the client does not read.
     */
    private void write(Session session, int length, int parameter) {
        int slot = layout.offset(parameter);
        int components = layout.specs().get(parameter).type().components();
        boolean same = session.sent[parameter];
        for (int c = 0; c < components && same; c++) {
            same = session.sentBits[slot + c] == encodedBits[c];
        }
        if (same) {
            return;
        }
        if (!session.channel.isWritable()) {
            stats.pushesDropped.incrementAndGet();
            return;
        }
        session.sent[parameter] = true;
        for (int c = 0; c < components; c++) {
            session.sentBits[slot + c] = encodedBits[c];
        }
        stats.pushes.incrementAndGet();
        ByteBuf frame = session.channel.alloc().buffer(length);
        frame.writeBytes(scratch.array(), 0, length);
        session.channel.writeAndFlush(new BinaryWebSocketFrame(frame));
    }
}
