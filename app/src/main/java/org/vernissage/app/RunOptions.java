package org.vernissage.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.sensors.osc.OscEndpoint;

/**
 * Everything {@code vernissage run} (or {@code replay}) was asked to do, checked once.
 *
 * <p>Immutable; made by the command line (or a test) and handed to {@link ArtworkRun}.
 *
 * @param fullscreenMonitor the monitor to fill (0 = primary), or -1 for a window
 * @param framesPerSecond the target rate, 0 for as fast as possible
 * @param frames stop after this many frames, 0 for never
 * @param stepped frame time advances exactly 1/fps per frame, whatever the wall clock does
 * @param record a journal file to record every input to, or empty
 * @param replay a journal to play back instead of listening to sensors, or empty
 */
public record RunOptions(Path artworkFolder, boolean headless, FrameSize size, int fullscreenMonitor,
                         double framesPerSecond, long frames, Optional<Path> captureFolder,
                         SensorOptions sensors, Optional<Duration> statsInterval,
                         RingWaitStrategy ringWait, boolean stepped, Optional<Path> record,
                         Optional<Replay> replay) {

    /**
     * Playing a journal back.
     *
     * @param realTime keep the recorded pace (a show); false renders as fast as possible
     */
    public record Replay(Path journal, boolean realTime) {
        public Replay {
            Objects.requireNonNull(journal, "journal");
        }
    }

    public RunOptions {
        Objects.requireNonNull(artworkFolder, "artworkFolder");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(captureFolder, "captureFolder");
        Objects.requireNonNull(sensors, "sensors");
        Objects.requireNonNull(statsInterval, "statsInterval");
        Objects.requireNonNull(ringWait, "ringWait");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(replay, "replay");
        if (framesPerSecond < 0 || framesPerSecond > 1000 || Double.isNaN(framesPerSecond)) {
            throw new IllegalArgumentException("--fps must be between 0 (unpaced) and 1000, got " + framesPerSecond);
        }
        if (stepped && framesPerSecond == 0) {
            throw new IllegalArgumentException("stepped time needs a frame rate above 0");
        }
        if (frames < 0) {
            throw new IllegalArgumentException("--frames must be 0 (no limit) or more, got " + frames);
        }
        if (record.isPresent() && replay.isPresent()) {
            throw new IllegalArgumentException("a replay cannot be recorded again: --record is for live runs");
        }
    }

    /** Defaults for everything but the folder: headless 1280x720 at 60 fps, OSC on UDP port 9000. */
    public static RunOptions defaults(Path artworkFolder) {
        return new RunOptions(artworkFolder, true, new FrameSize(1280, 720), -1, 60, 0, Optional.empty(),
                SensorOptions.defaults(), Optional.empty(), RingWaitStrategy.DEFAULT, false, Optional.empty(),
                Optional.empty());
    }

    public RunOptions withSize(FrameSize newSize) {
        return new RunOptions(artworkFolder, headless, newSize, fullscreenMonitor, framesPerSecond, frames,
                captureFolder, sensors, statsInterval, ringWait, stepped, record, replay);
    }

    /** These options with OSC on one UDP port of {@code host} only. */
    public RunOptions withOsc(String host, int port) {
        return withSensors(sensors.withOsc(List.of(new OscEndpoint(OscEndpoint.Protocol.UDP, host, port))));
    }

    public RunOptions withSensors(SensorOptions newSensors) {
        return new RunOptions(artworkFolder, headless, size, fullscreenMonitor, framesPerSecond, frames,
                captureFolder, newSensors, statsInterval, ringWait, stepped, record, replay);
    }

    public RunOptions withFramesPerSecond(double fps) {
        return new RunOptions(artworkFolder, headless, size, fullscreenMonitor, fps, frames,
                captureFolder, sensors, statsInterval, ringWait, stepped, record, replay);
    }

    public RunOptions withFrames(long newFrames) {
        return new RunOptions(artworkFolder, headless, size, fullscreenMonitor, framesPerSecond, newFrames,
                captureFolder, sensors, statsInterval, ringWait, stepped, record, replay);
    }

    public RunOptions withCapture(Path folder) {
        return new RunOptions(artworkFolder, headless, size, fullscreenMonitor, framesPerSecond, frames,
                Optional.of(folder), sensors, statsInterval, ringWait, stepped, record, replay);
    }

    public RunOptions withRecord(Path journal) {
        return new RunOptions(artworkFolder, headless, size, fullscreenMonitor, framesPerSecond, frames,
                captureFolder, sensors, statsInterval, ringWait, stepped, Optional.of(journal), replay);
    }

    public RunOptions withReplay(Replay newReplay) {
        return new RunOptions(artworkFolder, headless, size, fullscreenMonitor, framesPerSecond, frames,
                captureFolder, sensors, statsInterval, ringWait, stepped, record, Optional.of(newReplay));
    }
}
