package org.vernissage.sensors.tuio;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.sensors.RecordingLogger;

/** A decoder wired to a recording sink, a recording logger and a manual clock, for unit tests. */
final class DecoderHarness {

    static final SocketAddress TRACKER = new InetSocketAddress("10.0.0.5", 50_000);
    static final SocketAddress OTHER_TRACKER = new InetSocketAddress("10.0.0.6", 50_000);

    final ManualClock clock = new ManualClock(TimeUnit.SECONDS.toNanos(100));
    final RecordingSink sink = new RecordingSink();
    final RecordingLogger logger = new RecordingLogger();
    final TuioStats stats = new TuioStats("TUIO test");
    final TuioDecoder decoder;

    DecoderHarness() {
        this(TuioSettings.DEFAULT);
    }

    DecoderHarness(TuioSettings settings) {
        decoder = new TuioDecoder(sink, stats, settings, logger);
    }

    /** Reads a datagram from {@link #TRACKER} now; returns whether it was valid OSC. */
    boolean feed(byte[] datagram) {
        return feed(TRACKER, datagram);
    }

    boolean feed(SocketAddress sender, byte[] datagram) {
        return decoder.read(ByteBuffer.wrap(datagram), 0, datagram.length, sender, clock.nanos());
    }

    void advanceMillis(long millis) {
        clock.advance(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    void tick() {
        decoder.tick(clock.nanos());
    }

    /** Every message received is applied, dropped or rejected once its datagram is read. */
    boolean countersAddUp() {
        return stats.received() == stats.applied() + stats.droppedMessages() + stats.rejected();
    }
}
