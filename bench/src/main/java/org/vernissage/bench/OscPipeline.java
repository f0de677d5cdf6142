package org.vernissage.bench;

import com.lmax.disruptor.EventHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestException;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.ConductorStages;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.Outbox;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.conditioning.BindingConditioner;
import org.vernissage.sensors.osc.OscBindingRouter;
import org.vernissage.sensors.osc.OscEndpoint;
import org.vernissage.sensors.osc.OscStats;
import org.vernissage.sensors.osc.OscTimeTags;
import org.vernissage.sensors.osc.OscUdpReceiver;

/**
 * Vernissage's OSC input as the app wires it (see {@code RunParts} and {@code InputSources}),
 * minus the render loop: the artwork's manifest, a {@link SnapshotExchange}, a {@link Conductor}
 * with the artwork's {@link BindingConditioner}, a started {@link InputRing} of the app's size
 * with its wait strategy (both can be changed for experiments), and an {@link OscUdpReceiver} on {@code 127.0.0.1}, port chosen by the
 * OS, feeding an {@link OscBindingRouter} that publishes raw values into the ring.
 *
 * <p>Threads: "vernissage-osc-udp-PORT" (the receiver's) and "vernissage-conductor" (the ring's);
 * with {@link RingWaitStrategy#HOSTED} the receiver runs on the conductor's thread, as in the app.
 * The benchmark's main thread builds and closes it; {@link #snapshots()} may be latched by one
 * reader thread (the render thread's role); the counters may be read from any thread.
 */
final class OscPipeline implements AutoCloseable {

    private final ParameterLayout layout;
    private final SnapshotExchange snapshots;
    private final BindingConditioner conditioner;
    private final InputRing ring;
    private final OscStats stats;
    private final OscUdpReceiver receiver;
    private final int energySlot;
    private final int ringSize;
    private Thread conductorThread;
    private final Thread receiverThread;
    private final Thread standbyThread;

    OscPipeline(Path artworkFolder, RingWaitStrategy waitStrategy) throws IOException {
        this(artworkFolder, waitStrategy, InputRing.DEFAULT_SIZE);
    }

    /** @param ringSize a power of two; the app's is {@link InputRing#DEFAULT_SIZE} */
    OscPipeline(Path artworkFolder, RingWaitStrategy waitStrategy, int ringSize) throws IOException {
        this(artworkFolder, waitStrategy, ringSize, null, null);
    }

    /**
     * @param published when not null, stamped with each message number as the conductor publishes
     *     the snapshot carrying it (a {@link PublicationStamper} around the conductor)
     * @param received with {@code published}: stamped with each message's arrival time, as its
     *     receiver took it from the socket (the event's own arrival stamp)
     */
    OscPipeline(Path artworkFolder, RingWaitStrategy waitStrategy, int ringSize, SequenceStamps published,
                SequenceStamps received) throws IOException {
        this.ringSize = ringSize;
        ArtworkManifest manifest = load(artworkFolder);
        List<BindingSpec> bindings = manifest.bindings();
        layout = manifest.layout();
        energySlot = layout.offset(layout.indexOf("energy").orElseThrow(
                () -> new IllegalStateException(artworkFolder + " has no 'energy' parameter")));
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        snapshots = new SnapshotExchange(defaults, ConductorSettings.DEFAULT.touchCapacity());
        conditioner = new BindingConditioner(bindings, layout);
        ring = new InputRing(ringSize, waitStrategy, runnable -> {
            Thread thread = new Thread(runnable, "vernissage-conductor");
            thread.setDaemon(true);
            conductorThread = thread;
            return thread;
        }, conductor(published, received));
        ring.start();
        Clock clock = new SystemClock();
        OscEndpoint endpoint = new OscEndpoint(OscEndpoint.Protocol.UDP, "127.0.0.1", 0);
        stats = new OscStats(endpoint.sourceName());
        receiver = new OscUdpReceiver(endpoint, new OscBindingRouter(bindings, ring, stats, new OscTimeTags(clock)),
                clock, stats);
        try {
            if (ring.receiverHost().isPresent()) {
                receiver.start(ring.receiverHost().get()); // as the app does with the HOSTED wait
            } else {
                receiver.start();
            }
        } catch (SensorStartException e) {
            ring.close();
            throw new IOException(e.getMessage(), e);
        }
        receiverThread = ring.receiverHost().isPresent() ? conductorThread
                : AllocationMeter.thread("vernissage-osc-udp-" + receiver.port());
        // Hosted: the host's standby looks now and then whether the conductor is late; its CPU counts too.
        standbyThread = ring.receiverHost().isPresent() ? AllocationMeter.thread("vernissage-conductor-standby") : null;
    }

    /** The standard conductor, or, when {@code published} is given, the same with a stamper around it. */
    private EventHandler<InputEvent> conductor(SequenceStamps published, SequenceStamps received) {
        if (published == null) {
            return new Conductor(layout, snapshots, conditioner, ConductorSettings.DEFAULT);
        }
        PublicationStamper stamper = new PublicationStamper(snapshots, energySlot, published, received);
        Conductor conductor = new Conductor(layout, snapshots,
                ConductorStages.standard(conditioner).then(stamper.lastStage()), ConductorSettings.DEFAULT,
                new Outbox(Outbox.DEFAULT_SIZE), System.getLogger(Conductor.class.getName()));
        return stamper.around(conductor);
    }

    private static ArtworkManifest load(Path folder) throws IOException {
        try {
            return ManifestLoader.load(folder);
        } catch (ManifestException e) {
            throw new IOException("cannot load the artwork " + folder.toAbsolutePath()
                    + " (run from the repository root): " + e.getMessage(), e);
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", receiver.port());
    }

    /** The kernel receive buffer the OS granted the receiver. */
    int socketReceiveBufferBytes() throws IOException {
        return receiver.socketReceiveBufferBytes();
    }

    int ringSize() {
        return ringSize;
    }

    SnapshotExchange snapshots() {
        return snapshots;
    }

    int energySlot() {
        return energySlot;
    }

    /**
     * Values in published snapshots so far: the conductor applies one ring event per OSC value
     * and nothing else reaches this ring (no frame marks), so events consumed = values applied.
     */
    long valuesInSnapshots() {
        return snapshots.publishedEventsConsumed();
    }

    /** Values the artwork's conditioner applied to their slots. */
    long valuesConditioned() {
        return conditioner.stats().applied();
    }

    OscStats stats() {
        return stats;
    }

    Thread receiverThread() {
        return receiverThread;
    }

    Thread conductorThread() {
        return conductorThread;
    }

    /**
     * The threads that receive and conduct: the receiver's and the conductor's, or, when the
     * conductor hosts the receiver, the conductor's and its standby's.
     */
    Thread[] receivingThreads() {
        return receiverThread == conductorThread ? new Thread[] {conductorThread, standbyThread}
                : new Thread[] {receiverThread, conductorThread};
    }

    /** Stops the receiver first, then drains and stops the ring, as the app closes them. */
    @Override
    public void close() {
        receiver.close();
        ring.close();
    }
}
