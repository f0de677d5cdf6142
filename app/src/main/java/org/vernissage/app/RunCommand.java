package org.vernissage.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code vernissage run <artwork-folder>}: plays one artwork in a window, fullscreen or headless,
 * listening for OSC, until the window closes, the frame limit is reached or the process is
 * interrupted; then prints the run's statistics.
 *
 * <p>Picocli fills the fields and calls {@link #call()} on the main thread, which becomes the
 * render thread.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Play an artwork folder.")
final class RunCommand implements Callable<Integer> {

    private static final long SHUTDOWN_GRACE_SECONDS = 5;

    @Parameters(index = "0", paramLabel = "ARTWORK-FOLDER", description = "The artwork to play (a folder with an artwork.json).")
    private Path artworkFolder;

    @Option(names = "--headless", description = "Render without a window (automatic when there is no display).")
    private boolean headless;

    @Option(names = "--size", paramLabel = "WxH", converter = SizeConverter.class,
            description = "Frame size in pixels (default: ${DEFAULT-VALUE}).", defaultValue = "1280x720")
    private FrameSize size;

    @Option(names = "--fullscreen", paramLabel = "MONITOR", arity = "0..1", fallbackValue = "0",
            description = "Fill a monitor (numbered from 0, the primary) instead of opening a window.")
    private Integer fullscreenMonitor;

    @Option(names = "--fps", paramLabel = "N", defaultValue = "60",
            description = "Target frame rate; 0 renders as fast as possible (default: ${DEFAULT-VALUE}).")
    private double framesPerSecond;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "0",
            description = "Stop after N frames; 0 runs until stopped (default: ${DEFAULT-VALUE}).")
    private long frames;

    @Option(names = "--capture", paramLabel = "DIR", description = "Write every frame to DIR as a numbered PNG.")
    private Path captureFolder;

    @Option(names = "--osc-port", paramLabel = "N", defaultValue = "" + RunOptions.DEFAULT_OSC_PORT,
            description = "UDP port to receive OSC on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int oscPort;

    @Option(names = "--osc-host", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "Address to receive OSC on; 127.0.0.1 for this machine only (default: ${DEFAULT-VALUE}).")
    private String oscHost;

    @Option(names = "--stats", paramLabel = "SECONDS", arity = "0..1", fallbackValue = "5",
            description = "Print statistics every SECONDS (default when given: 5) as well as at exit.")
    private Double statsSeconds;

    @Option(names = "--ring-wait", paramLabel = "STRATEGY", defaultValue = "blocking",
            converter = WaitStrategyConverter.class,
            description = "How the pipeline waits for input: blocking, sleeping, yielding or busy-spin "
                    + "(spinning burns a core; default: ${DEFAULT-VALUE}).")
    private RingWaitStrategy ringWait;

    @Option(names = "--stepped", description = "Advance time exactly 1/fps per frame (offline renders, reproducible captures).")
    private boolean stepped;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    private boolean verbose;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunOptions options;
        try {
            options = toOptions();
        } catch (IllegalArgumentException badValue) {
            // A value picocli could parse but we cannot use is still a usage error (exit 2).
            throw new ParameterException(spec.commandLine(), badValue.getMessage(), badValue);
        }
        ArtworkRun run = ArtworkRun.prepare(options, List.of(), System.out);
        // Ctrl-C or a service stop: finish the frame, flush captures, print the statistics.
        CountDownLatch closed = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> {
            run.requestStop();
            awaitQuietly(closed);
        }, "vernissage-shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try (run) {
            run.renderUntilDone();
        } finally {
            closed.countDown();
            removeQuietly(onSignal);
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running: it is what stopped us
        }
    }

    private RunOptions toOptions() {
        boolean noDisplay = System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null;
        if (statsSeconds != null && !(statsSeconds > 0)) {
            throw new IllegalArgumentException("--stats must be a number of seconds above 0, got " + statsSeconds);
        }
        if (fullscreenMonitor != null && fullscreenMonitor < 0) {
            throw new IllegalArgumentException("--fullscreen takes a monitor number from 0, got " + fullscreenMonitor);
        }
        if (fullscreenMonitor != null && (headless || noDisplay)) {
            throw new IllegalArgumentException("--fullscreen needs a display"
                    + (headless ? "; it cannot be combined with --headless" : " (DISPLAY is not set)"));
        }
        return new RunOptions(artworkFolder, headless || noDisplay, size,
                fullscreenMonitor == null ? -1 : fullscreenMonitor, framesPerSecond, frames,
                Optional.ofNullable(captureFolder), oscHost, oscPort,
                Optional.ofNullable(statsSeconds).map(s -> Duration.ofMillis(Math.round(s * 1000))),
                ringWait, stepped);
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

    /** Reads {@code --ring-wait} by its command-line name. */
    static final class WaitStrategyConverter implements ITypeConverter<RingWaitStrategy> {
        @Override
        public RingWaitStrategy convert(String value) {
            for (RingWaitStrategy strategy : RingWaitStrategy.values()) {
                if (strategy.cliName().equals(value)) {
                    return strategy;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a wait strategy; expected one of "
                    + "blocking, sleeping, yielding, busy-spin");
        }
    }
}
