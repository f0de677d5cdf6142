package org.vernissage.bench.models;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.vernissage.models.DenseNetwork;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;
import org.vernissage.models.djl.TorchScriptModel;
import org.vernissage.models.djl.TorchScriptNetworkWriter;
import org.vernissage.models.learn.Activation;
import org.vernissage.models.learn.MlpNetwork;
import org.vernissage.models.learn.TrainingSummary;
import org.vernissage.models.onnx.OnnxModel;
import org.vernissage.models.onnx.OnnxNetworkWriter;

/**
 * Single-sample inference of one network (an 8-32-32-3 MLP, tanh hidden, sigmoid out: a typical
 * network trained in the room), in the same run: the baseline, a {@link BareMatrixMultiply} of the
 * same weights; the engine's MLP path ({@link MlpNetwork}, which runs every network the engine
 * trains, on plain Java because it is the fastest); and the two native runtimes for artists' files,
 * ONNX Runtime ({@link OnnxModel}) and DJL PyTorch ({@link TorchScriptModel}), each from a file the
 * project wrote itself; and, to show why the engine does not use it, DJL's documented
 * {@code Predictor} API on both engines.
 *
 * <pre>
 *   latency [calls]   p50/p99/p99.9/max per call and heap bytes per call, interleaved rounds,
 *                     ratios against the bare multiply (default 200000 calls per runtime)
 *   soak [calls]      resident memory (VmRSS) and garbage collections sampled every tenth of
 *                     the calls on each native runtime (default 1000000)
 * </pre>
 *
 * Runs on the main thread, which plays the model worker. Files go to bench/target/models/.
 */
public final class ModelInferenceBench {

    private static final int[] SIZES = {8, 32, 32, 3};
    private static final int ROUNDS = 5;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ModelInferenceBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "latency";
        MlpNetwork mlp = network();
        DenseNetwork dense = DenseNetwork.of(mlp);
        Path folder = Path.of("bench", "target", "models").toAbsolutePath();
        Files.createDirectories(folder);
        Path onnxFile = folder.resolve("mlp-8-32-32-3.onnx");
        Path torchFile = folder.resolve("mlp-8-32-32-3.pt");
        OnnxNetworkWriter.write(dense, onnxFile);
        TorchScriptNetworkWriter.write(dense, torchFile);
        System.out.printf(Locale.ROOT, "network %s, %d parameters; files %s (%d B), %s (%d B)%n",
                Arrays.toString(SIZES), mlp.parameterCount(), onnxFile.getFileName(), Files.size(onnxFile),
                torchFile.getFileName(), Files.size(torchFile));
        System.out.println("cpus " + Runtime.getRuntime().availableProcessors() + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        // DJL's OnnxRuntime engine insists on creating ONNX Runtime's process-wide environment
        // itself (with its own thread pool options), so it must start before OnnxModel's first use.
        try (Model djlOnnx = new PredictorModel("djl-onnx", "OnnxRuntime", onnxFile, 8, 3);
             Model djlTorch = new PredictorModel("djl-torch", "PyTorch", torchFile, 8, 3);
             Model onnx = OnnxModel.load("onnx", onnxFile, 8, 3);
             Model torch = TorchScriptModel.load("torchscript", torchFile, 8, 3)) {
            Model[] models = {new BareMatrixMultiply(dense), mlp, onnx, torch, djlOnnx, djlTorch};
            String[] names = {"bare matrix multiply (baseline)", "MLP path (MlpNetwork)", "OnnxModel (ORT 1.24.2 Java API)",
                "TorchScriptModel (DJL PyTorch)", "DJL Predictor, OnnxRuntime eng.", "DJL Predictor, PyTorch eng."};
            checkAgreement(models);
            switch (mode) {
                case "latency" -> latency(models, names, args.length > 1 ? Integer.parseInt(args[1]) : 200_000);
                case "soak" -> soak(new Model[] {onnx, torch}, new String[] {names[2], names[3]},
                        args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
                default -> throw new IllegalArgumentException("unknown mode " + mode + "; expected latency or soak");
            }
        }
    }

    private static void latency(Model[] models, String[] names, int calls) throws ModelException {
        int perRound = calls / ROUNDS;
        long[][] nanos = new long[models.length][perRound * ROUNDS];
        long[] bytes = new long[models.length];
        float[][] inputs = inputs(1024);
        float[] out = new float[3];
        for (Model model : models) { // warm-up: JIT and the runtimes' first-run paths
            runMany(model, inputs, out, null, 0, 20_000);
        }
        Thread self = Thread.currentThread();
        for (int round = 0; round < ROUNDS; round++) {
            for (int m = 0; m < models.length; m++) { // interleaved: the shared machine's noise hits all
                long before = THREADS.getThreadAllocatedBytes(self.threadId());
                runMany(models[m], inputs, out, nanos[m], round * perRound, perRound);
                bytes[m] += THREADS.getThreadAllocatedBytes(self.threadId()) - before;
            }
        }
        System.out.printf(Locale.ROOT, "%n%d single-sample calls per runtime, %d interleaved rounds%n",
                perRound * ROUNDS, ROUNDS);
        System.out.printf(Locale.ROOT, "%-32s %9s %9s %9s %9s %10s %9s%n", "runtime", "p50 us", "p99 us",
                "p99.9 us", "max us", "B/call", "p99 x");
        double baseP99 = 0;
        for (int m = 0; m < models.length; m++) {
            long[] sorted = nanos[m].clone();
            Arrays.sort(sorted);
            double p50 = micros(sorted, 0.50);
            double p99 = micros(sorted, 0.99);
            double p999 = micros(sorted, 0.999);
            double max = sorted[sorted.length - 1] / 1000.0;
            if (m == 0) {
                baseP99 = p99;
            }
            System.out.printf(Locale.ROOT, "%-32s %9.2f %9.2f %9.2f %9.1f %10.1f %9.2f%n", names[m], p50, p99, p999,
                    max, bytes[m] / (double) sorted.length, p99 / baseP99);
        }
    }

    private static void soak(Model[] models, String[] names, int calls) throws ModelException {
        float[][] inputs = inputs(1024);
        float[] out = new float[3];
        int step = calls / 10;
        for (int m = 0; m < models.length; m++) {
            runMany(models[m], inputs, out, null, 0, 20_000);
            System.out.printf(Locale.ROOT, "%n%s: %d calls%n%10s %10s %8s %10s%n", names[m], calls, "calls", "RSS MiB",
                    "GCs", "heap MiB");
            long rss0 = rssKib();
            long minRss = Long.MAX_VALUE;
            long maxRss = 0;
            long start = System.nanoTime();
            for (int done = 0; done <= calls; done += step) {
                if (done > 0) {
                    runMany(models[m], inputs, out, null, 0, step);
                }
                long rss = rssKib();
                if (done >= 2 * step) { // after the first fifth: allocator pools settled
                    minRss = Math.min(minRss, rss);
                    maxRss = Math.max(maxRss, rss);
                }
                Runtime runtime = Runtime.getRuntime();
                System.out.printf(Locale.ROOT, "%10d %10.1f %8d %10.1f%n", done, rss / 1024.0, gcCount(),
                        (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "RSS at start %.1f MiB; from 20%% to 100%% of the calls: min %.1f, max %.1f MiB"
                    + " (spread %.2f MiB); %.1f s%n", rss0 / 1024.0, minRss / 1024.0, maxRss / 1024.0,
                    (maxRss - minRss) / 1024.0, seconds);
        }
    }

    private static void runMany(Model model, float[][] inputs, float[] out, long[] nanos, int offset, int count)
            throws ModelException {
        for (int i = 0; i < count; i++) {
            float[] in = inputs[i & (inputs.length - 1)];
            if (nanos == null) {
                model.run(in, out);
            } else {
                long t0 = System.nanoTime();
                model.run(in, out);
                nanos[offset + i] = System.nanoTime() - t0;
            }
        }
    }

    private static void checkAgreement(Model[] models) throws ModelException {
        float[][] inputs = inputs(64);
        float[] expected = new float[3];
        float[] actual = new float[3];
        for (float[] in : inputs) {
            models[0].run(in, expected);
            for (int m = 1; m < models.length; m++) {
                models[m].run(in, actual);
                for (int o = 0; o < 3; o++) {
                    if (Math.abs(actual[o] - expected[o]) > 1e-5f) {
                        throw new IllegalStateException(models[m].name() + " disagrees with the bare multiply: "
                                + Arrays.toString(actual) + " vs " + Arrays.toString(expected));
                    }
                }
            }
        }
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))] / 1000.0;
    }

    private static float[][] inputs(int count) {
        Random random = new Random(12);
        float[][] inputs = new float[count][8];
        for (float[] in : inputs) {
            for (int i = 0; i < in.length; i++) {
                in[i] = random.nextFloat() * 2f - 1f;
            }
        }
        return inputs;
    }

    /** The bench's network: seeded weights, a non-trivial input normalisation. */
    static MlpNetwork network() {
        Random random = new Random(2026);
        float[][] w = new float[SIZES.length - 1][];
        float[][] b = new float[SIZES.length - 1][];
        for (int l = 0; l < w.length; l++) {
            float scale = (float) (1.0 / Math.sqrt(SIZES[l]));
            w[l] = new float[SIZES[l] * SIZES[l + 1]];
            b[l] = new float[SIZES[l + 1]];
            for (int i = 0; i < w[l].length; i++) {
                w[l][i] = (random.nextFloat() * 2f - 1f) * scale;
            }
            for (int i = 0; i < b[l].length; i++) {
                b[l][i] = (random.nextFloat() * 2f - 1f) * 0.1f;
            }
        }
        float[] mean = new float[SIZES[0]];
        float[] scale = new float[SIZES[0]];
        Arrays.fill(scale, 1.5f);
        return new MlpNetwork("plain", SIZES, Activation.TANH, Activation.SIGMOID, w, b, mean, scale,
                TrainingSummary.UNKNOWN);
    }

    private static long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static long gcCount() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }
}
