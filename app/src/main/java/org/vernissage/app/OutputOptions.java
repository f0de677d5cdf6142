package org.vernissage.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options {@code run} and {@code replay} share: where the frames go (a window, a monitor,
 * headless, PNG files) and how often statistics are printed.
 *
 * <p>A picocli mixin, filled on the main thread before the command runs.
 */
final class OutputOptions {

    @Option(names = "--headless", description = "Render without a window (automatic when there is no display).")
    boolean headless;

    @Option(names = "--fullscreen", paramLabel = "MONITOR", arity = "0..1", fallbackValue = "0",
            description = "Fill a monitor (numbered from 0, the primary) instead of opening a window.")
    Integer fullscreenMonitor;

    @Option(names = "--capture", paramLabel = "DIR", description = "Write every frame to DIR as a numbered PNG.")
    Path captureFolder;

    @Option(names = "--stats", paramLabel = "SECONDS", arity = "0..1", fallbackValue = "5",
            description = "Print statistics every SECONDS (default when given: 5) as well as at exit.")
    Double statsSeconds;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    /** Whether frames go to no window: asked for, or no display to open one on. */
    boolean headlessOrNoDisplay() {
        return headless || (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null);
    }

    /** The monitor to fill, or -1 for a window; checked against headless. */
    int monitor() {
        if (fullscreenMonitor == null) {
            return -1;
        }
        if (fullscreenMonitor < 0) {
            throw new IllegalArgumentException("--fullscreen takes a monitor number from 0, got " + fullscreenMonitor);
        }
        if (headlessOrNoDisplay()) {
            throw new IllegalArgumentException("--fullscreen needs a display"
                    + (headless ? "; it cannot be combined with --headless" : " (DISPLAY is not set)"));
        }
        return fullscreenMonitor;
    }

    Optional<Duration> statsInterval() {
        if (statsSeconds != null && !(statsSeconds > 0)) {
            throw new IllegalArgumentException("--stats must be a number of seconds above 0, got " + statsSeconds);
        }
        return Optional.ofNullable(statsSeconds).map(s -> Duration.ofMillis(Math.round(s * 1000)));
    }

    /** Reads {@code --size WxH}. */
    static final class SizeConverter implements ITypeConverter<FrameSize> {
        @Override
        public FrameSize convert(String value) {
            try {
                return FrameSize.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
