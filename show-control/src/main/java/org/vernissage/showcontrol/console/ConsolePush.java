package org.vernissage.showcontrol.console;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the console's status and live preview to every page that holds a socket open
 * ({@code /api/socket}, after its token), instead of each page asking for them over HTTP: one
 * tick every {@value #PERIOD_MILLIS} ms on the console's event loop, while a socket is open, sends
 * the preview when a new thumbnail was made since the last tick (one direct buffer per thumbnail,
 * shared by every socket: encoded and copied once, whatever the number of consoles), and the status
 * JSON every {@value #STATUS_TICKS} ticks when it differs from the last sent, or at the next tick
 * after a command. So a console costs the show a few writes a second and nothing it reads, where
 * polling cost a request parsed, routed and answered for every status and preview.
 *
 * <p>A page that does not read (a tablet gone off the network, a stalled tab) must not grow a queue
 * in the show: past the write-buffer high mark Netty marks its channel unwritable, it gets no more
 * (the previews it missed are counted as skipped) and, unwritable for {@value #STALL_MILLIS} ms on
 * end, it is closed; the page then falls back to polling and tries the socket again.
 *
 * <p>Owned by one {@link ConsoleServer}; every method runs on its one event-loop thread
 * "vernissage-console" (the sockets' handlers call {@link #join} and {@link #commandRan}), so it
 * needs no lock; the {@link Counters} are read from any thread.
 */
final class ConsolePush {

    /** Between two ticks: the preview's highest rate (PreviewFeed makes four thumbnails a second). */
    static final long PERIOD_MILLIS = 250;
    /** The status goes out every this many ticks (twice a second, as the page polled it). */
    static final int STATUS_TICKS = 2;
    /** How long a socket may stay unwritable before it is closed. */
    static final long STALL_MILLIS = 3000;

    private final ConsoleView view;
    private final StatusJson status;
    private final EventLoop loop;
    private final Counters counters = new Counters();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final Runnable tick = this::tick;
    private ScheduledFuture<?> ticker;
    private boolean statusOwed;
    private long ticks;

    /** What the pushes did, for the run's statistics and tests. Any thread. */
    static final class Counters {
        private final AtomicLong sockets = new AtomicLong();
        private final AtomicLong statuses = new AtomicLong();
        private final AtomicLong previews = new AtomicLong();
        private final AtomicLong skipped = new AtomicLong();
        private final AtomicLong stalled = new AtomicLong();

        /** Sockets that gave the token, since the start. */
        long sockets() {
            return sockets.get();
        }

        /** Status messages sent (one per socket). */
        long statuses() {
            return statuses.get();
        }

        /** Preview messages sent (one per socket). */
        long previews() {
            return previews.get();
        }

        /** Previews not sent to a socket that was not reading. */
        long skipped() {
            return skipped.get();
        }

        /** Sockets closed for not reading. */
        long stalled() {
            return stalled.get();
        }
    }

    /**
     * One page's socket: since when it has not been writable (0: it is), and the status and
     * thumbnail it was sent last (a socket that joined between two ticks has newer ones than the rest).
     */
    private static final class Subscriber {
        final Channel channel;
        long unwritableSince;
        byte[] status;
        byte[] preview;

        Subscriber(Channel channel) {
            this.channel = channel;
        }
    }

    ConsolePush(ConsoleView view, StatusJson status, EventLoop loop) {
        this.view = view;
        this.status = status;
        this.loop = loop;
    }

    Counters counters() {
        return counters;
    }

    /** A socket gave the token: it gets the status and the newest preview now, then every change. */
    void join(Channel channel) {
        Subscriber subscriber = new Subscriber(channel);
        subscribers.add(subscriber);
        counters.sockets.incrementAndGet();
        channel.closeFuture().addListener(closed -> leave(subscriber));
        byte[] jpeg = preview().orElse(null);
        send(subscriber, status.bytes(), jpeg, jpeg == null ? null : shared(jpeg));
        if (ticker == null) {
            ticker = loop.scheduleWithFixedDelay(tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** A command ran: the next tick sends the status, rebuilt, to every socket. */
    void commandRan() {
        statusOwed = true;
    }

    /** Event loop: at close, or when the server closes. */
    void stop() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
    }

    private void leave(Subscriber subscriber) {
        subscribers.remove(subscriber);
        if (subscribers.isEmpty()) {
            stop(); // nobody looks: no tick, no thumbnails asked for (PreviewFeed stops making them)
        }
    }

    private void tick() {
        ticks++;
        byte[] preview = preview().orElse(null);
        byte[] statusNow = null;
        if (statusOwed || ticks % STATUS_TICKS == 0) {
            statusOwed = false;
            statusNow = status.bytes();
        }
        ByteBuf previewFrame = null; // made once, for the first socket that lacks this thumbnail
        long now = System.nanoTime();
        for (int i = subscribers.size() - 1; i >= 0; i--) { // backwards: a close below removes the one at i
            Subscriber subscriber = subscribers.get(i);
            boolean newPreview = preview != null && preview != subscriber.preview;
            boolean newStatus = statusNow != null && !Arrays.equals(statusNow, subscriber.status);
            if (!writable(subscriber, now)) {
                if (newPreview) {
                    counters.skipped.incrementAndGet();
                }
                continue;
            }
            if (newPreview && previewFrame == null) {
                previewFrame = shared(preview);
            }
            send(subscriber, newStatus ? statusNow : null, newPreview ? preview : null,
                    newPreview ? previewFrame.retainedDuplicate() : null);
        }
        if (previewFrame != null) {
            previewFrame.release();
        }
    }

    /** Whether {@code subscriber} reads; closes it when it has not for too long. */
    private boolean writable(Subscriber subscriber, long now) {
        if (subscriber.channel.isWritable()) {
            subscriber.unwritableSince = 0;
            return true;
        }
        if (subscriber.unwritableSince == 0) {
            subscriber.unwritableSince = now;
        } else if (now - subscriber.unwritableSince > TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS)) {
            counters.stalled.incrementAndGet();
            subscriber.channel.close(); // no close frame: it would not read that either
        }
        return false;
    }

    /** Sends {@code status} and the preview {@code png} (as {@code frame}) where not null, and notes them sent. */
    private void send(Subscriber subscriber, byte[] status, byte[] png, ByteBuf frame) {
        Channel channel = subscriber.channel;
        if (status != null) {
            counters.statuses.incrementAndGet();
            subscriber.status = status;
            channel.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(status))); // StatusJson's array, never changed
        }
        if (frame != null) {
            counters.previews.incrementAndGet();
            subscriber.preview = png;
            channel.write(new BinaryWebSocketFrame(frame));
        }
        channel.flush();
    }

    /** The newest thumbnail; asking keeps them being made while a socket is open. */
    private Optional<byte[]> preview() {
        return view.preview();
    }

    /** One direct copy of a thumbnail, whose duplicates every socket writes without copying it again. */
    private static ByteBuf shared(byte[] png) {
        return ByteBufAllocator.DEFAULT.directBuffer(png.length).writeBytes(png);
    }
}
