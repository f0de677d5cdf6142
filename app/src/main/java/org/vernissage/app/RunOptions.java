package org.vernissage.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.vernissage.engine.pipeline.RingWaitStrategy;

/**
 * Everything {@code vernissage run} was asked to do, checked once.
 *
 * <p>Immutable; made by the command line (or a test) and handed to {@link ArtworkRun}.
 *
 * @param fullscreenMonitor the monitor to fill (0 = primary), or -1 for a window
 * @param framesPerSecond the target rate, 0 for as fast as possible
 * @param frames stop after this many frames, 0 for never
 * @param oscPort the UDP port for OSC, 0 for any free port
 * @param stepped frame time advances exactly 1/fps per frame, whatever the wall clock does
 */
public record RunOptions(Path artworkFolder, boolean headless, FrameSize size, int fullscreenMonitor,
                         double framesPerSecond, long frames, Optional<Path> captureFolder,
                         String oscHost, int oscPort, Optional<Duration> statsInterval,
                         RingWaitStrategy ringWait, boolean stepped) {

    public static final int DEFAULT_OSC_PORT = 9000;

    public RunOptions {
        Objects.requireNonNull(artworkFolder, "artworkFolder");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(captureFolder, "captureFolder");
        Objects.requireNonNull(oscHost, "oscHost");
        Objects.requireNonNull(statsInterval, "statsInterval");
        Objects.requireNonNull(ringWait, "ringWait");
        if (framesPerSecond < 0 || framesPerSecond > 1000 || Double.isNaN(framesPerSecond)) {
            throw new IllegalArgumentException("--fps must be between 0 (unpaced) and 1000, got " + framesPerSecond);
        }
        if (stepped && framesPerSecond == 0) {
            throw new IllegalArgumentException("stepped time needs a frame rate above 0");
        }
        if (frames < 0) {
            throw new IllegalArgumentException("--frames must be 0 (no limit) or more, got " + frames);
        }
        if (oscPort < 0 || oscPort > 65535) {
            throw new IllegalArgumentException("--osc-port must be 0..65535, got " + oscPort);
        }
    }

    /** Defaults for everything but the folder: headless 1280x720 at 60 fps on OSC port 9000. */
    public static RunOptions defaults(Path artworkFolder) {
        return new RunOptions(artworkFolder, true, new FrameSize(1280, 720), -1, 60, 0, Optional.empty(),
                "0.0.0.0", DEFAULT_OSC_PORT, Optional.empty(), RingWaitStrategy.BLOCKING, false);
    }

    public RunOptions withSize(FrameSize newSize) {
        return new RunOptions(artworkFolder, headless, newSize, fullscreenMonitor, framesPerSecond, frames,
                captureFolder, oscHost, oscPort, statsInterval, ringWait, stepped);
    }

    public RunOptions withOsc(String host, int port) {
        return new RunOptions(artworkFolder, headless, size, fullscreenMonitor, framesPerSecond, frames,
                captureFolder, host, port, statsInterval, ringWait, stepped);
    }

    public RunOptions withFramesPerSecond(double fps) {
        return new RunOptions(artworkFolder, headless, size, fullscreenMonitor, fps, frames,
                captureFolder, oscHost, oscPort, statsInterval, ringWait, stepped);
    }
}
