package org.vernissage.app;

import java.util.List;
import java.util.Optional;
import org.vernissage.engine.binding.PhoneSelector;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.SourceCounters;
import org.vernissage.sensors.phone.PhoneServer;
import org.vernissage.sensors.phone.PhoneServerSettings;

/**
 * The audience phones' web page and WebSocket ({@code --phones}, over HTTPS with
 * {@code --phones-tls}).
 *
 * <p>Same threads and owner as every {@link RunPart}.
 */
final class PhonesPart implements SensorPart {

    private final String address;
    private final PhoneServer server;

    private PhonesPart(String address, PhoneServer server) {
        this.address = address;
        this.server = server;
    }

    /** The {@link SensorPart.Kind} of the phones. */
    static void start(SensorWiring wiring, RunParts parts) throws SensorStartException {
        if (wiring.options().phones().isPresent()) {
            parts.start(() -> start(wiring));
        } else {
            wiring.warnIfBound(PhoneSelector.class, "phones", "--phones");
        }
    }

    private static PhonesPart start(SensorWiring wiring) throws SensorStartException {
        SensorOptions options = wiring.options();
        PhonesOptions phones = options.phones().orElseThrow();
        PhoneServerSettings settings = phones.settings(options.host());
        if (phones.tls().isPresent()) {
            settings = settings.withTls(phones.tls().get().load());
        }
        PhoneServer server = new PhoneServer(settings, wiring.bindings(), wiring.sink(), wiring.clock(),
                wiring.phoneAbout());
        server.start();
        return new PhonesPart(settings.scheme() + "://" + options.host() + ":" + server.port() + "/ ("
                + settings.maxParticipantsPerAddress() + " places per address)", server);
    }

    @Override
    public Optional<String> banner() {
        return Optional.of("phones at " + address);
    }

    @Override
    public List<SourceCounters> sources() {
        return List.of(server.counters());
    }

    @Override
    public void close() {
        server.close();
    }
}
