package org.vernissage.sensors.tuio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.tuio.TuioTestEncoder.blobs;
import static org.vernissage.sensors.tuio.TuioTestEncoder.bundle;
import static org.vernissage.sensors.tuio.TuioTestEncoder.cursors;
import static org.vernissage.sensors.tuio.TuioTestEncoder.frame2;
import static org.vernissage.sensors.tuio.TuioTestEncoder.message;
import static org.vernissage.sensors.tuio.TuioTestEncoder.objects;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.sensors.RecordingLogger;

/**
 * Decoding TUIO and publishing its frames must not allocate once warm: measured on the calling
 * thread with the JVM's per-thread allocation counter, over every path a frame can take (added,
 * updated, removed, kind change, keepalive, late, duplicate, unnumbered, split, refused by the
 * ring, malformed, not OSC), with frame numbers rewritten in place so every frame is new.
 *
 * <p>The fixed slack is not per frame: it covers the measurement itself and HotSpot interning a
 * class's String constants on the thread that triggers a C2 compile (once per class, seen here as
 * a few hundred bytes in one window out of several).
 */
class TuioAllocationTest {

    private static final int ROUNDS = 5_000;
    private static final int WINDOWS = 3;
    private static final long SLACK_BYTES = 512;
    private static final SocketAddress TABLE = new InetSocketAddress("10.0.0.5", 50_000);
    private static final SocketAddress CAMERA = new InetSocketAddress("10.0.0.6", 50_001);

    /** How a datagram's frame number is rewritten each round. */
    private enum Numbering { FIXED, NEXT, SAME_AS_LAST, ONE_BEFORE_LAST }

    /** A datagram, and where its frame number is rewritten each round. */
    private record Datagram(SocketAddress sender, ByteBuffer bytes, int numberAt, Numbering numbering) {
    }

    private static Datagram numbered(SocketAddress sender, byte[] bytes, int numberAt, Numbering numbering) {
        return new Datagram(sender, ByteBuffer.wrap(bytes), numberAt, numbering);
    }

    private static Datagram fixed(SocketAddress sender, byte[] bytes) {
        return new Datagram(sender, ByteBuffer.wrap(bytes), -1, Numbering.FIXED);
    }

    private static List<Datagram> datagrams() {
        byte[] three = cursors().source("TABLE@10.0.0.5").alive(1, 2, 3).cursor(1, 0.1f, 0.1f, 1f, 0)
                .cursor(2, 0.2f, 0.2f, 0, 1f).cursor(3, 0.3f, 0.3f, 0, 0).fseq(1);
        byte[] splitPart = cursors().source("TABLE@10.0.0.5").alive(1, 2, 3, 4).cursor(4, 0.4f, 0.4f, 0, 0).fseq(1);
        byte[] two = cursors().source("TABLE@10.0.0.5").alive(1, 2).cursor(1, 0.15f, 0.1f, 1f, 0).fseq(1);
        byte[] late = cursors().source("TABLE@10.0.0.5").alive(1, 2).cursor(1, 0.5f, 0.5f, 0, 0).fseq(1);
        byte[] objects = objects().source("TABLE@10.0.0.5").alive(7).object(7, 42, 0.5f, 0.5f, 1.5f, 0, 0).fseq(1);
        byte[] redundantBlobs = blobs().source("TABLE@10.0.0.5").alive(9).blob(9, 0.6f, 0.6f, 0.2f, 0, 0).fseq(-1);
        byte[] tuio2 = frame2(1, "RCTV:0@0x0A000006").pointer(1, 0.1f, 0.2f, 0.3f, 0.5f, 0.5f)
                .token(2, 82, 0.6f, 0.7f, 1f, 0, 0).bounds(2, 0.6f, 0.7f, 1f).bounds(3, 0.9f, 0.9f, 0f)
                .raw(message("/tuio2/sym").i(2).i(1).i(82).s("ms/id").s("0x50E1")).alive(1, 2, 3);
        byte[] tuio2Fewer = frame2(1, "RCTV:0@0x0A000006").token(3, 5, 0.9f, 0.9f, 0f, 0, 0).alive(2, 3);
        byte[] notAlive = cursors().source("TABLE@10.0.0.5").alive(1, 2).cursor(8, 0.5f, 0.5f, 0, 0).fseq(-1);
        byte[] notFinite = objects().source("TABLE@10.0.0.5").alive(7).object(7, 42, Float.NaN, 0.5f, 0, 0, 0).fseq(-1);
        byte[] incomplete = cursors().source("TABLE@10.0.0.5").alive(1, 2).withoutFseq();
        byte[] unknown = bundle(message("/tuio/25Dcur").s("alive").bytes());
        byte[] notOsc = {'#', 'b', 'u', 'g'};
        return List.of(
                numbered(TABLE, three, TuioTestEncoder.lastIntOffset(three), Numbering.NEXT),
                numbered(TABLE, splitPart, TuioTestEncoder.lastIntOffset(splitPart), Numbering.SAME_AS_LAST),
                numbered(TABLE, two, TuioTestEncoder.lastIntOffset(two), Numbering.NEXT),
                numbered(TABLE, late, TuioTestEncoder.lastIntOffset(late), Numbering.ONE_BEFORE_LAST),
                numbered(TABLE, objects, TuioTestEncoder.lastIntOffset(objects), Numbering.NEXT),
                fixed(TABLE, redundantBlobs),
                numbered(CAMERA, tuio2, TuioTestEncoder.firstArgumentOffset(tuio2), Numbering.NEXT),
                numbered(CAMERA, tuio2Fewer, TuioTestEncoder.firstArgumentOffset(tuio2Fewer), Numbering.NEXT),
                numbered(CAMERA, tuio2Fewer, TuioTestEncoder.firstArgumentOffset(tuio2Fewer), Numbering.SAME_AS_LAST),
                fixed(TABLE, notAlive),
                fixed(TABLE, notFinite),
                fixed(TABLE, incomplete),
                fixed(TABLE, unknown),
                fixed(TABLE, notOsc));
    }

    @Test
    void decodingAndPublishingAllocateNothingOnceWarm() {
        CountingSink sink = new CountingSink();
        long allocated = measure(sink);
        assertTrue(sink.events > ROUNDS, "only " + sink.events + " events");
        assertTrue(allocated <= SLACK_BYTES, allocated + " bytes allocated over " + ROUNDS + " rounds");
    }

    @Test
    void offeringIntoTheRealRingAllocatesNothingEither() {
        ParameterLayout layout = new ParameterLayout(List.of(
                new ParameterSpec("level", ParameterType.FLOAT, 0, 1, new float[] {0}, "", "")));
        SnapshotExchange snapshots = new SnapshotExchange(new float[layout.slotCount()]);
        try (InputRing ring = new InputRing(4096, RingWaitStrategy.BLOCKING,
                r -> new Thread(r, "tuio-allocation-conductor"), new Conductor(layout, snapshots))) {
            ring.start();
            long allocated = measure(ring);
            assertTrue(allocated <= SLACK_BYTES, allocated + " bytes allocated over " + ROUNDS + " rounds");
        }
    }

    /** Bytes allocated on this thread over {@link #ROUNDS} rounds of every datagram, warm. */
    private static long measure(InputSink sink) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ManualClock clock = new ManualClock(TimeUnit.SECONDS.toNanos(1));
        TuioStats stats = new TuioStats("TUIO allocation");
        TuioDecoder decoder = new TuioDecoder(sink, stats, TuioSettings.DEFAULT, new RecordingLogger());
        List<Datagram> datagrams = datagrams();
        int[] number = {1};
        rounds(decoder, clock, datagrams, number, ROUNDS * 4); // warm-up: sources, first logs, the JIT

        // The least of a few windows: allocation per frame shows in every window, a one-off
        // (a compile finishing in the background) in one only.
        long allocated = Long.MAX_VALUE;
        long framesBefore = stats.framesApplied();
        for (int window = 0; window < WINDOWS; window++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            rounds(decoder, clock, datagrams, number, ROUNDS);
            allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
        }
        long frames = (stats.framesApplied() - framesBefore) / WINDOWS;

        assertEquals(stats.received(), stats.applied() + stats.droppedMessages() + stats.rejected());
        assertTrue(stats.keepalivesSent() > 0, "the keepalive path ran");
        assertTrue(stats.dropped(TuioDropReason.LATE_FRAME) > 0, "the late path ran");
        assertTrue(stats.dropped(TuioDropReason.DUPLICATE_FRAME) > 0, "the duplicate path ran");
        assertTrue(stats.framesApplied() > 5L * ROUNDS, "split parts and new frames applied: " + stats);
        assertEquals(0, stats.sourcesForgotten(), "no source fell silent in the measured rounds");
        System.out.printf("TUIO decode+publish: %d bytes over %d rounds (least of %d), %d frames applied (%s)%n",
                allocated, ROUNDS, WINDOWS, frames, sink.getClass().getSimpleName());
        return allocated;
    }

    private static void rounds(TuioDecoder decoder, ManualClock clock, List<Datagram> datagrams, int[] number,
                               int rounds) {
        for (int r = 0; r < rounds; r++) {
            if (r % 8 == 7) {
                // A quiet moment: no datagram for 250 ms, the points are kept alive by tick alone.
                clock.advance(TimeUnit.MILLISECONDS.toNanos(250));
                decoder.tick(clock.nanos());
                continue;
            }
            for (int d = 0; d < datagrams.size(); d++) {
                Datagram datagram = datagrams.get(d);
                switch (datagram.numbering()) {
                    case NEXT -> datagram.bytes().putInt(datagram.numberAt(), ++number[0]);
                    case SAME_AS_LAST -> datagram.bytes().putInt(datagram.numberAt(), number[0]);
                    case ONE_BEFORE_LAST -> datagram.bytes().putInt(datagram.numberAt(), number[0] - 1);
                    case FIXED -> { }
                }
                decoder.read(datagram.bytes(), 0, datagram.bytes().capacity(), datagram.sender(), clock.nanos());
                decoder.tick(clock.nanos());
            }
            // 60 ms a round: the keepalive interval passes every few rounds, the silence timeout never.
            clock.advance(TimeUnit.MILLISECONDS.toNanos(60));
        }
    }

    /** A sink that keeps only primitives, so it cannot allocate; it refuses some, as a full ring would. */
    private static final class CountingSink implements InputSink {
        long offers;
        long events;
        double sum;

        @Override
        public boolean offer(InputBatch batch) {
            offers++;
            if ((offers & 15) == 0) {
                return false;
            }
            for (int i = 0; i < batch.size(); i++) {
                sum += batch.x(i) + batch.session(i);
            }
            events += batch.size();
            return true;
        }

        @Override
        public boolean offerChannel(int channel, float value, long arrivalNanos) {
            return false;
        }

        @Override
        public boolean offerParameter(int slot, float value, long arrivalNanos) {
            return false;
        }
    }
}
