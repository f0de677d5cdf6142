package org.vernissage.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The command-line flags {@code run} and {@code replay} share: where the frames go (a window, a
 * monitor, headless, PNG files, a venue's outputs) and how often statistics are printed. Turned into an
 * {@link OutputOptions} and a statistics interval, which check them.
 *
 * <p>A picocli mixin, filled on the main thread before the command runs.
 */
final class OutputFlags {

    @Option(names = "--headless", description = "Render without a window (automatic when there is no display).")
    boolean headless;

    @Option(names = "--fullscreen", paramLabel = "MONITOR", arity = "0..1", fallbackValue = "0",
            description = "Fill a monitor (numbered from 0, the primary) instead of opening a window.")
    Integer fullscreenMonitor;

    @Option(names = "--capture", paramLabel = "DIR",
            description = "Write every frame to DIR (a folder, made if missing) as a numbered PNG.")
    Path captureFolder;

    @Option(names = "--venue", paramLabel = "FILE",
            description = "Show the frames on the outputs FILE describes (windows, monitors, regions, corner-pin,"
                    + " mesh warp, edge blends, test card), adjustable over OSC at /vernissage/output/N/...")
    Path venueFile;

    @Option(names = "--stats", paramLabel = "SECONDS", arity = "0..1", fallbackValue = "5",
            description = "Print statistics every SECONDS, 0.1 to 86400 (default when given: 5), as well as at exit.")
    Double statsSeconds;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    @Option(names = "--log-dir", paramLabel = "DIR",
            description = "Also write what the run prints, and every warning, time-stamped into rotating files"
                    + " DIR/vernissage.N.log (10 x 10 MiB): for unattended runs. The terminal is unchanged.")
    Path logFolder;

    /** The log files these flags ask for (none without --log-dir), printing to {@code terminal}. */
    LogFiles logFiles(java.io.PrintWriter terminal) throws java.io.IOException {
        return logFolder == null ? LogFiles.none(terminal) : LogFiles.open(logFolder, terminal);
    }

    /** The output options these flags ask for, at {@code size}. */
    OutputOptions toOptions(FrameSize size) {
        return new OutputOptions(headlessOrNoDisplay(), size, monitor(), Optional.ofNullable(captureFolder),
                Optional.ofNullable(venueFile));
    }

    /** Whether frames go to no window: asked for, or no display to open one on. */
    private boolean headlessOrNoDisplay() {
        return headless || (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null);
    }

    /** The monitor to fill, or -1 for a window; a missing display is named here, where it is known. */
    private int monitor() {
        if (fullscreenMonitor == null) {
            return -1;
        }
        if (fullscreenMonitor < 0) { // -1 would otherwise read as "a window"
            throw new IllegalArgumentException("--fullscreen takes a monitor number from 0, got " + fullscreenMonitor);
        }
        if (!headless && headlessOrNoDisplay()) {
            throw new IllegalArgumentException("--fullscreen needs a display (DISPLAY is not set)");
        }
        return fullscreenMonitor;
    }

    Optional<Duration> statsInterval() {
        return Optional.ofNullable(statsSeconds).map(RunOptions::statsEvery);
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
