package org.vernissage.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Locale;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.sensors.osc.OscDropReason;

/**
 * Vernissage's whole OSC input ({@link OscPipeline}: receiver, router, ring, conductor with the
 * artwork's conditioner) as a {@link ReceiveTarget}. A message counts as delivered once the
 * conductor has applied its value and published a snapshot containing it. Allocation is summed
 * over the receiving thread and the conductor thread.
 */
final class VernissageTarget implements ReceiveTarget {

    private final OscPipeline pipeline;
    private final RingWaitStrategy waitStrategy;
    private final String name;

    /** @param name the receiver's name in the report ("vernissage", or with its wait when several run) */
    VernissageTarget(String name, Path artwork, RingWaitStrategy waitStrategy, int ringSize) throws IOException {
        this.name = name;
        this.pipeline = new OscPipeline(artwork, waitStrategy, ringSize);
        this.waitStrategy = waitStrategy;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InetSocketAddress address() {
        return pipeline.address();
    }

    @Override
    public String describe() {
        try {
            return String.format(Locale.ROOT, "OscUdpReceiver (SO_RCVBUF asked %d, granted %d) -> OscBindingRouter"
                    + " -> InputRing(%d, %s) -> Conductor + BindingConditioner -> SnapshotExchange",
                    PacedSender.SOCKET_BUFFER_BYTES, pipeline.socketReceiveBufferBytes(), pipeline.ringSize(),
                    waitStrategy);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long delivered() {
        return pipeline.valuesInSnapshots();
    }

    @Override
    public long allocatedBytes() {
        return AllocationMeter.allocatedBytes(pipeline.receivingThreads());
    }

    @Override
    public long cpuNanos() {
        return AllocationMeter.cpuNanos(pipeline.receivingThreads());
    }

    @Override
    public long socketThreadCpuNanos() {
        return AllocationMeter.cpuNanos(pipeline.receiverThread());
    }

    @Override
    public String notes() {
        return "packets " + pipeline.stats().packetsReceived() + ", ring-full drops "
                + pipeline.stats().messagesDropped(OscDropReason.RING_FULL) + ", conditioned "
                + pipeline.valuesConditioned();
    }

    /** Messages the router could not hand to the ring because it was full (cumulative). */
    long ringFullDrops() {
        return pipeline.stats().messagesDropped(OscDropReason.RING_FULL);
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
