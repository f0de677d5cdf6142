package org.vernissage.app;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.showcontrol.control.ControlDictionary;
import org.vernissage.showcontrol.cue.CueListInForce;
import org.vernissage.showcontrol.oscquery.OscQueryHostInfo;
import org.vernissage.showcontrol.oscquery.OscQueryMethod;
import org.vernissage.showcontrol.oscquery.OscQueryMethods;
import org.vernissage.showcontrol.oscquery.OscQueryNamespace;
import org.vernissage.showcontrol.oscquery.OscQueryServer;
import org.vernissage.showcontrol.oscquery.OscQuerySettings;
import org.vernissage.showcontrol.oscquery.ValueDemand;
import org.vernissage.showcontrol.oscquery.ValueReportStage;

/**
 * {@code --oscquery[=PORT]}: the run's OSCQuery server (HTTP + WebSocket namespace and mDNS
 * announcement). Its values come from a {@link ValueReportStage} at the end of the conductor's
 * stages ({@link #reportStage}, made before the pipeline) through the run's one outbox agent
 * ({@link OutboxPart}). {@code HOST_INFO} names the control port when the run has one
 * ({@code --control}): the namespace then lists its commands beside the parameters, and the port
 * takes the parameters' own addresses as sets, so a discovery tool can run cues and move values
 * from what it found (behind the control port's allowlist and passcode). Without one it names the
 * first UDP OSC endpoint, where a value set moves the work like any OSC input.
 *
 * <p>Same threads and owner as every {@link RunPart}.
 */
final class OscQueryPart implements RunPart {

    private final OscQueryServer server;
    private final String address;

    private OscQueryPart(OscQueryServer server, String address) {
        this.server = server;
        this.address = address;
    }

    /** The conductor stage that reports values while {@code demand} says someone wants them. */
    static ValueReportStage reportStage(ValueDemand demand, ParameterLayout layout) {
        return new ValueReportStage(demand, layout.slotCount());
    }

    /**
     * Starts the server for {@code manifest}'s parameters and registers it with the run's outbox agent.
     *
     * @param osc the run's UDP OSC endpoint, whose port HOST_INFO names without a control port
     * @param control the run's control port, whose port HOST_INFO names and whose commands for
     *     the cue list in force the namespace lists (empty: none), following a reloaded list
     */
    static OscQueryPart start(OscQueryOptions options, ArtworkManifest manifest, ParameterLayout layout,
                              Optional<OscUdpPart> osc, Optional<ShowControlPart> control, CueListInForce cues,
                              ValueDemand demand, OutboxPart outbox) throws SensorStartException {
        Optional<String> oscHost = control.isPresent() ? control.map(ShowControlPart::host)
                : osc.map(OscUdpPart::host);
        Optional<Integer> oscPort = control.isPresent() ? control.map(ShowControlPart::port)
                : osc.map(OscUdpPart::port);
        OscQueryHostInfo hostInfo = new OscQueryHostInfo("Vernissage: " + manifest.title(),
                oscHost.filter(host -> !host.equals("0.0.0.0")), oscPort);
        OscQueryNamespace namespace = new OscQueryNamespace(manifest.id(), manifest.title(), layout, List.of());
        OscQuerySettings settings = new OscQuerySettings(options.host(), options.port().orElseThrow(),
                options.mdnsPort(), serviceName(manifest.id()));
        OscQueryServer server = new OscQueryServer(settings, namespace, layout, hostInfo, demand);
        if (control.isPresent()) {
            server.follow(controlMethods(manifest.id(), cues, layout));
        }
        outbox.listen(EventKinds.PARAMETER_SET, server.outboxListener());
        try {
            server.start();
        } catch (IOException e) {
            throw new SensorStartException(e.getMessage(), e);
        }
        String mdns = server.mdnsPort() < 0 ? "" : ", announced as _oscjson._tcp";
        String to = control.isPresent() ? " (values and commands to the control port " + oscPort.get() + ")"
                : osc.isEmpty() ? " (no UDP OSC endpoint: browse only)" : "";
        return new OscQueryPart(server, "OSCQuery at http://" + options.host() + ":" + server.port() + "/" + mdns + to);
    }

    /** The control port's commands for the cue list in force, whose generation says when they change. */
    private static OscQueryMethods controlMethods(String workspaceId, CueListInForce cues, ParameterLayout layout) {
        return new OscQueryMethods() {
            @Override
            public long generation() {
                return cues.current().number();
            }

            @Override
            public List<OscQueryMethod> methods() {
                return ControlDictionary.addresses(workspaceId, cues.current().cues(), layout).stream()
                        .map(a -> new OscQueryMethod(a.path(), a.typeTags(), a.description())).toList();
            }
        };
    }

    /** One DNS label naming the piece: "Vernissage <id>" without dots, at most 63 bytes. */
    static String serviceName(String artworkId) {
        String name = ("Vernissage " + artworkId).replace('.', '-');
        while (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    /** The HTTP/WebSocket port actually bound. */
    int port() {
        return server.port();
    }

    /** The mDNS responder's port; -1 without one. */
    int mdnsPort() {
        return server.mdnsPort();
    }

    @Override
    public Optional<String> banner() {
        return Optional.of(address);
    }

    @Override
    public List<String> statistics() {
        return server.stats().requests() == 0 && server.stats().commands() == 0 ? List.of()
                : List.of("oscquery: " + server.stats().describe());
    }

    @Override
    public void close() {
        server.close();
    }
}
