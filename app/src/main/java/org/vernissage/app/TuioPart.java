package org.vernissage.app;

import java.util.List;
import java.util.Optional;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.SourceCounters;
import org.vernissage.sensors.tuio.TuioReceiver;
import org.vernissage.sensors.tuio.TuioSettings;

/**
 * TUIO 1.1 and 2.0 touches from one UDP port ({@code --tuio}). Its agent's errors and restarts
 * get a statistics line when there are any.
 *
 * <p>Same threads and owner as every {@link RunPart}.
 */
final class TuioPart implements SensorPart {

    private final String host;
    private final TuioReceiver receiver;
    private final AgentHealthLine agent;

    private TuioPart(String host, TuioReceiver receiver) {
        this.host = host;
        this.receiver = receiver;
        this.agent = new AgentHealthLine(sourceName(), receiver::health);
    }

    /** The {@link SensorPart.Kind} of TUIO. */
    static void start(SensorWiring wiring, RunParts parts) throws SensorStartException {
        SensorOptions options = wiring.options();
        if (options.tuioPort().isPresent()) {
            parts.start(() -> start(options.host(), options.tuioPort().getAsInt(), wiring));
        }
    }

    private static TuioPart start(String host, int port, SensorWiring wiring) throws SensorStartException {
        TuioReceiver receiver = new TuioReceiver(host, port, wiring.sink(), wiring.clock(), TuioSettings.DEFAULT);
        receiver.start();
        return new TuioPart(host, receiver);
    }

    @Override
    public Optional<String> banner() {
        return Optional.of("TUIO on udp " + host + ":" + receiver.port());
    }

    @Override
    public List<SourceCounters> sources() {
        return List.of(SourceCountersView.renamed(receiver.stats(), sourceName()));
    }

    private String sourceName() {
        return "TUIO udp " + host + ":" + receiver.port();
    }

    @Override
    public List<String> statistics() {
        return agent.lines();
    }

    @Override
    public void close() {
        agent.partClosed();
        receiver.close();
    }
}
