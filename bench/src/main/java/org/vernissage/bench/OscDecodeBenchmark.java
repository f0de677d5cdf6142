package org.vernissage.bench;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestException;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscMessageView;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.sensors.conditioning.BindingConditioner;
import org.vernissage.sensors.osc.OscBindingRouter;
import org.vernissage.sensors.osc.OscDropReason;
import org.vernissage.sensors.osc.OscStats;
import org.vernissage.sensors.osc.OscTimeTags;

/**
 * The OSC receive path minus the socket, against JavaOSC 0.8 as the baseline in the same run. One
 * operation is one packet, already in a direct buffer (as {@code OscUdpReceiver} has it after a
 * receive): either one message {@code /vernissage/tidewater/energy ,f 0.5} ({@code message}) or a
 * bundle of 8 of them ({@code bundle8}).
 *
 * <ul>
 *   <li>{@link #vernissage}: {@link OscPacketReader} into an {@link OscBindingRouter} built from
 *       Tidewater's bindings (loaded from {@code artworks/tidewater} by {@link ManifestLoader}, as
 *       the app loads them), offering raw values into a real, started {@link InputRing} whose
 *       consumer thread runs a {@link Conductor} with the artwork's {@link BindingConditioner}
 *       (scaling happens there, as in the app) and publishes snapshots. The offer fails
 *       only when the ring is full; the router counts those drops, reported per iteration as the
 *       secondary result {@code ringFullDrops} (a refused offer is cheaper than a published one,
 *       so a run with drops flatters the throughput).</li>
 *   <li>{@link #vernissageDecodeOnly}: the same reader with a handler that only reads the float
 *       argument into a Blackhole: validation and decoding, no routing, no ring.</li>
 *   <li>{@link #javaOsc}: JavaOSC 0.8's {@link OSCParser} (built by
 *       {@link OSCSerializerAndParserBuilder}, as its {@code OSCPortIn} does) on the same bytes,
 *       the float argument of every message consumed into a Blackhole.</li>
 * </ul>
 *
 * <p>Run with {@code -prof gc} for {@code gc.alloc.rate.norm} (bytes allocated per packet), from
 * the repository root (the artwork folder is resolved against the working directory, or set
 * {@code -Dvernissage.artwork=FOLDER}). See {@code bench/run-jmh.sh}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OscDecodeBenchmark {

    /** Messages in the bundle case. */
    static final int BUNDLE_MESSAGES = 8;

    /**
     * Loads the artwork the benchmark runs (Tidewater unless {@code -Dvernissage.artwork} says
     * otherwise), failing the trial with the folder it looked in when it is not there.
     */
    static ArtworkManifest artwork() {
        Path folder = Path.of(System.getProperty("vernissage.artwork", "artworks/tidewater"));
        try {
            return ManifestLoader.load(folder);
        } catch (ManifestException e) {
            throw new IllegalStateException("cannot load the benchmark's artwork from " + folder.toAbsolutePath()
                    + " (run from the repository root, or set -Dvernissage.artwork): " + e.getMessage(), e);
        }
    }

    // ---- the input --------------------------------------------------------------------------

    /** One pre-encoded packet in a direct buffer, shared read-only by every case. */
    @State(Scope.Thread)
    public static class Packet {

        @Param({"message", "bundle8"})
        public String packet;

        ByteBuffer buffer;
        int length;
        int messages;

        @Setup(Level.Trial)
        public void encode() throws OSCParseException {
            byte[] message = OscPackets.energyMessage();
            byte[] bytes = switch (packet) {
                case "message" -> message;
                case "bundle8" -> OscPackets.bundleOf(BUNDLE_MESSAGES, message);
                default -> throw new IllegalArgumentException("unknown packet case " + packet);
            };
            messages = packet.equals("message") ? 1 : BUNDLE_MESSAGES;
            buffer = OscPackets.direct(bytes);
            length = bytes.length;
            checkBothDecoders();
        }

        /** Fails the trial unless both decoders read this packet as intended, and leave it be. */
        private void checkBothDecoders() throws OSCParseException {
            float[] seen = new float[2]; // messages, last value
            OscPacketReader reader = new OscPacketReader();
            boolean read = reader.read(buffer, 0, length, 0L, (message, timeTag, arrival) -> {
                seen[0]++;
                seen[1] = message.floatArgument(0);
            });
            check(read && seen[0] == messages && seen[1] == OscPackets.ENERGY_VALUE,
                    "OscPacketReader: " + reader.rejection() + ", " + (int) seen[0] + " messages, last " + seen[1]);
            seen[0] = 0;
            seen[1] = Float.NaN;
            countFloats(new OSCSerializerAndParserBuilder().buildParser().convert(buffer), seen);
            check(seen[0] == messages && seen[1] == OscPackets.ENERGY_VALUE,
                    "JavaOSC: " + (int) seen[0] + " messages, last " + seen[1]);
            // Every benchmark reads the same buffer: no decoder may move its position or limit.
            check(buffer.position() == 0 && buffer.limit() == length, "a decoder moved the buffer: " + buffer);
        }

        private static void countFloats(OSCPacket packet, float[] seen) {
            if (packet instanceof OSCMessage message) {
                seen[0]++;
                seen[1] = (Float) message.getArguments().get(0);
            } else {
                for (OSCPacket element : ((OSCBundle) packet).getPackets()) {
                    countFloats(element, seen);
                }
            }
        }

        private void check(boolean ok, String what) {
            if (!ok) {
                throw new IllegalStateException("packet " + packet + " misread: " + what);
            }
        }
    }

    // ---- vernissage: reader -> router -> ring -> conductor ----------------------------------

    /**
     * The real receive path, wired as the app wires it, minus the socket and the clock read.
     * Benchmark-scoped only so that {@link RingCounters} gets this very instance (JMH gives a
     * thread-scoped dependency its own copy); the reader and router are single-threaded, so run
     * this benchmark with one thread (the default).
     */
    @State(Scope.Benchmark)
    public static class ReceivePath {

        /** BACKOFF is the app's default; BLOCKING wakes the conductor per event; YIELDING burns a core. */
        @Param({"BACKOFF", "BLOCKING", "YIELDING"})
        public RingWaitStrategy waitStrategy;

        final OscStats stats = new OscStats("OSC bench");
        final OscPacketReader reader = new OscPacketReader();
        ParameterLayout layout;
        OscBindingRouter router;
        InputRing ring;
        SnapshotExchange snapshots;
        long arrival;

        @Setup(Level.Trial)
        public void start() {
            ArtworkManifest artwork = artwork();
            List<BindingSpec> bindings = artwork.bindings();
            layout = artwork.layout();
            float[] defaults = new float[layout.slotCount()];
            layout.copyDefaultsInto(defaults);
            snapshots = new SnapshotExchange(defaults, ConductorSettings.DEFAULT.touchCapacity());
            ring = new InputRing(InputRing.DEFAULT_SIZE, waitStrategy, runnable -> {
                Thread thread = new Thread(runnable, "vernissage-conductor");
                thread.setDaemon(true);
                return thread;
            }, new Conductor(layout, snapshots, new BindingConditioner(bindings, layout), ConductorSettings.DEFAULT));
            ring.start();
            // The time tags read the clock only for bundles with a real time tag; these carry
            // "immediately", so the benchmark still reads no clock per packet.
            Clock clock = new SystemClock();
            router = new OscBindingRouter(bindings, ring, stats, new OscTimeTags(clock));
        }

        @TearDown(Level.Trial)
        public void stop() {
            ring.close(); // drains the ring before it returns
            ParameterSnapshot last = snapshots.latch();
            int energySlot = layout.offset(layout.indexOf("energy").orElseThrow());
            if (stats.packetsRejected() != 0 || stats.valuesOffered() == 0
                    || last.value(energySlot) != OscPackets.ENERGY_VALUE
                    || last.inputsApplied() != stats.valuesOffered()) {
                throw new IllegalStateException("the receive path did not deliver what it was sent: "
                        + stats + ", conductor applied " + last.inputsApplied()
                        + ", energy " + last.value(energySlot));
            }
        }
    }

    /**
     * What the ring made of each iteration's messages, from the router's {@link OscStats}:
     * {@code valuesOffered} went in, {@code ringFullDrops} were refused because the ring was full
     * (the producer never waits). JMH sums both over the measured iterations; together they give
     * the fraction of messages dropped. Counted from iteration setup to teardown, so JMH's short
     * warm-down after each measured second is included.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class RingCounters {

        public long valuesOffered;
        public long ringFullDrops;

        private OscStats stats;
        private long offeredBefore;
        private long droppedBefore;

        @Setup(Level.Iteration)
        public void begin(ReceivePath path) {
            stats = path.stats;
            offeredBefore = stats.valuesOffered();
            droppedBefore = stats.messagesDropped(OscDropReason.RING_FULL);
        }

        @TearDown(Level.Iteration)
        public void end() {
            valuesOffered = stats.valuesOffered() - offeredBefore;
            ringFullDrops = stats.messagesDropped(OscDropReason.RING_FULL) - droppedBefore;
        }
    }

    @Benchmark
    public boolean vernissage(Packet packet, ReceivePath path, RingCounters counters) {
        return path.reader.read(packet.buffer, 0, packet.length, path.arrival++, path.router);
    }

    // ---- vernissage, decoding only ----------------------------------------------------------

    /** The reader with a handler that only reads the float argument. */
    @State(Scope.Thread)
    public static class DecodeOnly {

        final OscPacketReader reader = new OscPacketReader();
        FloatSink sink;

        @Setup(Level.Trial)
        public void start(Blackhole blackhole) {
            sink = new FloatSink(blackhole);
        }
    }

    /** Reads argument 0 of each message as a float into a Blackhole. */
    static final class FloatSink implements OscMessageHandler {

        private final Blackhole blackhole;

        FloatSink(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        @Override
        public void onMessage(OscMessageView message, long timeTag, long arrivalNanos) {
            blackhole.consume(message.floatArgument(0));
        }
    }

    @Benchmark
    public boolean vernissageDecodeOnly(Packet packet, DecodeOnly decode) {
        return decode.reader.read(packet.buffer, 0, packet.length, 0L, decode.sink);
    }

    // ---- JavaOSC 0.8 ------------------------------------------------------------------------

    /** JavaOSC's parser with its default argument handlers, as {@code OSCPortIn} builds it. */
    @State(Scope.Thread)
    public static class JavaOsc {

        OSCParser parser;

        @Setup(Level.Trial)
        public void start() {
            parser = new OSCSerializerAndParserBuilder().buildParser();
        }
    }

    @Benchmark
    public void javaOsc(Packet packet, JavaOsc javaOsc, Blackhole blackhole) throws OSCParseException {
        consumeFloats(javaOsc.parser.convert(packet.buffer), blackhole);
    }

    private static void consumeFloats(OSCPacket packet, Blackhole blackhole) {
        if (packet instanceof OSCMessage message) {
            blackhole.consume(((Float) message.getArguments().get(0)).floatValue());
        } else {
            for (OSCPacket element : ((OSCBundle) packet).getPackets()) {
                consumeFloats(element, blackhole);
            }
        }
    }
}
