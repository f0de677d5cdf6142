package org.vernissage.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.ConductorStages;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.Outbox;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ModelCommandFlyweight;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;
import org.vernissage.models.interact.ModelCommand;
import org.vernissage.models.interact.TrainerInbox;
import org.vernissage.models.learn.TrainedModelFiles;
import org.vernissage.models.run.ModelBinding;
import org.vernissage.models.run.ModelResultListener;
import org.vernissage.models.run.ModelRuntime;

/**
 * Input -> parameter snapshot latency through the model worker, at a fixed input rate (1k inputs
 * per second by default), p50/p99/p99.9, with the baseline measured on the very same inputs in the
 * same run: the input parameter itself reaching the snapshot (the same ring and conductor, no
 * model). Also bytes allocated per input on the conductor and worker threads.
 *
 * <p>The path: a sensor thread offers a {@code PARAMETER_SET} for the control-only input
 * {@code seq_in} into the input ring -> the conductor's parameter stage, then the model stage,
 * which hands the input vector to the worker (latest wins) and wakes it -> the worker runs the
 * model (Handheld's shipped MLP, 2-16-16-4, plus one output passing the input's number through so
 * that the output can be matched to its input) and offers a {@code MODEL_RESULT} -> the model
 * stage writes the outputs into the parameters -> the snapshot. A reader thread latches the
 * snapshot exchange over and over (yielding), as the render thread would, and notes when input
 * {@code n} shows in {@code seq_in} (baseline) and when its result shows in {@code seq_out}
 * (through the model).
 *
 * <p>Run: {@code bench/run-model-latency.sh [--seconds S] [--rates R1,R2]}.
 */
public final class ModelInputLatency {

    private static final long HIGHEST_NANOS = 10_000_000_000L;
    private static final float SEQUENCE_SCALE = 1 << 24;
    private static final int SEQ_IN = 0;
    private static final int SEQ_OUT = 6;

    private ModelInputLatency() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = 10;
        double[] rates = {1_000};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--rates" -> rates = java.util.Arrays.stream(args[++i].split(",")).mapToDouble(Double::parseDouble).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (expected --seconds S --rates R1,R2)");
            }
        }
        run(System.out, seconds, rates, Path.of(System.getProperty("vernissage.model",
                "artworks/handheld/models/look.model.json")));
    }

    static void run(PrintStream out, double seconds, double[] rates, Path modelFile) throws Exception {
        ParameterLayout layout = new ParameterLayout(List.of(
                spec("seq_in", 0, SEQUENCE_SCALE), spec("tilt_y", -1, 1), spec("hue", 0, 1), spec("bloom", 0, 1),
                spec("swirl", 0, 1), spec("grain", 0, 1), spec("seq_out", 0, SEQUENCE_SCALE)));
        Model mlp = new TrainedModelFiles().load(modelFile, "look");
        ModelBinding binding = new ModelBinding(0, "look", ModelBinding.Kind.REGRESSION, new int[] {0, 1}, 2,
                new int[] {2, 3, 4, 5, 6}, new float[] {0, 0, 0, 0, 0}, new float[] {1, 1, 1, 1, SEQUENCE_SCALE});
        ModelRuntime runtime = new ModelRuntime(List.of(binding), 2);
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        SnapshotExchange snapshots = new SnapshotExchange(defaults);
        Conductor conductor = new Conductor(layout, snapshots, ConductorStages.standard(ChannelConditioner.NONE)
                .modelResults(runtime.stage(layout, TrainerInbox.NONE)), ConductorSettings.DEFAULT,
                new Outbox(Outbox.DEFAULT_SIZE), System.getLogger("bench"));
        Thread[] conductorThread = new Thread[1];
        InputRing ring = new InputRing(InputRing.DEFAULT_SIZE, RingWaitStrategy.DEFAULT, task -> {
            Thread t = new Thread(task, "vernissage-conductor");
            t.setDaemon(true);
            conductorThread[0] = t;
            return t;
        }, conductor);
        ring.start();
        runtime.slot(0).offer(new Sequenced(mlp));
        runtime.start(ring::offerEvent, ModelResultListener.NONE, new SystemClock());
        InputEvent run = new InputEvent();
        run.begin(EventKinds.MODEL_COMMAND, ModelCommandFlyweight.LENGTH, 0, InputBatch.IMMEDIATELY, false);
        ModelCommandFlyweight.encode(run, 0, ModelCommand.RUN_ON.code(), 0, 0, 0);
        ring.offerEvent(run);
        Thread worker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("vernissage-models")).findFirst().orElseThrow();
        out.printf(Locale.ROOT, "input -> parameter snapshot through the model worker (%s, %s), %d cores, %s%n",
                modelFile, TrainedModelFiles.architectureOf(mlp), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"));
        out.println("  baseline: the input parameter itself in the snapshot (same ring, conductor and snapshot, no model)");
        out.println("  model:    the model's output for that input in the snapshot (stage -> worker -> MODEL_RESULT -> stage)");
        int total = 0;
        for (double rate : rates) {
            total += (int) Math.round(rate * seconds) + 5_000;
        }
        AtomicLongArray sentAt = new AtomicLongArray(total + 1);
        Reader reader = new Reader(snapshots, sentAt);
        reader.start();
        int next = 1;
        try {
            next = send(ring, sentAt, reader, next, 5_000, 5_000); // warm-up, not counted
            reader.reset();
            for (double rate : rates) {
                int messages = (int) Math.round(rate * seconds);
                long conductorBytes = AllocationMeter.allocatedBytes(conductorThread[0]);
                long workerBytes = AllocationMeter.allocatedBytes(worker);
                long coalescedBefore = runtime.slot(0).coalesced();
                next = send(ring, sentAt, reader, next, messages, rate);
                conductorBytes = AllocationMeter.allocatedBytes(conductorThread[0]) - conductorBytes;
                workerBytes = AllocationMeter.allocatedBytes(worker) - workerBytes;
                out.printf(Locale.ROOT, "%n%.0f inputs/s, %d inputs%n", rate, messages);
                out.println(line("baseline: input -> its parameter in the snapshot", reader.baseline));
                out.println(line("model:    input -> the model's output in the snapshot", reader.model));
                out.printf(Locale.ROOT, "    ratio to baseline: p50 %.1fx, p99 %.1fx; model path minus baseline: p50 %.1f us,"
                                + " p99 %.1f us%n", ratio(reader.model, reader.baseline, 50), ratio(reader.model, reader.baseline, 99),
                        (reader.model.getValueAtPercentile(50) - reader.baseline.getValueAtPercentile(50)) / 1e3,
                        (reader.model.getValueAtPercentile(99) - reader.baseline.getValueAtPercentile(99)) / 1e3);
                out.printf(Locale.ROOT, "    allocated per input: conductor %.2f bytes, model worker %.2f bytes;"
                                + " inputs coalesced (latest wins) %d; mean model run %.2f us%n",
                        conductorBytes / (double) messages, workerBytes / (double) messages,
                        runtime.slot(0).coalesced() - coalescedBefore, runtime.slot(0).meanRunMicros());
                reader.reset();
            }
        } finally {
            reader.interrupt();
            runtime.close();
            ring.close();
        }
    }

    private static ParameterSpec spec(String name, float min, float max) {
        return new ParameterSpec(name, ParameterType.FLOAT, min, max, new float[] {min}, "", "", false);
    }

    /** Offers {@code count} inputs at {@code rate} per second on a fixed schedule; returns the next number. */
    private static int send(InputRing ring, AtomicLongArray sentAt, Reader reader, int first, int count, double rate) {
        long period = Math.round(1e9 / rate);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(Math.min(due - now, 200_000));
            }
            int n = first + i;
            sentAt.set(n, System.nanoTime());
            ring.offerParameter(SEQ_IN, n, System.nanoTime());
        }
        int last = first + count - 1;
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (reader.lastModel < last && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000);
        }
        return last + 1;
    }

    private static double ratio(Histogram a, Histogram b, double percentile) {
        return a.getValueAtPercentile(percentile) / (double) Math.max(1, b.getValueAtPercentile(percentile));
    }

    private static String line(String what, Histogram h) {
        return String.format(Locale.ROOT, "  %-52s p50 %7.1f us  p99 %7.1f us  p99.9 %8.1f us  max %8.1f us  (n=%d)",
                what, h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, h.getTotalCount());
    }

    /** The MLP's real run, plus a last output passing input 0 (the input's number) through, scaled to 0..1. */
    private static final class Sequenced implements Model {
        private final Model mlp;
        private final float[] in = new float[2];

        Sequenced(Model mlp) {
            this.mlp = mlp;
        }

        @Override
        public String name() {
            return "look+sequence";
        }

        @Override
        public int inputCount() {
            return 2;
        }

        @Override
        public int outputCount() {
            return 5;
        }

        @Override
        public void run(float[] inputs, float[] outputs) throws ModelException {
            in[0] = (inputs[0] % 200) / 100f - 1f; // a tilt in -1..1 derived from the number
            in[1] = inputs[1];
            mlp.run(in, outputs);
            outputs[4] = inputs[0] / SEQUENCE_SCALE;
        }

        @Override
        public void close() {
            mlp.close();
        }
    }

    /** Stands in for the render thread: latches the snapshot, notes when each number first shows. */
    private static final class Reader extends Thread {
        private final SnapshotExchange snapshots;
        private final AtomicLongArray sentAt;
        volatile Histogram baseline = new Histogram(HIGHEST_NANOS, 3);
        volatile Histogram model = new Histogram(HIGHEST_NANOS, 3);
        volatile int lastModel;
        private int lastBaseline;
        private volatile boolean resetRequested;

        Reader(SnapshotExchange snapshots, AtomicLongArray sentAt) {
            super("bench-snapshot-reader");
            setDaemon(true);
            this.snapshots = snapshots;
            this.sentAt = sentAt;
        }

        void reset() {
            resetRequested = true;
            while (resetRequested) {
                Thread.onSpinWait();
            }
        }

        @Override
        public void run() {
            Histogram b = baseline;
            Histogram m = model;
            while (!isInterrupted()) {
                if (resetRequested) {
                    b = new Histogram(HIGHEST_NANOS, 3);
                    m = new Histogram(HIGHEST_NANOS, 3);
                    baseline = b;
                    model = m;
                    resetRequested = false;
                }
                ParameterSnapshot s = snapshots.latch();
                long now = System.nanoTime();
                int in = (int) s.value(SEQ_IN);
                int out = (int) s.value(SEQ_OUT);
                for (int n = lastBaseline + 1; n <= in && n < sentAt.length(); n++) {
                    b.recordValue(Math.min(HIGHEST_NANOS, now - sentAt.get(n)));
                }
                lastBaseline = Math.max(lastBaseline, in);
                for (int n = lastModel + 1; n <= out && n < sentAt.length(); n++) {
                    m.recordValue(Math.min(HIGHEST_NANOS, now - sentAt.get(n)));
                }
                lastModel = Math.max(lastModel, out);
                Thread.yield();
            }
        }
    }
}
