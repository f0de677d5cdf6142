package org.vernissage.sensors.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.midi.MidiTestMessages.binding;
import static org.vernissage.sensors.midi.MidiTestMessages.shortMessage;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.MidiMessageKind;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.sensors.ChannelRecordingSink.Offer;
import org.vernissage.sensors.ChannelRecordingSink;
import org.vernissage.sensors.RecordingLogger;

/**
 * A real javax.sound.midi {@link Sequence}, built here, played by the JDK's software
 * {@link Sequencer} through its {@code Transmitter} into a {@link MidiInput}. The sequencer needs
 * no sound card (it is not connected to a synthesizer), so this runs headless; it delivers on its
 * own "Java Sound Sequencer" thread, the single writer of the receiver.
 */
class MidiSequencerTest {

    private static final int END_OF_TRACK = 0x2F;

    static final List<BindingSpec> BINDINGS = List.of(
            binding(MidiMessageKind.CC, 7, 1),
            binding(MidiMessageKind.NOTE, 60, 0),
            binding(MidiMessageKind.BEND, -1, 2),
            binding(MidiMessageKind.PRESSURE, -1, 2));

    /** A sequence with events on the bound controls (and some unbound ones), 10 ticks apart. */
    static Sequence showSequence() throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 480);
        Track track = sequence.createTrack();
        ShortMessage[] messages = {
                shortMessage(ShortMessage.CONTROL_CHANGE, 1, 7, 10),
                shortMessage(ShortMessage.NOTE_ON, 3, 60, 100),
                shortMessage(ShortMessage.CONTROL_CHANGE, 1, 8, 99),   // unbound controller
                shortMessage(ShortMessage.PITCH_BEND, 2, 0, 0),
                shortMessage(ShortMessage.CONTROL_CHANGE, 1, 7, 127),
                shortMessage(ShortMessage.CHANNEL_PRESSURE, 2, 64, 0),
                shortMessage(ShortMessage.PITCH_BEND, 2, 127, 127),
                shortMessage(ShortMessage.NOTE_OFF, 3, 60, 0),
                shortMessage(ShortMessage.CONTROL_CHANGE, 2, 7, 55),   // channel 2: not bound
                shortMessage(ShortMessage.CONTROL_CHANGE, 1, 7, 0),
        };
        for (int i = 0; i < messages.length; i++) {
            track.add(new MidiEvent(messages[i], 10L * i));
        }
        return sequence;
    }

    /** What {@link #showSequence()} must give on {@link #BINDINGS}, in order. */
    static final List<Offer> EXPECTED = List.of(
            new Offer(0, 10, 0), new Offer(1, 100, 0), new Offer(2, -8192, 0), new Offer(0, 127, 0),
            new Offer(3, 64, 0), new Offer(2, 8191, 0), new Offer(1, 0, 0), new Offer(0, 0, 0));

    /** Plays {@code sequence} to its end on an opened, connected sequencer (fast: 600 BPM). */
    static void playToEnd(Sequencer sequencer, Sequence sequence) throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        sequencer.addMetaEventListener(meta -> {
            if (meta.getType() == END_OF_TRACK) {
                ended.countDown();
            }
        });
        sequencer.setSequence(sequence);
        sequencer.setTempoInBPM(600);
        sequencer.start();
        assertTrue(ended.await(10, TimeUnit.SECONDS), "the sequencer did not reach the end of the track");
    }

    static List<Offer> withoutTimes(List<Offer> offers) {
        return offers.stream().map(o -> new Offer(o.channel(), o.value(), 0)).toList();
    }

    @Test
    void aSequencePlayedThroughTheSoftwareSequencerReachesTheBindingsInOrder() throws Exception {
        ChannelRecordingSink sink = new ChannelRecordingSink();
        RecordingLogger logger = new RecordingLogger();
        MidiInput input = new MidiInput(BINDINGS, sink, new SystemClock(), "MIDI sequencer", logger);
        Sequencer sequencer = MidiSystem.getSequencer(false);
        try {
            sequencer.open();
            sequencer.getTransmitter().setReceiver(input);
            playToEnd(sequencer, showSequence());
        } finally {
            sequencer.close();
        }
        List<Offer> offers = withoutTimes(sink.offers());
        assertTrue(offers.size() >= EXPECTED.size(), offers::toString);
        assertEquals(EXPECTED, offers.subList(0, EXPECTED.size()));
        // At the end of the media the JDK's sequencer also sends "all notes off", sustain 0 and
        // "reset all controllers" (123, 64, 121) on every channel, unbound here, and re-sends the
        // controller state it chased up to the last tick (RealTimeSequencer.chaseEvents): only the
        // bound controller can show up again.
        assertTrue(offers.subList(EXPECTED.size(), offers.size()).stream().allMatch(o -> o.channel() == 0),
                offers::toString);
        assertTrue(input.counters().received() >= 10, input.counters().toString());
        assertTrue(input.counters().dropped() >= 2, input.counters().toString()); // controller 8, channel 2
        assertEquals(0, input.counters().rejected());
        assertEquals(List.of(), logger.snapshot());
        long[] arrivals = sink.offers().stream().mapToLong(Offer::arrivalNanos).toArray();
        for (int i = 1; i < arrivals.length; i++) {
            assertTrue(arrivals[i] >= arrivals[i - 1], "arrival times go back at offer " + i);
        }
    }
}
