package org.vernissage.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a live run keeps its show state across restarts ({@code --state DIR}, {@code --fresh}).
 * Without {@code --state} it is a folder under the user's home ({@code $XDG_STATE_HOME/vernissage}
 * or {@code ~/.local/state/vernissage}), one subfolder per artwork; the system property
 * {@code vernissage.stateHome} names another home, or {@code none} for no default (the test suite
 * sets it, so that tests never restore each other's shows).
 *
 * <p>Immutable.
 *
 * @param root the folder holding one state folder per artwork, or empty for none
 * @param fresh start from the top: ignore what was saved (and save anew)
 */
public record StateOptions(Optional<Path> root, boolean fresh) {

    public StateOptions {
        Objects.requireNonNull(root, "root");
    }

    /** The default: the user's state folder, not fresh. */
    public static StateOptions defaults() {
        return new StateOptions(defaultRoot(), false);
    }

    /** No state kept. */
    public static final StateOptions NONE = new StateOptions(Optional.empty(), false);

    static Optional<Path> defaultRoot() {
        String home = System.getProperty("vernissage.stateHome");
        if (home != null) {
            return home.equals("none") ? Optional.empty() : Optional.of(Path.of(home));
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        return Optional.of(base.resolve("vernissage"));
    }

    /** The state folder of the artwork {@code id}. */
    Optional<Path> folderOf(String id) {
        return root.map(r -> r.resolve(id));
    }
}
