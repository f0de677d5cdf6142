package org.vernissage.bench;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.sensors.osc.OscBindingRouter;
import org.vernissage.sensors.osc.OscParameterAddresses;
import org.vernissage.sensors.osc.OscStats;
import org.vernissage.sensors.osc.OscTimeTags;

/**
 * Routing one message to a parameter's own address ({@code /vernissage/<id>/<name>}, no binding
 * declared) against routing the same bytes through a declared binding, in the same run: the
 * packet {@code /vernissage/tidewater/energy ,f 0.5}, read by {@link OscPacketReader} into an
 * {@link OscBindingRouter} built either from Tidewater's bindings ({@link #declaredBinding}) or
 * from none, with Tidewater's parameters at their own addresses ({@link #ownAddress}). The sink
 * only counts, so the figure is the reader and router alone. One operation is one packet.
 *
 * <p>Run from the repository root: {@code java -jar bench/target/benchmarks.jar
 * OscParameterAddressBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OscParameterAddressBenchmark {

    /** Two routers over the same packet; single-threaded, as a receiving thread is. */
    @State(Scope.Thread)
    public static class Routes {
        final OscPacketReader reader = new OscPacketReader();
        final CountingSink sink = new CountingSink();
        OscBindingRouter declared;
        OscBindingRouter own;
        ByteBuffer packet;
        int length;
        long arrival;

        @Setup
        public void build() {
            ArtworkManifest artwork = OscDecodeBenchmark.artwork();
            ParameterLayout layout = artwork.layout();
            declared = new OscBindingRouter(artwork.bindings(), sink, new OscStats("declared"),
                    new OscTimeTags(new SystemClock()));
            own = new OscBindingRouter(List.of(), new OscParameterAddresses("tidewater", layout), null, sink,
                    new OscStats("own"), new OscTimeTags(new SystemClock()));
            byte[] bytes = OscPackets.energyMessage();
            packet = OscPackets.direct(bytes);
            length = bytes.length;
            long before = sink.values;
            reader.read(packet, 0, length, 0, declared);
            reader.read(packet, 0, length, 0, own);
            if (sink.values - before != 2 || sink.parameterSets != 1) {
                throw new IllegalStateException("each router must route the packet once: " + (sink.values - before)
                        + " values, " + sink.parameterSets + " parameter sets");
            }
        }
    }

    @Benchmark
    public long declaredBinding(Routes routes) {
        routes.reader.read(routes.packet, 0, routes.length, routes.arrival++, routes.declared);
        return routes.sink.values;
    }

    @Benchmark
    public long ownAddress(Routes routes) {
        routes.reader.read(routes.packet, 0, routes.length, routes.arrival++, routes.own);
        return routes.sink.values;
    }

    /** Takes everything and keeps only counts: no ring, no allocation. */
    static final class CountingSink implements InputSink {
        long values;
        long parameterSets;

        @Override
        public boolean offerChannel(int channel, float value, long arrivalNanos) {
            values++;
            return true;
        }

        @Override
        public boolean offer(InputBatch batch) {
            values += batch.size();
            return true;
        }

        @Override
        public boolean offerParameter(int slot, float value, long arrivalNanos) {
            values++;
            parameterSets++;
            return true;
        }
    }
}
