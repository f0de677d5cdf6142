package org.vernissage.app;

import java.util.Objects;
import java.util.Optional;
import org.vernissage.sensors.phone.PhoneServerSettings;

/**
 * How the audience phones' server is offered: its port, HTTPS or not, and how many participant
 * places one address may hold. Grouped so that a new phones option is one component here and one
 * flag, not a change to every sensor's options.
 *
 * <p>Immutable; checked once on construction.
 *
 * @param port the HTTP(S) port of the page and WebSocket
 * @param tls the certificate to serve over HTTPS, or empty for plain HTTP
 * @param placesPerAddress participant places one remote address may hold. Phones on a guest
 *     Wi-Fi behind one NAT share an address: such a gallery raises it up to the participant limit
 */
public record PhonesOptions(int port, Optional<PhoneTlsFiles> tls, int placesPerAddress) {

    public static final int DEFAULT_PORT = 8080;

    public PhonesOptions {
        Objects.requireNonNull(tls, "tls");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--phones port must be 0..65535, got " + port);
        }
        if (placesPerAddress < 1 || placesPerAddress > PhoneServerSettings.DEFAULT_MAX_PARTICIPANTS) {
            throw new IllegalArgumentException("--phones-per-address must be 1.." + PhoneServerSettings.DEFAULT_MAX_PARTICIPANTS
                    + " (the participant limit), got " + placesPerAddress);
        }
    }

    /** Plain HTTP on {@code port}, with the default places per address. */
    public static PhonesOptions on(int port) {
        return new PhonesOptions(port, Optional.empty(), PhoneServerSettings.DEFAULT_MAX_PARTICIPANTS_PER_ADDRESS);
    }

    /** These options served over HTTPS with {@code files}. */
    public PhonesOptions withTls(PhoneTlsFiles files) {
        return new PhonesOptions(port, Optional.of(files), placesPerAddress);
    }

    /** The server's settings on {@code host}, before TLS (loaded by whoever starts the server). */
    PhoneServerSettings settings(String host) {
        return PhoneServerSettings.defaults(host, port).withMaxParticipantsPerAddress(placesPerAddress);
    }
}
