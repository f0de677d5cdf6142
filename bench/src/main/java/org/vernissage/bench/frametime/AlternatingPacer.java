package org.vernissage.bench.frametime;

import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.render.FramePacer;
import org.vernissage.engine.render.SteppedPacer;

/**
 * The engine's pacer in the benchmark, which also takes turns with the bare loop: the engine plays
 * without pause (stepped time at 60 fps, never waiting), and at each block boundary, between two
 * engine frames, the bare loop renders its block in the same context. So one engine run, set up
 * once as in a show, alternates with the baseline block by block, and a slow spell of the shared
 * machine falls on both. The warm-up is rounds played exactly like the recorded ones, unrecorded,
 * so that the JIT has compiled the paths the alternation takes (a first block switch deoptimised
 * the engine's frame code when the warm-up had been one long run of each loop).
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
    /** Rounds played exactly as the recorded ones, engine block then bare block, but not recorded. */
    private final int warmupRounds;
    private static final int NOT_RECORDED = Integer.MAX_VALUE;
    private final int frames;
    private final int skip;
    private final double[] p50Ratios;
    private final double[] p99Ratios;
    private int blocksDone;
    private final ThreadSchedule engineSchedule;
    private final ThreadSchedule bareSchedule;

    AlternatingPacer(BareShaderLoop bare, FrameIntervals engineTimes, FrameIntervals bareTimes, int warmup,
                     int frames, int rounds, int skip, boolean cpuClock, boolean schedule) {
        this.engineSchedule = schedule ? new ThreadSchedule() : ThreadSchedule.NONE;
        this.bareSchedule = schedule ? new ThreadSchedule() : ThreadSchedule.NONE;
        this.bare = bare;
        this.engineTimes = engineTimes;
        this.bareTimes = bareTimes;
        this.unrecorded = new FrameIntervals(cpuClock);
        this.warmupRounds = (warmup + frames - 1) / frames;
        this.frames = frames;
        this.skip = skip;
        this.p50Ratios = new double[rounds];
        this.p99Ratios = new double[rounds];
        engineTimes.startRun(warmupRounds > 0 ? NOT_RECORDED : skip);
        if (warmupRounds == 0) {
            engineSchedule.begin();
        }
    }

    /** Frames the engine must be run for: the warm-up rounds' blocks and every round's. */
    long engineFrames() {
        return (long) frames * (warmupRounds + p50Ratios.length);
    }

    @Override
    public long awaitFrame(long frameIndex) {
        if (frameIndex > 0 && frameIndex % frames == 0) {
            long ended = frameIndex / frames - 1; // the engine's block that just ended
            if (ended < warmupRounds) {
                bare.run((int) (frameIndex - frames), frames, unrecorded);
            } else {
                engineSchedule.end(frames);
                bareBlock(frameIndex - frames);
            }
            boolean warming = ended + 1 < warmupRounds;
            engineTimes.startRun(warming ? NOT_RECORDED : skip);
            if (!warming) {
                engineSchedule.begin();
            }
        }
        return stepped.awaitFrame(frameIndex);
    }

    /** After the engine's last frame: the last round's bare block. */
    void finish() {
        engineSchedule.end(frames);
        bareBlock(engineFrames() - frames);
    }

    /** Per thread, where each side's time went (see {@link ThreadSchedule}). */
    void reportSchedule(String size, java.io.PrintStream out) {
        ThreadSchedule.report(size, engineSchedule, bareSchedule, out);
    }

    /** The bare loop draws the same frames (same TIME) as the engine's block just ended. */
    private void bareBlock(long firstFrame) {
        bareTimes.startRun(skip);
        bareSchedule.begin();
        bare.run((int) firstFrame, frames, bareTimes);
        bareSchedule.end(frames);
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
