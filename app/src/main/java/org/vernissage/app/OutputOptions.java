package org.vernissage.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a run's frames go: a window, a monitor filled, no window at all, and PNG files.
 *
 * <p>Immutable; checked once on construction. Made by {@link OutputFlags} (or a test).
 *
 * @param headless render without a window
 * @param size the frame size in pixels
 * @param fullscreenMonitor the monitor to fill (0 = primary), or -1 for a window
 * @param captureFolder the folder every frame is written to as a numbered PNG, or empty
 * @param venueFile the venue file whose outputs (windows, monitors, mapped and blended) show the
 *     frames instead of the one window, or empty
 */
public record OutputOptions(boolean headless, FrameSize size, int fullscreenMonitor, Optional<Path> captureFolder,
                            Optional<Path> venueFile) {

    public OutputOptions {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(captureFolder, "captureFolder");
        Objects.requireNonNull(venueFile, "venueFile");
        if (venueFile.isPresent() && fullscreenMonitor >= 0) {
            throw new IllegalArgumentException("--venue says which monitors the outputs fill; it cannot be combined"
                    + " with --fullscreen");
        }
        if (fullscreenMonitor < -1) {
            throw new IllegalArgumentException("fullscreen monitor must be -1 (a window) or a monitor number from 0,"
                    + " got " + fullscreenMonitor);
        }
        if (fullscreenMonitor >= 0 && headless) {
            throw new IllegalArgumentException("--fullscreen needs a display; it cannot be combined with --headless");
        }
    }

    /** No venue file: the frames go to one window, a monitor, or nowhere (headless). */
    public OutputOptions(boolean headless, FrameSize size, int fullscreenMonitor, Optional<Path> captureFolder) {
        this(headless, size, fullscreenMonitor, captureFolder, Optional.empty());
    }

    /** Headless frames of {@code size}, nothing captured. */
    public static OutputOptions headless(FrameSize size) {
        return new OutputOptions(true, size, -1, Optional.empty());
    }

    public OutputOptions withSize(FrameSize newSize) {
        return new OutputOptions(headless, newSize, fullscreenMonitor, captureFolder, venueFile);
    }

    public OutputOptions withCapture(Path folder) {
        return new OutputOptions(headless, size, fullscreenMonitor, Optional.of(folder), venueFile);
    }

    public OutputOptions withVenue(Path file) {
        return new OutputOptions(headless, size, fullscreenMonitor, captureFolder, Optional.of(file));
    }
}
