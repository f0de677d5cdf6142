package org.vernissage.sensors.midi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.midi.MidiTestMessages.binding;
import static org.vernissage.sensors.midi.MidiTestMessages.meta;
import static org.vernissage.sensors.midi.MidiTestMessages.rawShort;
import static org.vernissage.sensors.midi.MidiTestMessages.rawSysex;
import static org.vernissage.sensors.midi.MidiTestMessages.shortMessage;

import java.util.List;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.AudioFeature;
import org.vernissage.engine.binding.AudioSelector;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.MidiMessageKind;
import org.vernissage.engine.binding.MidiSelector;
import org.vernissage.engine.binding.OscSelector;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.sensors.ChannelRecordingSink.Offer;
import org.vernissage.sensors.ChannelRecordingSink;
import org.vernissage.sensors.RecordingLogger;
import org.vernissage.sensors.midi.MidiTestMessages.OtherMessage;
import org.vernissage.sensors.midi.MidiTestMessages.ThrowingShortMessage;

/** {@link MidiInput} fed messages directly, as a transmitter would: decoding, routing, bad input. */
class MidiInputTest {

    private static final int ANY = MidiSelector.ANY_CHANNEL;

    private final ManualClock clock = new ManualClock(1_000);
    private final ChannelRecordingSink sink = new ChannelRecordingSink();
    private final RecordingLogger logger = new RecordingLogger();

    private MidiInput input(BindingSpec... bindings) {
        return new MidiInput(List.of(bindings), sink, clock, "MIDI test", logger);
    }

    @Test
    void noteOnGivesItsVelocityAndNoteOffOrVelocityZeroGiveZero() {
        MidiInput input = input(binding(MidiMessageKind.NOTE, 60, 1));
        input.send(shortMessage(ShortMessage.NOTE_ON, 1, 60, 100), -1);
        input.send(shortMessage(ShortMessage.NOTE_OFF, 1, 60, 64), -1); // release velocity ignored
        input.send(shortMessage(ShortMessage.NOTE_ON, 1, 60, 127), -1);
        input.send(shortMessage(ShortMessage.NOTE_ON, 1, 60, 0), -1);
        input.send(shortMessage(ShortMessage.NOTE_ON, 1, 61, 90), -1); // another note: unbound
        assertEquals(List.of(100f, 0f, 127f, 0f), values());
        assertEquals(5, input.counters().received());
        assertEquals(1, input.counters().dropped());
        assertEquals(0, input.counters().rejected());
    }

    @Test
    void controlChangeGivesItsValueAndTheChannelFilterHolds() {
        MidiInput input = input(binding(MidiMessageKind.CC, 7, 3), binding(MidiMessageKind.CC, 7, ANY));
        input.send(shortMessage(ShortMessage.CONTROL_CHANGE, 3, 7, 0), -1);
        input.send(shortMessage(ShortMessage.CONTROL_CHANGE, 4, 7, 64), -1);
        input.send(shortMessage(ShortMessage.CONTROL_CHANGE, 16, 7, 127), -1);
        input.send(shortMessage(ShortMessage.CONTROL_CHANGE, 3, 8, 99), -1); // other controller
        assertEquals(List.of(new Offer(0, 0, 1_000), new Offer(1, 0, 1_000),
                new Offer(1, 64, 1_000), new Offer(1, 127, 1_000)), sink.offers());
        assertEquals(1, input.counters().dropped());
    }

    @Test
    void pitchBendIsThe14BitValueCentredOnZero() {
        MidiInput input = input(binding(MidiMessageKind.BEND, -1, 2));
        input.send(shortMessage(ShortMessage.PITCH_BEND, 2, 0, 0), -1);
        input.send(shortMessage(ShortMessage.PITCH_BEND, 2, 0, 64), -1);
        input.send(shortMessage(ShortMessage.PITCH_BEND, 2, 1, 64), -1);
        input.send(shortMessage(ShortMessage.PITCH_BEND, 2, 127, 127), -1);
        input.send(shortMessage(ShortMessage.PITCH_BEND, 2, 0x7F, 0x3F), -1);
        input.send(shortMessage(ShortMessage.PITCH_BEND, 1, 0, 0), -1); // channel 1: not bound
        assertEquals(List.of(-8192f, 0f, 1f, 8191f, -1f), values());
    }

    @Test
    void channelPressureGivesItsValue() {
        MidiInput input = input(binding(MidiMessageKind.PRESSURE, -1, ANY));
        input.send(shortMessage(ShortMessage.CHANNEL_PRESSURE, 9, 77, 0), -1);
        input.send(shortMessage(ShortMessage.CHANNEL_PRESSURE, 10, 0, 0), -1);
        assertEquals(List.of(77f, 0f), values());
    }

    @Test
    void everyBindingOfASharedControlGetsTheValueInManifestOrderOnItsOwnChannel() {
        MidiInput input = input(
                new BindingSpec(new OscSelector("/x", 0), "a", 0, ConditioningSpec.linear(0, 1, 0, 1)),
                binding(MidiMessageKind.CC, 1, ANY),
                new BindingSpec(new AudioSelector(AudioFeature.LEVEL, -1), "b", 0, ConditioningSpec.linear(0, 1, 0, 1)),
                binding(MidiMessageKind.CC, 1, 5),
                binding(MidiMessageKind.NOTE, 1, 5),
                binding(MidiMessageKind.CC, 1, ANY));
        assertEquals(4, input.bindingCount());
        input.send(shortMessage(ShortMessage.CONTROL_CHANGE, 5, 1, 42), -1);
        assertEquals(List.of(new Offer(1, 42, 1_000), new Offer(3, 42, 1_000), new Offer(5, 42, 1_000)),
                sink.offers());
    }

    @Test
    void arrivalIsStampedWithTheInjectedClockNotTheMidiTimeStamp() {
        MidiInput input = input(binding(MidiMessageKind.CC, 10, ANY));
        input.send(shortMessage(ShortMessage.CONTROL_CHANGE, 1, 10, 1), 123_456);
        clock.advance(5_000);
        input.send(shortMessage(ShortMessage.CONTROL_CHANGE, 1, 10, 2), -1);
        assertEquals(List.of(1_000L, 6_000L), sink.offers().stream().map(Offer::arrivalNanos).toList());
        assertEquals(6_000L, input.counters().lastSeenNanos());
    }

    @Test
    void unboundControlsProgramChangesAndPolyPressureAreDroppedWithoutLogging() {
        MidiInput input = input(binding(MidiMessageKind.CC, 10, ANY));
        input.send(shortMessage(ShortMessage.CONTROL_CHANGE, 1, 11, 1), -1);
        input.send(shortMessage(ShortMessage.PROGRAM_CHANGE, 1, 5, 0), -1);
        input.send(shortMessage(ShortMessage.POLY_PRESSURE, 1, 60, 30), -1);
        assertEquals(3, input.counters().dropped());
        assertEquals(List.of(), sink.offers());
        assertEquals(List.of(), logger.snapshot());
    }

    @Test
    void systemExclusiveSystemAndMetaMessagesAreDroppedAndEachKindLoggedOnce() {
        MidiInput input = input(binding(MidiMessageKind.CC, 10, ANY));
        for (int i = 0; i < 3; i++) {
            input.send(rawSysex(0xF0, 0x7E, 0x7F, 0x06, 0x01, 0xF7), -1);
            input.send(rawShort(0xF8), -1);                  // timing clock
            input.send(rawShort(0xF2, 0x10, 0x20), -1);      // song position
            input.send(meta(0x51, new byte[] {7, (byte) 0xA1, 0x20}), -1);
        }
        assertEquals(12, input.counters().dropped());
        assertEquals(0, input.counters().rejected());
        List<String> log = logger.snapshot();
        assertEquals(3, log.size(), log::toString);
        assertTrue(log.get(0).contains("MIDI test: dropped") && log.get(0).contains("[f0 7e 7f 06 01 f7]")
                && log.get(0).contains("system exclusive"), log.get(0));
        assertTrue(log.get(1).contains("[f8]") && log.get(1).contains("clock"), log.get(1));
        assertTrue(log.get(2).contains("meta"), log.get(2));
    }

    @Test
    void malformedMessagesAreRejectedEachKindLoggedOnceAndNeverThrow() {
        MidiInput input = input(binding(MidiMessageKind.CC, 10, ANY), binding(MidiMessageKind.NOTE, 60, ANY));
        MidiMessage[] bad = {
                rawShort(0x0A, 0x40),             // running status: a data byte first
                rawShort(0x3C, 0x40, 0x7F),
                rawShort(0xB0, 0x8A, 0x10),       // a status byte where data 1 should be
                rawShort(0x90, 0x3C, 0x90),       // ... and where data 2 should be
                rawShort(0xB0, 0x0A),             // one data byte short
                rawShort(0x90),
                rawShort(),                       // empty
                rawShort(0xF0, 0x01),             // sysex start in a short message
                rawShort(0xF7),
                null,
                new OtherMessage(new byte[] {(byte) 0xB0, 10, 1}),
                new ThrowingShortMessage(),
        };
        for (int round = 0; round < 2; round++) {
            for (MidiMessage message : bad) {
                assertDoesNotThrow(() -> input.send(message, -1));
            }
        }
        assertEquals(List.of(), sink.offers());
        assertEquals(2L * bad.length, input.counters().rejected());
        assertEquals(0, input.counters().dropped());
        List<String> log = logger.snapshot();
        assertEquals(MidiRejection.values().length, log.size(), log::toString);
        assertTrue(log.get(0).contains("[0a 40]") && log.get(0).contains("expected a status byte"), log.get(0));
        assertTrue(log.get(1).contains("[b0 8a 10]") && log.get(1).contains("expected data bytes 0..0x7F"), log.get(1));
        assertTrue(log.get(2).contains("[b0 0a]") && log.get(2).contains("fewer bytes"), log.get(2));
        // Still decoding after all that.
        input.send(shortMessage(ShortMessage.CONTROL_CHANGE, 1, 10, 5), -1);
        assertEquals(List.of(5f), values());
    }

    @Test
    void aFullRingDropsEveryRefusedValueAndLogsOnce() {
        MidiInput input = input(binding(MidiMessageKind.CC, 10, ANY), binding(MidiMessageKind.CC, 10, ANY));
        sink.full = true;
        for (int i = 0; i < 5; i++) {
            input.send(shortMessage(ShortMessage.CONTROL_CHANGE, 1, 10, i), -1);
        }
        assertEquals(10, input.counters().dropped());
        List<String> log = logger.snapshot();
        assertEquals(1, log.size(), log::toString);
        assertTrue(log.get(0).contains("ring is full"), log.get(0));
        sink.full = false;
        input.send(shortMessage(ShortMessage.CONTROL_CHANGE, 1, 10, 9), -1);
        assertEquals(List.of(9f, 9f), values());
    }

    @Test
    void afterCloseMessagesAreCountedAsDroppedNotThrown() {
        MidiInput input = input(binding(MidiMessageKind.CC, 10, ANY));
        input.close();
        assertTrue(input.isClosed());
        assertDoesNotThrow(() -> input.send(shortMessage(ShortMessage.CONTROL_CHANGE, 1, 10, 5), -1));
        assertEquals(List.of(), sink.offers());
        assertEquals(1, input.counters().received());
        assertEquals(1, input.counters().dropped());
        assertEquals("MIDI test", input.counters().source());
    }

    private List<Float> values() {
        return sink.offers().stream().map(Offer::value).toList();
    }
}
