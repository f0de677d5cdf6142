package org.vernissage.app;

import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.osc.OscEndpoint;

/**
 * One OSC endpoint of a live run, UDP or TCP.
 *
 * <p>Same threads and owner as every {@link RunPart}.
 */
interface OscPart extends SensorPart {

    /** The bound port (useful when the options asked for any free port). */
    int port();

    /** The {@link SensorPart.Kind} of OSC: one part per {@code --osc} endpoint, in command-line order. */
    static void start(SensorWiring wiring, RunParts parts) throws SensorStartException {
        for (OscEndpoint endpoint : wiring.options().osc()) {
            if (endpoint.protocol() == OscEndpoint.Protocol.UDP) {
                parts.start(() -> OscUdpPart.start(endpoint, wiring));
            } else {
                parts.start(() -> OscTcpPart.start(endpoint, wiring));
            }
        }
    }
}
