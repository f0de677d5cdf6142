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
        if (wiring.options().phonesPort().isPresent()) {
            parts.start(() -> start(wiring));
        } else {
            wiring.warnIfBound(PhoneSelector.class, "phones", "--phones");
        }
    }

    private static PhonesPart start(SensorWiring wiring) throws SensorStartException {
        SensorOptions options = wiring.options();
        PhoneServerSettings settings = PhoneServerSettings.defaults(options.host(), options.phonesPort().getAsInt());
        if (options.phonesTls().isPresent()) {
            settings = settings.withTls(options.phonesTls().get().load());
        }
        PhoneServer server = new PhoneServer(settings, wiring.bindings(), wiring.sink(), wiring.clock());
        server.start();
        return new PhonesPart(settings.scheme() + "://" + options.host() + ":" + server.port() + "/", server);
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
