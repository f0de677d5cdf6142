package org.vernissage.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.vernissage.showcontrol.access.AddressAllowlist;

/**
 * The web console of a live run ({@code --console[=PORT]}, {@code --console-host},
 * {@code --console-token-file}, {@code --console-priority}).
 *
 * <p>Immutable; checked on construction.
 *
 * @param port the console's port (0: any free one)
 * @param host the address it listens on
 * @param tokenFile where the token is read from; empty: a new one is printed at start
 * @param allow who may connect ({@code --control-allow}, the control port's list)
 * @param inBackground whether the console's threads run in {@code SCHED_IDLE} (the default: a
 *     tablet watching never makes a frame late) or in the normal class ({@code --console-priority
 *     normal}: prompt answers on a machine the show keeps busy, at the frames' expense)
 */
public record ConsoleOptions(int port, String host, Optional<Path> tokenFile, AddressAllowlist allow,
                             boolean inBackground) {

    public ConsoleOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--console takes a port from 0 to 65535, got " + port);
        }
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tokenFile, "tokenFile");
        Objects.requireNonNull(allow, "allow");
    }

    /** Open to every address, its threads in the background. */
    public ConsoleOptions(int port, String host, Optional<Path> tokenFile) {
        this(port, host, tokenFile, AddressAllowlist.everyone(), true);
    }

    /** These options, taking connections only from {@code newAllow}. */
    public ConsoleOptions withAllow(AddressAllowlist newAllow) {
        return new ConsoleOptions(port, host, tokenFile, newAllow, inBackground);
    }

    /** These options, the console's threads in the background or not. */
    public ConsoleOptions inBackground(boolean background) {
        return new ConsoleOptions(port, host, tokenFile, allow, background);
    }
}
