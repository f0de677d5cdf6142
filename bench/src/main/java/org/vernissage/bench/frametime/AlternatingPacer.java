package org.vernissage.bench.frametime;

import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.render.FramePacer;
import org.vernissage.engine.render.SteppedPacer;

/**
 * The engine's pacer in the benchmark, which also takes turns with the bare loop: the engine plays
 * without pause (stepped time at 60 fps, never waiting), and at each block boundary, between two
 * engine frames, the bare loop renders its block in the same context. So one engine run, set up
 * once as in a show, alternates with the baseline block by block, and a slow spell of the shared
 * machine falls on both. Frame 0 to {@code warmup - 1} warm the engine up, then the bare loop
 * warms up; neither is recorded.
 *
 * <p>Render thread only (it runs inside the render loop's {@code awaitFrame}); owned by the
 * benchmark.
 */
final class AlternatingPacer implements FramePacer {

    private final SteppedPacer stepped = new SteppedPacer(new ManualClock(0), 60);
    private final BareShaderLoop bare;
    private final FrameIntervals engineTimes;
    private final FrameIntervals bareTimes;
    private final FrameIntervals unrecorded;
    private final int warmup;
    private final int frames;
    private final int skip;
    private final double[] p50Ratios;
    private final double[] p99Ratios;
    private int blocksDone;

    AlternatingPacer(BareShaderLoop bare, FrameIntervals engineTimes, FrameIntervals bareTimes, int warmup,
                     int frames, int rounds, int skip, boolean cpuClock) {
        this.bare = bare;
        this.engineTimes = engineTimes;
        this.bareTimes = bareTimes;
        this.unrecorded = new FrameIntervals(cpuClock);
        this.warmup = warmup;
        this.frames = frames;
        this.skip = skip;
        this.p50Ratios = new double[rounds];
        this.p99Ratios = new double[rounds];
        engineTimes.startRun(warmup + skip);
    }

    /** Frames the engine must be run for: the warm-up and every round's block. */
    long engineFrames() {
        return warmup + (long) frames * p50Ratios.length;
    }

    @Override
    public long awaitFrame(long frameIndex) {
        if (frameIndex == warmup) {
            bare.run(0, warmup, unrecorded);
            engineTimes.startRun(skip);
        } else if (frameIndex > warmup && (frameIndex - warmup) % frames == 0) {
            bareBlock(frameIndex - frames);
            engineTimes.startRun(skip);
        }
        return stepped.awaitFrame(frameIndex);
    }

    /** After the engine's last frame: the last round's bare block. */
    void finish() {
        bareBlock(engineFrames() - frames);
    }

    /** The bare loop draws the same frames (same TIME) as the engine's block just ended. */
    private void bareBlock(long firstFrame) {
        bareTimes.startRun(skip);
        bare.run((int) firstFrame, frames, bareTimes);
        p50Ratios[blocksDone] = ratio(50);
        p99Ratios[blocksDone] = ratio(99);
        blocksDone++;
    }

    private double ratio(double percentile) {
        return (double) engineTimes.round().getValueAtPercentile(percentile)
                / bareTimes.round().getValueAtPercentile(percentile);
    }

    double[] p50Ratios() {
        return p50Ratios.clone();
    }

    double[] p99Ratios() {
        return p99Ratios.clone();
    }

    @Override
    public long nextFrameNanos() {
        return stepped.nextFrameNanos();
    }

    @Override
    public long droppedFrames() {
        return 0;
    }
}
