package org.vernissage.sensors.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.osc.TestBindings.osc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscMessageView;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscTimeTag;
import org.vernissage.osc.WallClock;
import org.vernissage.sensors.RecordingLogger;

/**
 * Real third-party OSC senders on 127.0.0.1 into the real receiver, router, input ring and
 * conductor: liblo's {@code oscsend} and {@code oscsendfile} (C), and osc.js (JavaScript, through
 * {@code interop/osc-udp-send.js}). Each test asserts the values that reached the snapshot, so an
 * argument sized or decoded differently by a peer, or a time tag read differently, fails here.
 * A missing peer fails the test with what to install (see {@link InteropPeers}).
 */
class OscUdpInteropTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final List<BindingSpec> BINDINGS = List.of(
            osc("/level"),                 // 0
            osc("/speed"),                 // 1
            osc("/page/1/fader1"),         // 2
            osc("/page/2/fader1"),         // 3
            osc("/lo/all", 0),             // 4  i
            osc("/lo/all", 1),             // 5  h
            osc("/lo/all", 2),             // 6  d
            osc("/lo/all", 3),             // 7  f
            osc("/lo/all", 6),             // 8  c
            osc("/lo/all", 8),             // 9  T
            osc("/lo/all", 9),             // 10 F
            osc("/js/all", 0),             // 11 i
            osc("/js/all", 1),             // 12 f
            osc("/js/all", 4),             // 13 h
            osc("/js/all", 6),             // 14 d
            osc("/js/all", 8),             // 15 c
            osc("/js/all", 11),            // 16 T
            osc("/js/all", 12),            // 17 F
            osc("/js/all", 16),            // 18 i inside the array
            osc("/js/all", 17),            // 19 f inside the array
            osc("/js/fader*"));            // 20 a pattern

    private final TestEngine engine = new TestEngine(BINDINGS.size());
    private final OscStats stats = new OscStats("OSC udp 127.0.0.1 (interop)");
    private final List<Long> bundleTags = new CopyOnWriteArrayList<>(); // written by the receiving thread
    private OscUdpReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
        engine.close();
    }

    /** Starts a receiver whose router maps time tags with these clocks; records every bundle's tag. */
    private void start(Clock engineClock, WallClock wallClock) throws Exception {
        OscBindingRouter router = new OscBindingRouter(BINDINGS, engine.ring, stats,
                new OscTimeTags(engineClock, wallClock, OscTimeTags.DEFAULT_MAX_AHEAD),
                OscBindingRouter.DEFAULT_BATCH_CAPACITY, new RecordingLogger());
        OscMessageHandler recording = new OscMessageHandler() {
            @Override
            public void onPacketStart(long arrivalNanos) {
                router.onPacketStart(arrivalNanos);
            }

            @Override
            public void onBundleStart(long timeTag) {
                bundleTags.add(timeTag);
                router.onBundleStart(timeTag);
            }

            @Override
            public void onMessage(OscMessageView message, long timeTag, long arrivalNanos) {
                router.onMessage(message, timeTag, arrivalNanos);
            }

            @Override
            public void onBundleEnd() {
                router.onBundleEnd();
            }

            @Override
            public void onPacketEnd(long arrivalNanos) {
                router.onPacketEnd(arrivalNanos);
            }
        };
        receiver = new OscUdpReceiver(OscEndpoint.parse("udp:127.0.0.1:0"), recording, engineClock, stats);
        receiver.start();
    }

    private void startOnTheMachinesClocks() throws Exception {
        start(new SystemClock(), WallClock.system());
    }

    private String port() {
        return String.valueOf(receiver.port());
    }

    private void awaitValues(long values) {
        TestEngine.await(() -> stats.valuesOffered() >= values, stats::toString);
    }

    // ---- liblo ------------------------------------------------------------------------------

    @Test
    void oscsendPlainMessagesArrive() throws Exception {
        startOnTheMachinesClocks();
        InteropPeers.run(List.of(InteropPeers.oscsend().toString(), "127.0.0.1", port(), "/level", "f", "0.5"));
        InteropPeers.run(List.of(InteropPeers.oscsend().toString(), "127.0.0.1", port(), "/speed", "i", "7"));
        engine.awaitValue(0, 0.5f, stats::toString);
        engine.awaitValue(1, 7f, stats::toString);
        assertEquals(0, stats.packetsRejected());
    }

    @Test
    void oscsendEveryTypeItKnowsIsSizedAndReadAlike() throws Exception {
        startOnTheMachinesClocks();
        InteropPeers.run(List.of(InteropPeers.oscsend().toString(), "127.0.0.1", port(), "/lo/all",
                "ihdfsScmTFNI", "42", "1099511627776", "0.125", "0.75", "hello", "sym", "A", "00b0077f"));
        ParameterSnapshot s = engine.awaitSnapshot(snapshot -> snapshot.inputsApplied() >= 7, stats::toString);
        float[] expected = {42f, 1099511627776f, 0.125f, 0.75f, 'A', 1f, 0f};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], s.value(engine.layout.offset(4 + i)), "channel " + (4 + i));
        }
        assertEquals(0, stats.packetsRejected());
        assertEquals(0, stats.messagesDropped());
    }

    @Test
    void oscsendToAPatternAddressReachesEveryMatchingBinding() throws Exception {
        startOnTheMachinesClocks();
        InteropPeers.run(List.of(InteropPeers.oscsend().toString(), "127.0.0.1", port(), "/page/*/fader1",
                "f", "0.25"));
        ParameterSnapshot s = engine.awaitSnapshot(snapshot -> snapshot.inputsApplied() >= 2, stats::toString);
        assertEquals(0.25f, s.value(engine.layout.offset(2)));
        assertEquals(0.25f, s.value(engine.layout.offset(3)));
    }

    @Test
    void oscsendfileBundlesApplyTogetherAndCarryLiblosClock(@TempDir Path folder) throws Exception {
        startOnTheMachinesClocks();
        // Lines without a time stamp: one bundle tagged "immediately".
        Path immediate = Files.writeString(folder.resolve("immediate.txt"),
                "/level f 0.125\n/speed f 3\n");
        InteropPeers.run(List.of(InteropPeers.oscsendfile().toString(), "127.0.0.1", port(), immediate.toString()));
        ParameterSnapshot first = engine.awaitSnapshot(s -> s.inputsApplied() >= 2, stats::toString);
        assertEquals(0.125f, first.value(engine.layout.offset(0)));
        assertEquals(3f, first.value(engine.layout.offset(1)), "in the same snapshot: one batch");
        assertEquals(List.of(OscPacketReader.IMMEDIATELY), bundleTags);

        // Lines with one time stamp: one bundle, which oscsendfile re-tags with liblo's "now".
        Path stamped = Files.writeString(folder.resolve("stamped.txt"),
                "e8754700.00000000 /level f 0.875\ne8754700.00000000 /speed f 9\n");
        long wallBefore = System.currentTimeMillis() * 1_000_000L;
        InteropPeers.run(List.of(InteropPeers.oscsendfile().toString(), "127.0.0.1", port(), stamped.toString()));
        awaitValues(4);
        // Sent at its own time: late on arrival, or a hair ahead if the clocks' readings differ.
        engine.frame(System.nanoTime() + SECOND);
        ParameterSnapshot second = engine.awaitSnapshot(s -> s.inputsApplied() >= 4, stats::toString);
        assertEquals(0.875f, second.value(engine.layout.offset(0)));
        assertEquals(9f, second.value(engine.layout.offset(1)));
        assertEquals(2, bundleTags.size());
        long tagged = OscTimeTag.epochNanos(bundleTags.get(1));
        assertTrue(Math.abs(tagged - wallBefore) < 60 * SECOND,
                "liblo's NTP time tag reads as this machine's time: " + tagged + " vs " + wallBefore);
        assertEquals(0, stats.bundles(OscBundleTiming.TOO_FAR_AHEAD));
    }

    // ---- osc.js -----------------------------------------------------------------------------

    private void oscJs(String packetsJson) throws Exception {
        InteropPeers.run(List.of(InteropPeers.node().toString(),
                InteropPeers.oscJsScript("osc-udp-send.js").toString(), port(), packetsJson));
    }

    @Test
    void oscJsEveryTypeIncludingBlobsTimeTagsColoursAndArrays() throws Exception {
        startOnTheMachinesClocks();
        oscJs("""
                [{"address": "/js/all", "args": [
                  {"type": "i", "value": -5}, {"type": "f", "value": 0.5}, {"type": "s", "value": "x"},
                  {"type": "b", "value": [1, 2, 3]}, {"type": "h", "value": {"high": 256, "low": 0}},
                  {"type": "t", "value": {"raw": [3900000000, 2147483648]}}, {"type": "d", "value": 2.5},
                  {"type": "S", "value": "y"}, {"type": "c", "value": "B"},
                  {"type": "r", "value": {"r": 1, "g": 2, "b": 3, "a": 1}}, {"type": "m", "value": [0, 176, 7, 64]},
                  {"type": "T"}, {"type": "F"}, {"type": "N"}, {"type": "I"},
                  [{"type": "i", "value": 7}, {"type": "f", "value": 0.25}]]},
                 {"address": "/js/fader9", "args": [{"type": "f", "value": 0.625}]}]""");
        ParameterSnapshot s = engine.awaitSnapshot(snapshot -> snapshot.inputsApplied() >= 10, stats::toString);
        float[] expected = {-5f, 0.5f, 1099511627776f, 2.5f, 'B', 1f, 0f, 7f, 0.25f, 0.625f};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], s.value(engine.layout.offset(11 + i)), "channel " + (11 + i));
        }
        assertEquals(0, stats.packetsRejected());
    }

    @Test
    void oscJsBundleIsHeldUntilItsExactTimeTagNestedOnesUntilTheirs() throws Exception {
        long engineStart = 7 * SECOND;
        long wall = 1_748_779_200_000_000_000L; // 2025-06-01T12:00:00Z, fixed for the test
        start(new ManualClock(engineStart), () -> wall);
        long outer = OscTimeTag.timeTag(wall + 5 * SECOND);
        long inner = OscTimeTag.timeTag(wall + 7 * SECOND);
        oscJs("[{\"timeTag\": {\"raw\": [" + (outer >>> 32) + ", " + (outer & 0xFFFF_FFFFL) + "]}, \"packets\": ["
                + "{\"address\": \"/level\", \"args\": [{\"type\": \"f\", \"value\": 0.5}]},"
                + "{\"timeTag\": {\"raw\": [" + (inner >>> 32) + ", " + (inner & 0xFFFF_FFFFL) + "]}, \"packets\": ["
                + "{\"address\": \"/speed\", \"args\": [{\"type\": \"f\", \"value\": 7}]}]}]}]");
        awaitValues(2);
        assertEquals(List.of(outer, inner), bundleTags, "osc.js wrote the tags we gave it");

        engine.frame(engineStart + 5 * SECOND - 1);
        assertEquals(TestEngine.DEFAULT, engine.value(0), "held until its due time");
        engine.frame(engineStart + 5 * SECOND);
        assertEquals(0.5f, engine.value(0), "due exactly 5 s after arrival on the engine clock");
        assertEquals(TestEngine.DEFAULT, engine.value(1), "the nested bundle has its own, later tag");
        engine.frame(engineStart + 7 * SECOND - 1);
        assertEquals(TestEngine.DEFAULT, engine.value(1));
        engine.frame(engineStart + 7 * SECOND);
        assertEquals(7f, engine.value(1));
        assertEquals(2, stats.bundles(OscBundleTiming.SCHEDULED));
    }

    @Test
    void oscJsBundleTaggedFiveSecondsAheadOnItsOwnClockIsScheduled() throws Exception {
        startOnTheMachinesClocks();
        oscJs("""
                [{"timeTag": {"secondsFromNow": 5}, "packets": [
                  {"address": "/level", "args": [{"type": "f", "value": 0.75}]},
                  {"address": "/speed", "args": [{"type": "i", "value": 4}]}]}]""");
        awaitValues(2);
        assertEquals(1, stats.bundles(OscBundleTiming.SCHEDULED), stats::toString);
        engine.frame(stats.lastSeenNanos());
        assertEquals(TestEngine.DEFAULT, engine.value(0), "not applied on arrival");
        engine.frame(stats.lastSeenNanos() + 6 * SECOND);
        ParameterSnapshot s = engine.snapshots.latch();
        assertEquals(0.75f, s.value(engine.layout.offset(0)));
        assertEquals(4f, s.value(engine.layout.offset(1)), "released together");
    }

    @Test
    void aLateOscJsBundleAppliesOnArrival() throws Exception {
        startOnTheMachinesClocks();
        oscJs("""
                [{"timeTag": {"secondsFromNow": -30}, "packets": [
                  {"address": "/level", "args": [{"type": "d", "value": 0.375}]}]}]""");
        engine.awaitValue(0, 0.375f, stats::toString);
        assertEquals(1, stats.bundles(OscBundleTiming.LATE));
    }
}
