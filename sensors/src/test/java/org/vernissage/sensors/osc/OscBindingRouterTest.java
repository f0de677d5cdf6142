package org.vernissage.sensors.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.osc.OscTestEncoder.bundle;
import static org.vernissage.osc.OscTestEncoder.message;
import static org.vernissage.sensors.osc.TestBindings.midi;
import static org.vernissage.sensors.osc.TestBindings.osc;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscTestEncoder;
import org.vernissage.osc.OscTimeTag;
import org.vernissage.osc.RecordingHandler;
import org.vernissage.sensors.RecordingLogger;
import org.vernissage.sensors.osc.RecordingInputSink.Value;

class OscBindingRouterTest {

    private static final long ARRIVAL = 987_654_321L;
    /** The engine clock when packets arrive, and the wall clock then (2025-06-01T12:00:00Z). */
    private static final long ENGINE_NOW = 5_000_000_000L;
    private static final long WALL_NOW = 1_748_779_200_000_000_000L;
    private static final long MS = 1_000_000L;

    /** The artwork's bindings; the index is the channel. */
    private static final List<BindingSpec> BINDINGS = List.of(
            osc("/level"),                  // 0
            midi(7),                        // 1: not OSC, skipped, but the channels keep counting
            osc("/xy", 0),                  // 2
            osc("/xy", 1),                  // 3
            osc("/fader*"),                 // 4: a pattern
            osc("/mix/{a,b}/gain"),         // 5: a pattern
            osc("/page/1/fader1"),          // 6
            osc("/page/1/fader2"),          // 7
            osc("/page/2/fader1"),          // 8
            osc("/lev?l"));                 // 9: a pattern that also matches /level

    private final RecordingInputSink sink = new RecordingInputSink();
    private final OscStats stats = new OscStats("OSC udp 0.0.0.0:9000");
    private final RecordingLogger logger = new RecordingLogger();
    private final OscPacketReader reader = new OscPacketReader();
    private final ManualClock engineClock = new ManualClock(ENGINE_NOW);
    private long wallNow = WALL_NOW;
    private int wallReadings;
    private final OscTimeTags timeTags = new OscTimeTags(engineClock, () -> {
        wallReadings++;
        return wallNow;
    }, Duration.ofSeconds(10));
    private final OscBindingRouter router = router(BINDINGS, 64);

    private OscBindingRouter router(List<BindingSpec> bindings, int batchCapacity) {
        return new OscBindingRouter(bindings, sink, stats, timeTags, batchCapacity, logger);
    }

    private void route(OscTestEncoder.Message message) {
        route(message.bytes());
    }

    private void route(byte[] packet) {
        assertTrue(reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, router), "valid packet");
    }

    private static long tagAt(long wallNanos) {
        return OscTimeTag.timeTag(wallNanos);
    }

    // ---- values and channels ------------------------------------------------------------------

    @Test
    void theRawArgumentIsPublishedOnTheBindingsChannel() {
        route(message("/page/1/fader1").f(0.25f));
        assertEquals(List.of(new Value(0, false, 6, 0.25f, InputBatch.IMMEDIATELY, ARRIVAL)), sink.values,
                "one immediate value: offerChannel");
        assertEquals(1, stats.messagesReceived());
        assertEquals(1, stats.valuesOffered());
        assertEquals(0, stats.messagesDropped());
    }

    @Test
    void valuesAreRawNotScaled() {
        route(message("/level").i(254));
        route(message("/level").f(-3.5f));
        assertEquals(List.of(254f, 254f, -3.5f, -3.5f), sink.rawValues(), "/level and /lev?l");
    }

    @Test
    void nonOscBindingsAreSkippedAndChannelsAreListIndexes() {
        assertEquals(9, router.bindingCount());
        assertEquals(3, router.patternCount());
        route(message("/xy").f(0.1f).f(0.9f));
        assertEquals(List.of(2, 3), sink.channels());
        assertEquals(List.of(0.1f, 0.9f), sink.rawValues());
    }

    @Test
    void everyNumericTypeReadsAsANumber() {
        OscBindingRouter level = router(List.of(osc("/n")), 8);
        byte[][] packets = {message("/n").i(-7).bytes(), message("/n").f(0.5f).bytes(),
                message("/n").h(1L << 40).bytes(), message("/n").d(2.25).bytes(),
                message("/n").c('A').bytes(), message("/n").tag('T').bytes(), message("/n").tag('F').bytes()};
        for (byte[] packet : packets) {
            reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, level);
        }
        assertEquals(List.of(-7f, 0.5f, (float) (1L << 40), 2.25f, 65f, 1f, 0f), sink.rawValues());
        assertEquals(0, stats.messagesDropped());
    }

    @Test
    void otherTypesAreNotNumbersAndNonFiniteValuesAreRefused() {
        OscBindingRouter level = router(List.of(osc("/n")), 8);
        byte[][] notNumbers = {message("/n").s("0.5").bytes(), message("/n").symbol("x").bytes(),
                message("/n").b(new byte[] {1}).bytes(), message("/n").t(5).bytes(),
                message("/n").rgba(1, 2, 3, 4).bytes(), message("/n").midi(0, 0xB0, 7, 64).bytes(),
                message("/n").tag('N').bytes(), message("/n").tag('I').bytes(),
                message("/n").tag('[').f(1).tag(']').bytes()};
        byte[][] notFinite = {message("/n").f(Float.NaN).bytes(), message("/n").f(Float.POSITIVE_INFINITY).bytes(),
                message("/n").d(Double.NEGATIVE_INFINITY).bytes(), message("/n").d(1e300).bytes()};
        for (byte[] packet : notNumbers) {
            reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, level);
        }
        for (byte[] packet : notFinite) {
            reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, level);
        }
        assertEquals(List.of(), sink.values);
        assertEquals(notNumbers.length, stats.messagesDropped(OscDropReason.NOT_NUMERIC));
        assertEquals(notFinite.length, stats.messagesDropped(OscDropReason.NOT_FINITE));
        assertEquals(notNumbers.length + notFinite.length, stats.messagesDropped());
    }

    @Test
    void aBindingCountsArrayBracketsAsArguments() {
        route(message("/xy").tag('[').f(0.5f).tag(']'));
        assertEquals(List.of(3), sink.channels(), "argument 1 is the first element of the array");
        assertEquals(List.of(0.5f), sink.rawValues());
        assertEquals(0, stats.messagesDropped(), "partly applied is not dropped");
        assertEquals(1, logger.snapshot().size(), "but the problem is logged: " + logger.snapshot());
        String record = logger.snapshot().get(0);
        assertTrue(record.contains("NOT_NUMERIC") && record.contains("/xy") && record.contains(",[f]")
                && record.contains("binding 2 (OSC /xy -> level)"), record);
    }

    @Test
    void missingArgumentsAreDroppedOrLoggedWhenOnlyPartlyMissing() {
        route(message("/level"));
        route(message("/xy").f(0.1f));
        assertEquals(1, stats.messagesDropped(OscDropReason.NO_ARGUMENT));
        assertEquals(List.of(2), sink.channels());
        assertEquals(1, logger.snapshot().size(), () -> "logged once: " + logger.snapshot());
        assertTrue(logger.snapshot().get(0).contains("OSC udp 0.0.0.0:9000: OSC message dropped: NO_ARGUMENT"),
                logger.snapshot().get(0));
    }

    // ---- matching -----------------------------------------------------------------------------

    @Test
    void anUnknownAddressIsDroppedCountedAndLoggedOnce() {
        for (int i = 0; i < 100; i++) {
            route(message("/nobody/listens").f(1));
        }
        route(message("/xy/z").f(1)); // an extension of a bound address is not a match either
        assertEquals(List.of(), sink.values);
        assertEquals(101, stats.messagesDropped(OscDropReason.NO_BINDING));
        assertEquals(101, stats.messagesReceived());
        assertEquals(1, logger.snapshot().size(), () -> "logged: " + logger.snapshot());
        assertTrue(logger.snapshot().get(0).contains("/nobody/listens"), logger.snapshot().get(0));
    }

    @Test
    void aBoundPatternMatchesIncomingAddresses() {
        route(message("/fader").f(1));
        route(message("/fader12").f(2));
        route(message("/fader/1").f(3));       // '*' never crosses '/'
        route(message("/mix/b/gain").f(4));
        route(message("/mix/c/gain").f(5));
        assertEquals(List.of(4, 4, 5), sink.channels());
        assertEquals(List.of(1f, 2f, 4f), sink.rawValues());
        assertEquals(2, stats.messagesDropped(OscDropReason.NO_BINDING));
    }

    @Test
    void aLiteralAddressReachesItsOwnBindingAndEveryMatchingPattern() {
        route(message("/level").f(0.5f));
        assertEquals(List.of(0, 9), sink.channels());
        assertEquals(1, sink.offers, "one message, one all-or-nothing offer");
        assertTrue(sink.values.get(0).batched());
    }

    @Test
    void anIncomingPatternIsDispatchedToEveryBoundAddressItMatches() {
        route(message("/page/*/fader1").f(0.5f));
        assertEquals(List.of(6, 8), sink.channels());
        sink.values.clear();
        route(message("/page/1/fader[!1]").f(0.5f));
        route(message("/page/{2,3}/fader?").f(0.5f));
        route(message("/l*").f(0.5f));
        assertEquals(List.of(7, 8, 0), sink.channels(), "/l* reaches /level, not the pattern /lev?l");
        assertEquals(5, stats.valuesOffered());
    }

    @Test
    void anIncomingPatternNeverMatchesABindingsPattern() {
        route(message("/fader?").f(1)); // "/fader*" is bound, but pattern to pattern is undefined
        route(message("/mix/*/gain").f(1));
        assertEquals(List.of(), sink.values);
        assertEquals(2, stats.messagesDropped(OscDropReason.NO_BINDING));
    }

    @Test
    void aMalformedIncomingPatternIsDroppedAsBadPattern() {
        route(message("/page/[1/fader1").f(1));
        route(message("/page/1}/fader1").f(1));
        assertEquals(List.of(), sink.values);
        assertEquals(2, stats.messagesDropped(OscDropReason.BAD_PATTERN));
        assertEquals(1, logger.snapshot().size());
        assertTrue(logger.snapshot().get(0).contains("BAD_PATTERN (address /page/[1/fader1"), logger.snapshot().get(0));
    }

    @Test
    void aPatternOverTheSizeBoundIsRefusedAndCountedApart() {
        StringBuilder hostile = new StringBuilder("/");
        while (hostile.length() < 60_000) {
            hostile.append("*{,}");
        }
        route(message(hostile.toString()).f(1));
        route(message("/page/*/fader1").f(0.5f));
        assertEquals(List.of(6, 8), sink.channels(), "ordinary patterns still route");
        assertEquals(1, stats.messagesDropped(OscDropReason.PATTERN_TOO_LONG));
        assertEquals(0, stats.messagesDropped(OscDropReason.BAD_PATTERN));
        assertEquals(1, logger.snapshot().size());
        assertTrue(logger.snapshot().get(0).contains("PATTERN_TOO_LONG (address /*{,}*{,}"), logger.snapshot().get(0));
    }

    @Test
    void matchingBeyondTheStepBudgetIsDroppedAsTooCostly() {
        // Many bound addresses and a costly pattern within the size bound: each match costs up to
        // pattern bytes x address positions, and the message's matches together exceed the budget.
        List<BindingSpec> bindings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            bindings.add(osc("/" + "a".repeat(40) + i));
        }
        OscBindingRouter many = router(bindings, 64);
        StringBuilder costly = new StringBuilder("/");
        while (costly.length() < 252) {
            costly.append("*{,}");
        }
        byte[] packet = message(costly.append("*9").toString()).f(1).bytes();
        reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, many);
        assertEquals(List.of(), sink.values);
        assertEquals(1, stats.messagesDropped(OscDropReason.MATCH_TOO_COSTLY));
        assertEquals(0, stats.messagesDropped(OscDropReason.NO_BINDING));
        assertTrue(logger.snapshot().get(0).contains("MATCH_TOO_COSTLY"), logger.snapshot().get(0));
        // The budget is per message: the next ordinary pattern gets a full one.
        packet = message("/a*9").f(2).bytes();
        reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, many);
        assertEquals(List.of(9, 19, 29, 39, 49, 59, 69, 79, 89, 99, 109, 119, 129, 139, 149, 159, 169, 179,
                189, 199), sink.channels());
    }

    @Test
    void manyLiteralAddressesAllResolveThroughTheTable() {

        List<BindingSpec> bindings = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            bindings.add(osc("/tint/" + i));
        }
        OscBindingRouter many = router(bindings, 8);
        for (int i = 0; i < 300; i++) {
            byte[] packet = message("/tint/" + i).i(i).bytes();
            reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, many);
            Value value = sink.values.get(i);
            assertEquals(i, value.channel(), "binding " + i);
            assertEquals(i, value.value(), "binding " + i);
        }
        assertEquals(0, stats.messagesDropped());
    }

    @Test
    void bindingsThatCannotMatchAreRefusedAtConstructionNamingTheBinding() {
        IllegalArgumentException slash = assertThrows(IllegalArgumentException.class,
                () -> router(List.of(osc("/a"), osc("fader")), 8));
        assertTrue(slash.getMessage().startsWith("binding 1 (OSC fader -> level)"), slash.getMessage());
        IllegalArgumentException pattern = assertThrows(IllegalArgumentException.class,
                () -> router(List.of(osc("/fader[1-4")), 8));
        assertTrue(pattern.getMessage().contains("binding 0") && pattern.getMessage().contains("'[' has no closing ']'"),
                pattern.getMessage());
    }

    // ---- packets and bundles ------------------------------------------------------------------

    @Test
    void aBundleIsOfferedAsOneBatch() {
        route(bundle(OscPacketReader.IMMEDIATELY, message("/level").f(0.1f).bytes(),
                message("/xy").f(0.2f).f(0.3f).bytes(), message("/unbound").f(1).bytes()));
        assertEquals(1, sink.offers);
        assertEquals(List.of(0, 9, 2, 3), sink.channels());
        assertTrue(sink.values.stream().allMatch(v -> v.batched() && v.offer() == 0
                && v.dueNanos() == InputBatch.IMMEDIATELY && v.arrivalNanos() == ARRIVAL), sink.values::toString);
        assertEquals(1, stats.bundles(OscBundleTiming.IMMEDIATE));
        assertEquals(1, stats.messagesDropped(OscDropReason.NO_BINDING));
        assertEquals(4, stats.valuesOffered());
    }

    @Test
    void aFutureTimeTagBecomesADueTimeOnTheEngineClock() {
        route(bundle(tagAt(WALL_NOW + 250 * MS), message("/xy").f(1).f(2).bytes()));
        engineClock.advance(1_000 * MS);
        wallNow += 1_000 * MS;
        route(bundle(tagAt(wallNow + 40 * MS), message("/xy").f(3).f(4).bytes()));
        List<Long> dues = sink.values.stream().map(Value::dueNanos).toList();
        long second = ENGINE_NOW + 1_000 * MS;
        assertEquals(List.of(ENGINE_NOW + 250 * MS, ENGINE_NOW + 250 * MS, second + 40 * MS, second + 40 * MS), dues);
        assertEquals(2, stats.bundles(OscBundleTiming.SCHEDULED));
    }

    @Test
    void nestedBundlesGiveEachMessageItsInnermostTimeTag() {
        long outer = tagAt(WALL_NOW + 100 * MS);
        long inner = tagAt(WALL_NOW + 300 * MS);
        route(bundle(outer, message("/page/1/fader1").f(1).bytes(),
                bundle(inner, message("/page/1/fader2").f(2).bytes()),
                message("/page/2/fader1").f(3).bytes(),
                bundle(OscPacketReader.IMMEDIATELY, message("/level").f(4).bytes())));
        List<Long> dues = sink.values.stream().map(Value::dueNanos).toList();
        assertEquals(List.of(ENGINE_NOW + 100 * MS, ENGINE_NOW + 300 * MS, ENGINE_NOW + 100 * MS,
                InputBatch.IMMEDIATELY, InputBatch.IMMEDIATELY), dues);
        assertEquals(1, sink.offers, "the whole packet is one batch");
        assertEquals(1, wallReadings, "the clocks are read once per packet");
        assertEquals(3, stats.bundlesReceived());
    }

    @Test
    void pastAndPresentTagsAreDueImmediatelyAndCountedLate() {
        route(bundle(tagAt(WALL_NOW - 2_000 * MS), message("/level").f(1).bytes()));
        route(bundle(tagAt(WALL_NOW), message("/level").f(2).bytes()));
        assertTrue(sink.values.stream().allMatch(v -> v.dueNanos() == InputBatch.IMMEDIATELY));
        assertEquals(2, stats.bundles(OscBundleTiming.LATE));
        assertEquals(List.of(), logger.snapshot(), "late bundles are normal: counted, not logged");
    }

    @Test
    void aTagTooFarAheadAppliesOnArrivalAndIsLoggedOnce() {
        route(bundle(tagAt(WALL_NOW + 3_600_000 * MS), message("/level").f(1).bytes()));
        route(bundle(0, message("/level").f(2).bytes())); // 0: some senders' "now"; NTP era 1 is 2036
        assertTrue(sink.values.stream().allMatch(v -> v.dueNanos() == InputBatch.IMMEDIATELY));
        assertEquals(List.of(1f, 1f, 2f, 2f), sink.rawValues());
        assertEquals(2, stats.bundles(OscBundleTiming.TOO_FAR_AHEAD));
        assertEquals(1, logger.snapshot().size(), () -> "logged: " + logger.snapshot());
        assertTrue(logger.snapshot().get(0).contains("3600000 ms ahead") && logger.snapshot().get(0).contains("10000 ms"),
                logger.snapshot().get(0));
    }

    @Test
    void aFullRingDropsThePacketsMessagesAndIsNeverWaitedFor() {
        sink.full = true;
        route(message("/xy").f(0.5f).f(0.5f));
        route(bundle(1, message("/level").f(1).bytes(), message("/fader3").f(1).bytes(),
                message("/unbound").f(1).bytes()));
        assertEquals(3, stats.messagesDropped(OscDropReason.RING_FULL));
        assertEquals(1, stats.messagesDropped(OscDropReason.NO_BINDING));
        assertEquals(0, stats.valuesOffered());
        sink.full = false;
        route(message("/level").f(0.5f));
        assertEquals(2, stats.valuesOffered());
        assertEquals(5, stats.messagesReceived());
        assertEquals(2, logger.snapshot().size(), () -> "RING_FULL and NO_BINDING once each: " + logger.snapshot());
    }

    @Test
    void aPacketWithMoreValuesThanTheBatchHoldsIsDroppedWhole() {
        OscBindingRouter small = router(BINDINGS, 4);
        byte[] big = bundle(1, message("/xy").f(1).f(2).bytes(), message("/level").f(3).bytes(),
                message("/page/1/fader1").f(4).bytes());
        reader.read(ByteBuffer.wrap(big), 0, big.length, ARRIVAL, small);
        assertEquals(List.of(), sink.values);
        assertEquals(3, stats.messagesDropped(OscDropReason.TOO_MANY_VALUES));
        assertTrue(logger.snapshot().get(0).contains("more than 4 bound values"), logger.snapshot().get(0));
        byte[] fits = bundle(1, message("/xy").f(1).f(2).bytes(), message("/level").f(3).bytes());
        reader.read(ByteBuffer.wrap(fits), 0, fits.length, ARRIVAL, small);
        assertEquals(4, sink.values.size(), "the next packet is not affected");
    }

    @Test
    void aMessageDeliveredWithoutPacketCallbacksIsAPacketOfItsOwn() {
        RecordingHandler capture = new RecordingHandler();
        byte[] packet = message("/xy").f(1).f(2).bytes();
        // A handler that forwards only onMessage, as a hand-written caller might.
        OscMessageHandler onlyMessages = (message, tag, arrival) -> router.onMessage(message, tag, arrival);
        reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, onlyMessages);
        reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, capture);
        assertEquals(2, sink.values.size());
        assertEquals(1, sink.offers);
        assertFalse(capture.received.isEmpty());
    }
}
