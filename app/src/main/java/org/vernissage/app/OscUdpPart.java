package org.vernissage.app;

import java.util.List;
import java.util.Optional;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.agent.AgentHost;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.SourceCounters;
import org.vernissage.sensors.osc.OscEndpoint;
import org.vernissage.sensors.osc.OscStats;
import org.vernissage.sensors.osc.OscUdpReceiver;

/**
 * OSC from one UDP endpoint, routed through the artwork's bindings by a router of its own
 * (confined to the receiver's thread). With the ring's {@code hosted} wait (the default), the
 * receiver runs on the conductor's thread ({@link InputRing#receiverHost()}), so a datagram is
 * received and applied with no hand-off between threads; otherwise on a thread of its own.
 *
 * <p>Same threads and owner as every {@link RunPart}.
 */
final class OscUdpPart implements OscPart {

    private final OscEndpoint endpoint;
    private final OscUdpReceiver receiver;
    private final SourceCounters counters;

    private OscUdpPart(OscEndpoint endpoint, OscUdpReceiver receiver, SourceCounters counters) {
        this.endpoint = endpoint;
        this.receiver = receiver;
        this.counters = counters;
    }

    static OscUdpPart start(OscEndpoint endpoint, SensorWiring wiring) throws SensorStartException {
        OscStats stats = new OscStats(endpoint.sourceName());
        OscUdpReceiver receiver = new OscUdpReceiver(endpoint, wiring.oscRouter(stats), wiring.clock(), stats);
        Optional<AgentHost> host = wiring.sink() instanceof InputRing ring ? ring.receiverHost() : Optional.empty();
        if (host.isPresent()) {
            receiver.start(host.get());
        } else {
            receiver.start();
        }
        return new OscUdpPart(endpoint, receiver,
                SourceCountersView.renamed(stats, endpoint.withPort(receiver.port()).sourceName()));
    }

    @Override
    public int port() {
        return receiver.port();
    }

    /** The address the endpoint is bound to ("0.0.0.0": every interface). */
    String host() {
        return endpoint.host();
    }

    @Override
    public Optional<String> banner() {
        return Optional.of("OSC on udp " + endpoint.host() + ":" + receiver.port());
    }

    @Override
    public List<SourceCounters> sources() {
        return List.of(counters);
    }

    /** The receiver agent's health, once it has failed (on a healthy run, nothing). */
    @Override
    public List<String> statistics() {
        AgentHealth health = receiver.health();
        if (health == null || (health.errors() == 0 && health.restarts() == 0)) {
            return List.of();
        }
        return List.of("OSC udp receiver " + health.describe() + " " + health.errorsByKind());
    }

    @Override
    public void close() {
        receiver.close();
    }
}
