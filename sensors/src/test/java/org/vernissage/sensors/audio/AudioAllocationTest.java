package org.vernissage.sensors.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.sensors.RecordingLogger;

/**
 * Analysis and the audio thread's whole per-hop step (read the file, decode, analyse, publish)
 * must not allocate once warm. Measured with the JVM's per-thread allocation counter; the steps
 * run on the test thread (the input is not started). The fixed slack covers the measurement and
 * HotSpot's one-off interning at a C2 compile; it is not per block.
 */
class AudioAllocationTest {

    private static final long SLACK_BYTES = 512;

    @TempDir
    Path dir;

    @Test
    void theAnalyzerAllocatesNothingPerBlock() {
        AudioAnalyzer analyzer = new AudioAnalyzer(48_000);
        float[] samples = new float[48_000];
        SplittableRandom random = new SplittableRandom(5);
        for (int n = 0; n < samples.length; n++) {
            samples[n] = (float) (random.nextDouble() - 0.5) * (n % 9_000 < 300 ? 1.8f : 0.1f);
        }
        long[] blocks = {0};
        AudioBlockListener listener = a -> blocks[0] += a.onset() ? 1 : 0;
        for (int i = 0; i < 200; i++) { // warm-up
            analyzer.accept(samples, 0, samples.length, listener);
        }
        long before = allocatedBytes();
        for (int i = 0; i < 20; i++) {
            analyzer.accept(samples, 0, samples.length, listener);
        }
        long allocated = allocatedBytes() - before;
        System.out.printf("audio analysis: %d bytes over %d blocks%n", allocated, 20 * samples.length / 512);
        assertTrue(blocks[0] > 0);
        assertTrue(allocated <= SLACK_BYTES, allocated + " bytes allocated");
    }

    @Test
    void readingDecodingAnalysingAndPublishingAFileAllocatesNothingPerHop() throws Exception {
        float rate = 44_100;
        Path file = TestAudio.writeWav(dir.resolve("long.wav"), TestAudio.pcm16(rate, 2),
                TestAudio.bursts(rate, 40, 0.01, new double[] {1, 5, 9, 13, 17, 21, 25, 29, 33, 37}, 9));
        CountingSink sink = new CountingSink();
        AudioInput input = AudioInput.openFile(file, AudioFileOptions.AS_FAST_AS_POSSIBLE, TestAudio.everyFeature(),
                sink, new ManualClock(0), new RecordingLogger());
        try {
            for (int i = 0; i < 1_200; i++) { // warm-up
                assertTrue(input.step());
            }
            long before = allocatedBytes();
            int hops = 2_000;
            for (int i = 0; i < hops; i++) {
                assertTrue(input.step());
            }
            long allocated = allocatedBytes() - before;
            System.out.printf("audio step (read+decode+analyse+publish): %d bytes over %d hops%n", allocated, hops);
            assertTrue(sink.offers > 0);
            assertTrue(allocated <= SLACK_BYTES, allocated + " bytes allocated over " + hops + " hops");
        } finally {
            input.close();
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** A ring stand-in that keeps only primitives and refuses some offers, as a full ring would. */
    private static final class CountingSink implements InputSink {
        long offers;
        double sum;

        @Override
        public boolean offerChannel(int channel, float value, long arrivalNanos) {
            offers++;
            sum += value + channel;
            return (offers & 7) != 0;
        }

        @Override
        public boolean offer(InputBatch batch) {
            return false;
        }

        @Override
        public boolean offerParameter(int slot, float value, long arrivalNanos) {
            return false;
        }
    }
}
