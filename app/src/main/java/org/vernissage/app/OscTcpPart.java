package org.vernissage.app;

import java.util.List;
import java.util.Optional;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.SourceCounters;
import org.vernissage.sensors.osc.OscEndpoint;
import org.vernissage.sensors.osc.OscStats;
import org.vernissage.sensors.osc.OscTcpServer;
import org.vernissage.sensors.osc.OscTcpServerConfig;

/**
 * OSC from one TCP endpoint (OSC 1.0 length-prefixed or 1.1 SLIP streams), routed through the
 * artwork's bindings. Counts twice: the stream framing, and the packets and messages it carried
 * (the server counts each packet's arrival and rejection into the router's {@link OscStats}, so
 * the messages line says when the input was last heard and what it refused, as for UDP). Its
 * agent's errors and restarts get a statistics line when there are any.
 *
 * <p>Same threads and owner as every {@link RunPart}.
 */
final class OscTcpPart implements OscPart {

    private final OscEndpoint endpoint;
    private final OscTcpServer server;
    private final List<SourceCounters> counters;
    private final AgentHealthLine agent;

    private OscTcpPart(OscEndpoint endpoint, OscTcpServer server, List<SourceCounters> counters, String name) {
        this.endpoint = endpoint;
        this.server = server;
        this.counters = counters;
        this.agent = new AgentHealthLine(name, server::health);
    }

    static OscTcpPart start(OscEndpoint endpoint, SensorWiring wiring) throws SensorStartException {
        OscStats stats = new OscStats(endpoint.sourceName() + " messages");
        OscTcpServer server = new OscTcpServer(OscTcpServerConfig.of(endpoint.host(), endpoint.port()),
                wiring.oscRouter(stats),
                wiring.clock(), stats);
        server.start();
        String name = endpoint.withPort(server.port()).sourceName();
        return new OscTcpPart(endpoint, server, List.of(SourceCountersView.renamed(server.stats(), name),
                SourceCountersView.renamed(stats, name + " messages")), name);
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public Optional<String> banner() {
        return Optional.of("OSC on tcp " + endpoint.host() + ":" + server.port());
    }

    @Override
    public List<SourceCounters> sources() {
        return counters;
    }

    @Override
    public List<String> statistics() {
        return agent.lines();
    }

    @Override
    public void close() {
        agent.partClosed();
        server.close();
    }
}
