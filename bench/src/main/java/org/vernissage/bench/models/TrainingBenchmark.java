package org.vernissage.bench.models;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vernissage.models.ModelException;
import org.vernissage.models.learn.ExampleSet;
import org.vernissage.models.learn.MlpNetwork;
import org.vernissage.models.learn.MlpTrainer;
import org.vernissage.models.learn.TrainingOptions;

/**
 * Training time of the typical MLP: 8 inputs, two hidden layers of 32 (tanh), 3 outputs,
 * {@code examples} examples, 600 Adam steps, one thread. The baseline in the same run is one
 * forward pass of the untrained network over every example ({@link #forwardPassOverExamples}):
 * training cost in units of "looking at the data once".
 *
 * <p>Run from the repository root: {@code java -jar bench/target/benchmarks.jar TrainingBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class TrainingBenchmark {

    @Param({"100", "500"})
    public int examples;

    /** 64 (the default mini-batch) or 0 (the whole set every step). */
    @Param({"64", "0"})
    public int batch;

    private ExampleSet set;
    private TrainingOptions options;
    private MlpNetwork untrained;
    private float[][] inputs;
    private final float[] out = new float[3];

    @Setup
    public void setUp() throws ModelException {
        set = new ExampleSet(List.of("i0", "i1", "i2", "i3", "i4", "i5", "i6", "i7"), List.of("o0", "o1", "o2"));
        SplittableRandom random = new SplittableRandom(1);
        for (int e = 0; e < examples; e++) {
            float[] in = new float[8];
            for (int i = 0; i < 8; i++) {
                in[i] = (float) random.nextDouble();
            }
            set.add(in, new float[] {
                0.5f + 0.4f * (float) Math.sin(3 * in[0]) * in[1], in[2] * in[3], 0.3f * in[4] + 0.2f * in[5] * in[6]});
        }
        options = TrainingOptions.defaults().withHidden(32, 32).withSteps(600).withBatchSize(batch);
        untrained = new MlpTrainer(options.withSteps(1)).train("typical", set);
        inputs = new float[examples][];
        for (int e = 0; e < examples; e++) {
            inputs[e] = set.get(e).inputs();
        }
    }

    @Benchmark
    public MlpNetwork train600Steps() throws ModelException {
        return new MlpTrainer(options).train("typical", set);
    }

    @Benchmark
    public float forwardPassOverExamples() {
        float sum = 0f;
        for (float[] in : inputs) {
            untrained.run(in, out);
            sum += out[0];
        }
        return sum;
    }
}
