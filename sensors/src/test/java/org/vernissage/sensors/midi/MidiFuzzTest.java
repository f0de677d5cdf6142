package org.vernissage.sensors.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.midi.MidiTestMessages.binding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import javax.sound.midi.MidiMessage;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.MidiMessageKind;
import org.vernissage.engine.binding.MidiSelector;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.sensors.ChannelRecordingSink.Offer;
import org.vernissage.sensors.ChannelRecordingSink;
import org.vernissage.sensors.RecordingLogger;
import org.vernissage.sensors.midi.MidiTestMessages.RawShortMessage;
import org.vernissage.sensors.midi.MidiTestMessages.RawSysexMessage;

/**
 * Feeds {@link MidiInput} random and mutated bytes as short and system exclusive messages. It
 * must never throw, must account for every message exactly once (offered, dropped or rejected),
 * and must offer exactly what a plain reference decoder written here (a linear search over the
 * bindings, straight from the MIDI 1.0 message table) says, no more and no less.
 */
class MidiFuzzTest {

    private static final int CASES = 100_000;
    private static final long SEED = 0x51D1_F022L;

    private static final List<BindingSpec> BINDINGS = List.of(
            binding(MidiMessageKind.CC, 7, 0), binding(MidiMessageKind.CC, 7, 1), binding(MidiMessageKind.CC, 64, 16),
            binding(MidiMessageKind.NOTE, 60, 0), binding(MidiMessageKind.NOTE, 0, 10), binding(MidiMessageKind.NOTE, 127, 0),
            binding(MidiMessageKind.BEND, -1, 0), binding(MidiMessageKind.BEND, -1, 3),
            binding(MidiMessageKind.PRESSURE, -1, 0), binding(MidiMessageKind.CC, 7, 0));

    private static final int[][] VALID = {
            {0xB0, 7, 100}, {0xBF, 64, 127}, {0x90, 60, 1}, {0x99, 0, 127}, {0x80, 127, 0}, {0xE0, 0, 0x40},
            {0xE2, 0x7F, 0x7F}, {0xD0, 5}, {0xC0, 3}, {0xA0, 60, 10}, {0xF8}, {0xF2, 1, 2}, {0xF0, 1, 0xF7}};

    @Test
    void randomAndMutatedMessagesNeverThrowAndMatchTheReferenceDecoder() {
        SplittableRandom random = new SplittableRandom(SEED);
        ChannelRecordingSink sink = new ChannelRecordingSink();
        MidiInput input = new MidiInput(BINDINGS, sink, new ManualClock(0), "MIDI fuzz", new RecordingLogger());
        long messagesWithOffers = 0;
        long decoded = 0;
        for (int c = 0; c < CASES; c++) {
            byte[] bytes = next(random);
            boolean sysex = random.nextInt(8) == 0;
            MidiMessage message = sysex ? new RawSysexMessage(bytes) : new RawShortMessage(bytes);
            sink.clear();
            try {
                input.send(message, random.nextLong());
            } catch (RuntimeException e) {
                throw new AssertionError("send threw on " + HexFormat.of().formatHex(bytes), e);
            }
            List<Offer> expected = sysex ? List.of() : reference(bytes);
            assertEquals(expected, sink.offers(), () -> "for " + HexFormat.of().formatHex(bytes));
            if (!expected.isEmpty()) {
                messagesWithOffers++;
            }
            if (!sysex && decodable(bytes)) {
                decoded++;
            }
        }
        assertEquals(CASES, input.counters().received());
        assertEquals(CASES, messagesWithOffers + input.counters().dropped() + input.counters().rejected(),
                input.counters().toString());
        // Sanity: the generator must reach the decoding and routing, not just the first checks.
        assertTrue(messagesWithOffers > CASES / 50, "only " + messagesWithOffers + " messages reached a binding");
        assertTrue(input.counters().rejected() > CASES / 10, input.counters().toString());
        assertTrue(decoded > CASES / 10, "only " + decoded + " decodable messages");
    }

    private static byte[] next(SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            byte[] bytes = new byte[random.nextInt(0, 6)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] |= (byte) 0x80; // mostly status bytes, or little gets past the first check
            }
            return bytes;
        }
        int[] valid = VALID[random.nextInt(VALID.length)];
        byte[] bytes = MidiTestMessages.toBytes(valid);
        int mutations = random.nextInt(3);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> bytes = Arrays.copyOf(bytes, at);
                default -> bytes = Arrays.copyOf(bytes, bytes.length + 1);
            }
        }
        return bytes;
    }

    private static boolean decodable(byte[] b) {
        return b.length >= 1 && (b[0] & 0xFF) >= 0x80 && (b[0] & 0xFF) < 0xF0;
    }

    /** MIDI 1.0 channel voice messages, decoded the obvious way, routed by linear search. */
    private static List<Offer> reference(byte[] b) {
        List<Offer> offers = new ArrayList<>();
        if (!decodable(b)) {
            return offers;
        }
        int status = b[0] & 0xFF;
        int command = status >> 4;
        int needed = command == 0xC || command == 0xD ? 2 : 3;
        if (b.length < needed) {
            return offers;
        }
        int d1 = b[1] & 0xFF;
        int d2 = needed == 3 ? b[2] & 0xFF : 0;
        if (d1 > 127 || d2 > 127) {
            return offers;
        }
        MidiMessageKind kind;
        int number = -1;
        float value;
        switch (command) {
            case 0x9 -> { kind = MidiMessageKind.NOTE; number = d1; value = d2; }
            case 0x8 -> { kind = MidiMessageKind.NOTE; number = d1; value = 0; }
            case 0xB -> { kind = MidiMessageKind.CC; number = d1; value = d2; }
            case 0xE -> { kind = MidiMessageKind.BEND; value = d2 * 128 + d1 - 8192; }
            case 0xD -> { kind = MidiMessageKind.PRESSURE; value = d1; }
            default -> { return offers; }
        }
        int channel = (status & 0xF) + 1;
        for (int i = 0; i < BINDINGS.size(); i++) {
            MidiSelector selector = (MidiSelector) BINDINGS.get(i).from();
            if (selector.kind() == kind && selector.number() == number && selector.acceptsChannel(channel)) {
                assertTrue(value >= kind.min() && value <= kind.max(), "value out of range");
                offers.add(new Offer(i, value, 0));
            }
        }
        return offers;
    }
}
