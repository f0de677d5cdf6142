package org.vernissage.sensors.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.osc.OscTestEncoder.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.artwork.OscBindingSpec;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.sensors.osc.RecordingParameterInput.Offer;

class OscBindingRouterTest {

    private static final long ARRIVAL = 987_654_321L;

    private static final ParameterLayout LAYOUT = new ParameterLayout(List.of(
            spec("brightness", ParameterType.FLOAT, 0, 1),
            spec("position", ParameterType.VEC2, -1, 1),
            spec("count", ParameterType.INT, 0, 10),
            spec("tint", ParameterType.COLOR, 0, 1)));
    private static final int BRIGHTNESS = 0;
    private static final int POSITION = 1;
    private static final int COUNT = 2;

    private final RecordingParameterInput input = new RecordingParameterInput();
    private final OscStats stats = new OscStats();
    private final RecordingLogger logger = new RecordingLogger();
    private final OscPacketReader reader = new OscPacketReader();
    private final OscBindingRouter router = new OscBindingRouter(List.of(
            new OscBindingSpec("/midi/cc7", "brightness", 0, 0, 127),
            new OscBindingSpec("/pos/y", "position", 1, 0, 1),
            new OscBindingSpec("/invert", "brightness", 0, 1, 0),
            new OscBindingSpec("/fader", "brightness", 0, 0, 1),
            new OscBindingSpec("/fader", "count", 0, 0, 1)),
            LAYOUT, input, stats, logger);

    private void route(OscTestEncoder.Message message) {
        byte[] packet = message.bytes();
        assertTrue(reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, router));
    }

    private Offer onlyOffer() {
        assertEquals(1, input.offers.size(), () -> "offers: " + input.offers);
        return input.offers.get(0);
    }

    @Test
    void aVectorComponentResolvesToItsOwnSlot() {
        route(message("/pos/y").f(0.75f));
        Offer offer = onlyOffer();
        assertEquals(LAYOUT.offset(POSITION) + 1, offer.slot());
        assertEquals(-1 + 0.75f * (1 - -1), offer.value(), 1e-6);
        assertEquals(ARRIVAL, offer.arrivalNanos());
        assertEquals(1, stats.messagesReceived());
        assertEquals(1, stats.valuesOffered());
    }

    @Test
    void intArgumentIsScaledFromItsInputRange() {
        route(message("/midi/cc7").i(64));
        assertEquals(LAYOUT.offset(BRIGHTNESS), onlyOffer().slot());
        assertEquals(64 / 127f, onlyOffer().value(), 1e-6);
    }

    @Test
    void anInvertedInputRangeInvertsTheValue() {
        route(message("/invert").f(0.25f));
        assertEquals(1 - 0.25f, onlyOffer().value(), 1e-6);
    }

    @Test
    void doubleLongAndBooleanArgumentsAreNumbers() {
        route(message("/midi/cc7").d(127.0));
        route(message("/midi/cc7").h(0));
        route(message("/pos/y").tag('T'));
        route(message("/pos/y").tag('F'));
        List<Float> values = input.offers.stream().map(Offer::value).toList();
        assertEquals(List.of(1f, 0f, 1f, -1f), values, "T is the top of the input range, F the bottom");
    }

    @Test
    void valuesOutsideTheInputRangeAreMappedLinearlyForTheConductorToClamp() {
        route(message("/midi/cc7").i(254));
        route(message("/midi/cc7").f(Float.NEGATIVE_INFINITY));
        assertEquals(254 / 127f, input.offers.get(0).value(), 1e-6);
        assertEquals(Float.NEGATIVE_INFINITY, input.offers.get(1).value());
    }

    @Test
    void oneAddressMayDriveSeveralParameters() {
        route(message("/fader").f(0.5f));
        assertEquals(List.of(new Offer(LAYOUT.offset(BRIGHTNESS), 0.5f, ARRIVAL),
                new Offer(LAYOUT.offset(COUNT), 0.5f * 10, ARRIVAL)), input.offers);
        assertEquals(2, stats.valuesOffered());
    }

    @Test
    void anUnknownAddressIsDroppedCountedAndLoggedOnce() {
        for (int i = 0; i < 100; i++) {
            route(message("/nobody/listens").f(1));
        }
        route(message("/pos/yy").f(1)); // a prefix of a bound address is not a match either
        assertEquals(List.of(), input.offers);
        assertEquals(101, stats.messagesDropped(OscDropReason.NO_BINDING));
        assertEquals(101, stats.messagesDropped());
        assertEquals(101, stats.messagesReceived());
        assertEquals(1, logger.records.size(), () -> "logged: " + logger.records);
        assertTrue(logger.records.get(0).contains("/nobody/listens"), logger.records.get(0));
    }

    @Test
    void nonNumericNanAndMissingArgumentsAreDroppedAndCountedApart() {
        route(message("/pos/y").s("0.5"));
        route(message("/pos/y").b(new byte[] {1}));
        route(message("/pos/y").tag('N'));
        route(message("/pos/y"));
        route(message("/pos/y").f(Float.NaN));
        assertEquals(List.of(), input.offers);
        assertEquals(4, stats.messagesDropped(OscDropReason.NOT_NUMERIC));
        assertEquals(1, stats.messagesDropped(OscDropReason.NO_ARGUMENT));
        assertEquals(0, stats.messagesDropped(OscDropReason.NO_BINDING));
    }

    @Test
    void aFullRingIsCountedAndNeverWaitedFor() {
        input.full = true;
        route(message("/pos/y").f(0.5f));
        route(message("/fader").f(0.5f));
        assertEquals(2, stats.messagesDropped(OscDropReason.RING_FULL));
        assertEquals(0, stats.valuesOffered());
        input.full = false;
        route(message("/pos/y").f(0.5f));
        assertEquals(1, stats.valuesOffered());
        assertEquals(3, stats.messagesReceived());
    }

    @Test
    void manyAddressesAllResolveThroughTheTable() {
        List<OscBindingSpec> bindings = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            bindings.add(new OscBindingSpec("/tint/" + i, "tint", i % 4, 0, i + 1));
        }
        OscBindingRouter many = new OscBindingRouter(bindings, LAYOUT, input, stats, logger);
        assertEquals(300, many.bindingCount());
        for (int i = 0; i < 300; i++) {
            byte[] packet = message("/tint/" + i).i(i + 1).bytes();
            reader.read(ByteBuffer.wrap(packet), 0, packet.length, ARRIVAL, many);
            Offer offer = input.offers.get(i);
            assertEquals(LAYOUT.offset(3) + i % 4, offer.slot(), "binding " + i);
            assertEquals(1f, offer.value(), 1e-6, "binding " + i);
        }
        assertEquals(0, stats.messagesDropped());
    }

    @Test
    void bindingsThatDoNotResolveAreRefusedAtConstruction() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> build(
                new OscBindingSpec("/x", "brightnes", 0, 0, 1)));
        assertTrue(unknown.getMessage().contains("brightnes"), unknown.getMessage());
        IllegalArgumentException component = assertThrows(IllegalArgumentException.class, () -> build(
                new OscBindingSpec("/x", "position", 2, 0, 1)));
        assertTrue(component.getMessage().contains("component 2"), component.getMessage());
        assertThrows(IllegalArgumentException.class, () -> build(new OscBindingSpec("x", "count", 0, 0, 1)));
    }

    private void build(OscBindingSpec binding) {
        new OscBindingRouter(List.of(binding), LAYOUT, input, stats);
    }

    private static ParameterSpec spec(String name, ParameterType type, float min, float max) {
        float[] defaults = new float[type.components()];
        return new ParameterSpec(name, type, min, max, defaults, "", name);
    }
}
