package org.vernissage.app;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The models' options of a run: Wekinator's endpoint ({@code --wekinator[=PORT]}, on the sensors'
 * host) and where {@code /wek/outputs} go ({@code --wekinator-out HOST:PORT}).
 *
 * <p>Immutable.
 *
 * @param wekinatorPort absent: no Wekinator endpoint; 0 picks a free port (tests)
 */
public record ModelOptions(Optional<Integer> wekinatorPort, Optional<InetSocketAddress> wekinatorOut) {

    /** Wekinator's own port. */
    public static final int DEFAULT_WEKINATOR_PORT = 6448;
    /** No Wekinator endpoint, no outputs sent. */
    public static final ModelOptions NONE = new ModelOptions(Optional.empty(), Optional.empty());

    public ModelOptions {
        Objects.requireNonNull(wekinatorPort, "wekinatorPort");
        Objects.requireNonNull(wekinatorOut, "wekinatorOut");
        wekinatorPort.ifPresent(port -> {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("--wekinator port must be 0..65535, got " + port);
            }
        });
    }

    /**
     * {@code HOST:PORT} of {@code --wekinator-out}.
     *
     * @throws IllegalArgumentException naming the option and the form expected
     */
    public static InetSocketAddress destination(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        String expected = "--wekinator-out expects HOST:PORT (e.g. 127.0.0.1:12000), got '" + hostAndPort + "'";
        if (colon <= 0 || colon == hostAndPort.length() - 1) {
            throw new IllegalArgumentException(expected);
        }
        int port;
        try {
            port = Integer.parseInt(hostAndPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected, e);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(expected + ": the port must be 1..65535");
        }
        return new InetSocketAddress(hostAndPort.substring(0, colon), port);
    }
}
