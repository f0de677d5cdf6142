package org.vernissage.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.energy.CpuTimeEstimate;
import org.vernissage.engine.energy.EnergyKind;
import org.vernissage.engine.energy.EnergyLog;
import org.vernissage.engine.energy.EnergyMeter;
import org.vernissage.engine.energy.GpuTimeTerm;
import org.vernissage.engine.energy.NvmlLibrary;
import org.vernissage.engine.energy.PowerBudget;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.render.FramePacer;
import org.vernissage.engine.render.GpuFrameTimer;
import org.vernissage.engine.render.Standby;
import org.vernissage.models.run.WorkerSlot;

/**
 * The run's energy meter: a sampler thread reads the counters (or the CPU-time estimate) every
 * {@link EnergyOptions#sampleEvery} ({@link #RESTING_EVERY_NANOS} while a closed venue's standby
 * rests: a sample costs a few milliseconds of code that runs too seldom to be compiled, more than
 * the standby's frames, and the counters lose nothing between two samples as long as none wraps
 * twice), feeds the power budget and the daily CSV, and the statistics
 * line divides the joules by the hours run, the frames drawn and each model's runs. Nothing is
 * done per frame (the budget's pacer reads one volatile field when the rate is not lowered).
 *
 * <p>Per model, the joules of 1000 runs are the worker's run time times the watts of a busy core:
 * the stated wattage when estimating, the measured joules per CPU second of the process when
 * measuring; either way it is an attribution, said so in the line.
 *
 * <p>Same threads and owner as every {@link RunPart}; the sampler is its own daemon thread.
 */
final class EnergyPart implements RunPart {

    private final EnergyMeter meter;
    private final CpuTimeEstimate cpu;
    private final double statedWatts;
    private final FrameStats frames;
    private final List<WorkerSlot> models;
    private final Optional<PowerBudget> budget;
    private final Optional<EnergyLog> log;
    private final PrintWriter out;
    private final ScheduledExecutorService sampler;
    private final long everyNanos;
    private final long restingEveryNanos;
    private final BooleanSupplier resting;
    private boolean logFailed; // sampler thread only
    private boolean sampleFailed; // sampler thread only
    private final AtomicLong samples = new AtomicLong(); // written by the sampler thread only

    /** How often the meter is read while the standby rests (the venue is closed). */
    static final long RESTING_EVERY_NANOS = 10_000_000_000L;

    private EnergyPart(EnergyMeter meter, CpuTimeEstimate cpu, double statedWatts, FrameStats frames,
                       List<WorkerSlot> models, Optional<PowerBudget> budget, Optional<EnergyLog> log, PrintWriter out,
                       long everyNanos, long restingEveryNanos, BooleanSupplier resting) {
        this.meter = meter;
        this.cpu = cpu;
        this.statedWatts = statedWatts;
        this.frames = frames;
        this.models = models;
        this.budget = budget;
        this.log = log;
        this.out = out;
        this.everyNanos = everyNanos;
        this.restingEveryNanos = Math.max(everyNanos, restingEveryNanos);
        this.resting = resting;
        this.sampler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("vernissage-energy"));
    }

    /**
     * Opens the meter and starts sampling.
     *
     * @param framesPerSecond the run's own rate, which the budget lowers from
     * @throws IOException when the {@code --energy-log} folder cannot be made
     */
    static EnergyPart start(EnergyOptions options, FrameStats frames, List<WorkerSlot> models, double framesPerSecond,
                            PrintWriter out) throws IOException {
        return start(options, frames, models, framesPerSecond, Optional.empty(), Optional.empty(), out);
    }

    /**
     * As above, the estimate adding the GPU time {@code gpuTimer} measures (the render loop's),
     * times {@link EnergyOptions#gpuWatts}, unless the renderer is software or has no timer queries;
     * sampling seldom while {@code standby} rests.
     */
    static EnergyPart start(EnergyOptions options, FrameStats frames, List<WorkerSlot> models, double framesPerSecond,
                            Optional<GpuFrameTimer> gpuTimer, Optional<Standby> standby, PrintWriter out)
            throws IOException {
        return start(options, frames, models, framesPerSecond, gpuTimer, standby, RESTING_EVERY_NANOS, out);
    }

    /** As above, sampling every {@code restingEveryNanos} while the standby rests (a test waits less). */
    static EnergyPart start(EnergyOptions options, FrameStats frames, List<WorkerSlot> models, double framesPerSecond,
                            Optional<GpuFrameTimer> gpuTimer, Optional<Standby> standby, long restingEveryNanos,
                            PrintWriter out) throws IOException {
        CpuTimeEstimate cpu = gpuTimer.isPresent()
                ? new CpuTimeEstimate(CpuTimeEstimate.processCpuNanos(), options.wattsPerCore(),
                        GpuTimeTerm.of(gpuTimer.get().renderer(), gpuTimer.get().supported(), gpuTimer.get()::gpuNanos,
                                options.gpuWatts()))
                : new CpuTimeEstimate(CpuTimeEstimate.processCpuNanos(), options.wattsPerCore());
        EnergyMeter meter = EnergyMeter.open(options.powercapRoot(), cpu, NvmlLibrary.find(options.nvmlPlaces()),
                System::nanoTime, message -> out.println("vernissage: " + message));
        Optional<EnergyLog> log = options.log().isPresent()
                ? Optional.of(new EnergyLog(options.log().get(), ZoneId.systemDefault())) : Optional.empty();
        Optional<PowerBudget> budget = options.powerBudgetWatts().isPresent()
                ? Optional.of(new PowerBudget(options.powerBudgetWatts().getAsDouble(), framesPerSecond))
                : Optional.empty();
        long every = options.sampleEvery().toNanos();
        BooleanSupplier resting = standby.<BooleanSupplier>map(s -> s::resting).orElse(() -> false);
        EnergyPart part = new EnergyPart(meter, cpu, options.wattsPerCore(), frames, models, budget, log, out, every,
                restingEveryNanos, resting);
        part.sampler.schedule(part::sampleThenRearm, every, TimeUnit.NANOSECONDS);
        return part;
    }

    /** Sampler thread: one sample, then the next one's turn, sooner or later as the standby says. */
    private void sampleThenRearm() {
        try {
            sample();
            samples.setRelease(samples.getPlain() + 1);
        } catch (RuntimeException e) {
            if (!sampleFailed) { // said once; the next sample is tried all the same
                sampleFailed = true;
                out.println("vernissage: an energy sample failed: " + e);
            }
        } finally {
            long next = resting.getAsBoolean() ? restingEveryNanos : everyNanos;
            try {
                sampler.schedule(this::sampleThenRearm, next, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // close() shut the sampler down: no more samples
            }
        }
    }

    /** The render loop's pacer, held to the power budget when there is one. */
    FramePacer pacer(FramePacer inner, Clock clock) {
        return budget.map(b -> b.pace(inner, clock)).orElse(inner);
    }

    /** Samples taken so far, for tests. Any thread. */
    long samples() {
        return samples.get();
    }

    /** The budget, for tests. */
    Optional<PowerBudget> budget() {
        return budget;
    }

    /** The last sample. Any thread. */
    EnergyMeter.Reading reading() {
        return meter.reading();
    }

    /** Sampler thread. */
    private void sample() {
        EnergyMeter.Reading reading = meter.sample();
        budget.ifPresent(b -> b.adjust(reading));
        if (log.isPresent() && !logFailed) {
            try {
                log.get().record(Instant.now(), reading);
            } catch (IOException | RuntimeException e) {
                logFailed = true; // said once; the show goes on without the log
                out.println("vernissage: energy log stopped: " + e);
            }
        }
    }

    @Override
    public Optional<String> banner() {
        return Optional.of("energy " + meter.reading().kind().label() + " (" + meter.reading().source() + ")"
                + budget.map(b -> ", power budget").orElse(""));
    }

    /** The last sample and the statistics lines (kept out of the parts' health lines). Any thread. */
    EnergyReport report() {
        return new EnergyReport(meter.reading(), lines());
    }

    private List<String> lines() {
        EnergyMeter.Reading now = meter.reading();
        List<String> lines = new ArrayList<>();
        long drawn = frames.frames();
        lines.add(String.format("energy %s (%s): %.1f J in %.0f s, %.0f J per hour, %s per frame, %.2f W",
                now.kind().label(), now.source(), now.joules(), now.seconds(), now.joulesPerHour(),
                drawn > 0 ? String.format("%.4f J", now.joules() / drawn) : "- J", now.watts()));
        double wattsPerBusyCore = busyCoreWatts();
        for (WorkerSlot model : models) {
            if (model.runs() > 0) {
                lines.add(String.format("energy of model %s: %.4f J per 1000 inferences (%s, run time x %.1f W per"
                                + " busy core)", model.name(), 1000 * model.meanRunMicros() / 1e6 * wattsPerBusyCore,
                        meter.cpuPart().kind().label(), wattsPerBusyCore));
            }
        }
        budget.ifPresent(b -> lines.add(b.describe()));
        return lines;
    }

    /**
     * Measured CPU-side joules per CPU second of the process, or the stated wattage. The GPU's joules
     * are left out: the models run on the worker's CPU threads.
     */
    private double busyCoreWatts() {
        EnergyMeter.Reading cpuSide = meter.cpuPart();
        double cpuSeconds = cpu.cpuSeconds();
        return cpuSide.kind() == EnergyKind.MEASURED && cpuSeconds > 0 ? cpuSide.joules() / cpuSeconds : statedWatts;
    }

    @Override
    public void close() throws IOException {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        meter.sample(); // the last figures for the closing report
        meter.close(); // NVML shut down, if it was read
        if (log.isPresent() && !logFailed) {
            log.get().record(Instant.now(), meter.reading());
            log.get().finish();
        }
    }
}
