package org.vernissage.sensors.midi;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.midi.MidiTestMessages.binding;
import static org.vernissage.sensors.midi.MidiTestMessages.meta;
import static org.vernissage.sensors.midi.MidiTestMessages.rawShort;
import static org.vernissage.sensors.midi.MidiTestMessages.rawSysex;
import static org.vernissage.sensors.midi.MidiTestMessages.shortMessage;

import java.lang.management.ManagementFactory;
import java.util.List;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.MidiMessageKind;
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
 * {@link MidiInput#send} must not allocate once warm, on every path a message can take (bound,
 * shared, unbound, dropped system messages, rejected ones, ring full). Measured with the JVM's
 * per-thread allocation counter on the sending thread; the messages are made before measuring.
 * The fixed slack covers the measurement itself and HotSpot's one-off interning of constants at
 * a C2 compile; it is not per message.
 */
class MidiAllocationTest {

    private static final int MESSAGES = 200_000;
    private static final long SLACK_BYTES = 512;

    private static final List<BindingSpec> BINDINGS = List.of(
            binding(MidiMessageKind.CC, 7, 0), binding(MidiMessageKind.CC, 7, 1),
            binding(MidiMessageKind.NOTE, 60, 0), binding(MidiMessageKind.BEND, -1, 2),
            binding(MidiMessageKind.PRESSURE, -1, 0));

    private static final MidiMessage[] MESSAGES_SENT = {
            shortMessage(ShortMessage.CONTROL_CHANGE, 1, 7, 64),
            shortMessage(ShortMessage.NOTE_ON, 5, 60, 100),
            shortMessage(ShortMessage.NOTE_OFF, 5, 60, 0),
            shortMessage(ShortMessage.PITCH_BEND, 2, 12, 99),
            shortMessage(ShortMessage.CHANNEL_PRESSURE, 3, 40, 0),
            shortMessage(ShortMessage.CONTROL_CHANGE, 1, 8, 1),       // unbound
            shortMessage(ShortMessage.PROGRAM_CHANGE, 1, 8, 0),
            rawShort(0xF8),                                           // clock: dropped
            rawSysex(0xF0, 0x7E, 0x7F, 0xF7),
            meta(0x51, new byte[] {7, (byte) 0xA1, 0x20}),
            rawShort(0xB0, 0x87, 0x10),                               // rejected
            rawShort(0x07, 0x10),
    };

    @Test
    void sendAllocatesNothingOnceWarm() {
        CountingSink sink = new CountingSink();
        long allocated = measure(sink);
        assertTrue(sink.offers > 0);
        assertTrue(allocated <= SLACK_BYTES, allocated + " bytes allocated for " + MESSAGES + " messages");
    }

    @Test
    void sendIntoTheRealRingAllocatesNothingEither() {
        ParameterLayout layout = new ParameterLayout(List.of(
                new ParameterSpec("p", ParameterType.FLOAT, 0, 1, new float[] {0}, "", "")));
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        try (InputRing ring = new InputRing(1024, RingWaitStrategy.BLOCKING,
                r -> new Thread(r, "test-conductor"), new Conductor(layout, new SnapshotExchange(defaults)))) {
            ring.start();
            long allocated = measure(ring);
            assertTrue(allocated <= SLACK_BYTES, allocated + " bytes allocated for " + MESSAGES + " messages");
        }
    }

    private static long measure(InputSink sink) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        MidiInput input = new MidiInput(BINDINGS, sink, new ManualClock(0), "MIDI allocation", new RecordingLogger());
        send(input, MESSAGES * 3); // warm-up: let the JIT settle, log each first occurrence
        long before = threads.getCurrentThreadAllocatedBytes();
        send(input, MESSAGES);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.printf("MIDI send: %d bytes over %d messages (%s)%n",
                allocated, MESSAGES, sink.getClass().getSimpleName());
        return allocated;
    }

    private static void send(MidiInput input, int count) {
        for (int i = 0; i < count; i++) {
            input.send(MESSAGES_SENT[i % MESSAGES_SENT.length], -1);
        }
    }

    /** A ring stand-in that keeps only primitives and refuses some offers, as a full ring would. */
    private static final class CountingSink implements InputSink {
        long offers;
        double sum;

        @Override
        public boolean offerChannel(int channel, float value, long arrivalNanos) {
            offers++;
            sum += value + channel;
            return (offers & 7) != 0;
        }

        @Override
        public boolean offer(InputBatch batch) {
            return false;
        }

        @Override
        public boolean offerParameter(int slot, float value, long arrivalNanos) {
            return false;
        }
    }
}
