package org.vernissage.models.run;

import java.util.concurrent.atomic.AtomicInteger;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;

/** Tiny models of known behaviour for the worker's tests (no learning): each run on the worker thread. */
final class TestModels {

    private TestModels() {
    }

    /** outputs[i] = inputs[i % n] * scale + offset. */
    static Model linear(String name, int inputs, int outputs, float scale, float offset) {
        return new Model() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int inputCount() {
                return inputs;
            }

            @Override
            public int outputCount() {
                return outputs;
            }

            @Override
            public void run(float[] in, float[] out) {
                for (int i = 0; i < outputs; i++) {
                    out[i] = in[i % inputs] * scale + offset;
                }
            }

            @Override
            public void close() {
            }
        };
    }

    /** Copies input 0 to every output, but throws above 0.9 and gives NaN below 0.1. */
    static Model faulty(String name, int inputs, int outputs) {
        return new Model() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int inputCount() {
                return inputs;
            }

            @Override
            public int outputCount() {
                return outputs;
            }

            @Override
            public void run(float[] in, float[] out) throws ModelException {
                if (in[0] > 0.9f) {
                    throw new ModelException(name + ": input above 0.9 (a test failure)");
                }
                for (int i = 0; i < outputs; i++) {
                    out[i] = in[0] < 0.1f ? Float.NaN : in[0];
                }
            }

            @Override
            public void close() {
            }
        };
    }

    /** Copies input 0 to output 0 after sleeping {@code millis}: slower than its inputs. */
    static Model slow(String name, long millis, AtomicInteger runs) {
        return new Model() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int inputCount() {
                return 1;
            }

            @Override
            public int outputCount() {
                return 1;
            }

            @Override
            public void run(float[] in, float[] out) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                runs.incrementAndGet();
                out[0] = in[0];
            }

            @Override
            public void close() {
            }
        };
    }
}
