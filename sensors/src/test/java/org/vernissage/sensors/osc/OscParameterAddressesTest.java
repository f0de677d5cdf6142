package org.vernissage.sensors.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.osc.OscTestEncoder.bundle;
import static org.vernissage.osc.OscTestEncoder.message;
import static org.vernissage.sensors.osc.TestBindings.osc;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscTestEncoder;
import org.vernissage.osc.OscTimeTag;
import org.vernissage.osc.RecordingHandler;
import org.vernissage.sensors.RecordingLogger;

/**
 * Every parameter at {@code /vernissage/<id>/<name>} with no binding declared: what each type
 * takes, what it refuses (counted, logged once naming the address and what was expected), declared
 * bindings first, and the outputs' address space handed to its handler.
 */
class OscParameterAddressesTest {

    private static final long ARRIVAL = 1_000_000L;

    // Slots: level 0, waves 1, calm 2, centre 3-4, wind 5-7, tint 8-11, flash 12.
    private static final ParameterLayout LAYOUT = new ParameterLayout(List.of(
            spec("level", ParameterType.FLOAT, 1),
            spec("waves", ParameterType.INT, 1),
            spec("calm", ParameterType.BOOL, 1),
            spec("centre", ParameterType.VEC2, 2),
            spec("wind", ParameterType.VEC3, 3),
            spec("tint", ParameterType.COLOR, 4),
            spec("flash", ParameterType.EVENT, 1)));

    private final RecordingInputSink sink = new RecordingInputSink();
    private final OscStats stats = new OscStats("OSC udp 127.0.0.1:9000");
    private final RecordingLogger logger = new RecordingLogger();
    private final OscPacketReader reader = new OscPacketReader();
    private final ManualClock engineClock = new ManualClock(5_000_000_000L);
    private final OscTimeTags timeTags = new OscTimeTags(engineClock, () -> 1_748_779_200_000_000_000L,
            Duration.ofSeconds(10));
    private final RecordingHandler outputs = new RecordingHandler();

    private static ParameterSpec spec(String name, ParameterType type, int components) {
        return new ParameterSpec(name, type, -10f, 10f, new float[components], "", "");
    }

    private OscBindingRouter router(List<BindingSpec> bindings) {
        return new OscBindingRouter(bindings, new OscParameterAddresses("tide", LAYOUT), outputs, sink, stats,
                timeTags, 64, logger);
    }

    private void route(OscBindingRouter router, OscTestEncoder.Message message) {
        byte[] packet = message.bytes();
        assertTrue(reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, router), "valid packet");
    }

    @Test
    void eachTypeTakesItsArgumentsAtItsOwnAddress() {
        OscBindingRouter router = router(List.of());
        route(router, message("/vernissage/tide/level").f(0.25f));
        route(router, message("/vernissage/tide/level").i(3));
        route(router, message("/vernissage/tide/level").d(-1.5));
        route(router, message("/vernissage/tide/waves").i(4));
        route(router, message("/vernissage/tide/waves").f(2.6f));            // rounded
        route(router, message("/vernissage/tide/calm").tag('T'));
        route(router, message("/vernissage/tide/calm").tag('F'));
        route(router, message("/vernissage/tide/calm").i(1));
        route(router, message("/vernissage/tide/calm").f(0f));
        route(router, message("/vernissage/tide/centre").f(0.5f).f(-0.5f));
        route(router, message("/vernissage/tide/wind").f(1f).i(2).d(3.0));
        route(router, message("/vernissage/tide/tint").f(0.1f).f(0.2f).f(0.3f));   // alpha 1
        route(router, message("/vernissage/tide/tint").f(0.1f).f(0.2f).f(0.3f).f(0.4f));
        route(router, message("/vernissage/tide/flash"));                     // no arguments
        route(router, message("/vernissage/tide/flash").s("bang").f(7f));     // any arguments

        assertEquals(List.of(
                0f, 0.25f, 0f, 3f, 0f, -1.5f,
                1f, 4f, 1f, 3f,
                2f, 1f, 2f, 0f, 2f, 1f, 2f, 0f,
                3f, 0.5f, 4f, -0.5f,
                5f, 1f, 6f, 2f, 7f, 3f,
                8f, 0.1f, 9f, 0.2f, 10f, 0.3f, 11f, 1f,
                8f, 0.1f, 9f, 0.2f, 10f, 0.3f, 11f, 0.4f,
                12f, 1f, 12f, 1f), sink.setSlotsAndValues());
        assertEquals(0, stats.messagesDropped());
        assertTrue(sink.values.isEmpty(), "no binding channel is involved");
        assertTrue(sink.sets.stream().filter(s -> s.slot() >= 3 && s.slot() <= 4).allMatch(RecordingInputSink.Set::batched),
                "a vec2's components travel together");
    }

    @Test
    void argumentsThatDoNotFitAreDroppedCountedAndLoggedOnceWithTheAddressAndWhatItTakes() {
        OscBindingRouter router = router(List.of());
        route(router, message("/vernissage/tide/centre").f(0.5f));           // one of two
        route(router, message("/vernissage/tide/level").s("loud"));          // a string
        route(router, message("/vernissage/tide/tint").f(1f).f(1f));         // two of three or four
        route(router, message("/vernissage/tide/calm").s("yes"));
        route(router, message("/vernissage/tide/level").f(Float.NaN));

        assertTrue(sink.sets.isEmpty(), "nothing of a message that does not fit is applied");
        assertEquals(4, stats.messagesDropped(OscDropReason.WRONG_ARGUMENTS));
        assertEquals(1, stats.messagesDropped(OscDropReason.NOT_FINITE));
        List<String> lines = logger.containing("WRONG_ARGUMENTS");
        assertEquals(1, lines.size(), "logged once per kind: " + logger.snapshot());
        assertTrue(lines.get(0).contains("address /vernissage/tide/centre, type tags ,f"), lines.get(0));
        assertTrue(lines.get(0).contains("parameter 'centre' (vec2), which takes two numbers (f, i, d or h)"),
                lines.get(0));
        assertEquals(1, logger.containing("NOT_FINITE").size());
    }

    @Test
    void aDeclaredBindingOnTheSameAddressComesFirstAndAloneAndOthersStillAnswer() {
        OscBindingRouter router = router(List.of(osc("/vernissage/tide/level")));
        route(router, message("/vernissage/tide/level").f(0.75f));
        route(router, message("/vernissage/tide/waves").i(2));

        assertEquals(List.of(0.75f), sink.rawValues(), "the binding (channel 0) got it");
        assertEquals(List.of(0), sink.channels());
        assertEquals(List.of(1f, 2f), sink.setSlotsAndValues(), "only the unbound parameter was set directly");
    }

    @Test
    void aBundleAppliesItsParameterSetsTogetherAtItsTime() {
        OscBindingRouter router = router(List.of());
        byte[] packet = bundle(OscTimeTag.IMMEDIATELY,
                message("/vernissage/tide/level").f(0.5f).bytes(),
                message("/vernissage/tide/flash").bytes());
        assertTrue(reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, router));

        assertEquals(List.of(0f, 0.5f, 12f, 1f), sink.setSlotsAndValues());
        assertEquals(1, sink.offers, "one offer, all or nothing");
        assertEquals(InputBatch.IMMEDIATELY, sink.sets.get(0).dueNanos());
    }

    @Test
    void unknownNamesOtherArtworksAndIncomingPatternsReachNoParameter() {
        OscBindingRouter router = router(List.of());
        route(router, message("/vernissage/tide/levle").f(1f));
        route(router, message("/vernissage/other/level").f(1f));
        route(router, message("/vernissage/tide/*").f(1f));

        assertTrue(sink.sets.isEmpty());
        assertEquals(3, stats.messagesDropped(OscDropReason.NO_BINDING));
    }

    @Test
    void theOutputsAddressSpaceGoesToItsHandlerWhateverTheBindings() {
        OscBindingRouter router = router(List.of(osc("/vernissage/*/*/*")));
        route(router, message("/vernissage/output/1/corner/0").f(0.1f).f(0.2f));
        route(router, message("/vernissage/output/testcard").i(1));

        assertEquals(2, outputs.received.size());
        assertEquals("/vernissage/output/1/corner/0", outputs.received.get(0).address());
        assertEquals(List.of("f:0.1", "f:0.2"), outputs.received.get(0).arguments());
        assertEquals(ARRIVAL, outputs.received.get(1).arrivalNanos());
        assertTrue(sink.values.isEmpty() && sink.sets.isEmpty(), "not routed as a value too");
        assertEquals(2, stats.messagesReceived());
        assertEquals(0, stats.messagesDropped());
    }

    @Test
    void withoutAnOutputsHandlerTheyAreRoutedLikeAnyOther() {
        OscBindingRouter router = new OscBindingRouter(List.of(), new OscParameterAddresses("tide", LAYOUT), null,
                sink, stats, timeTags, 64, logger);
        route(router, message("/vernissage/output/1/corner/0").f(0.1f).f(0.2f));
        assertEquals(1, stats.messagesDropped(OscDropReason.NO_BINDING));
    }

    @Test
    void anArtworkIdMustFitInAnAddressAndNotBeTheOutputs() {
        for (String id : List.of("", "a/b", "my piece", "wave*", "output")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new OscParameterAddresses(id, LAYOUT));
            assertTrue(e.getMessage().startsWith("artwork id '" + id + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("rename the artwork folder or file"), e.getMessage());
        }
        assertEquals("/vernissage/tide-2/level", OscParameterAddresses.addressOf("tide-2", "level"));
    }
}
