package org.vernissage.engine.render;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;

/**
 * Measures what the render thread allocates per frame, as an {@link Output} placed last: at the end
 * of each frame it reads the JVM's allocation counter of the thread it runs on. After a warm-up it
 * sums a few windows of frames; the least of them is the steady-state figure (one window hit by a
 * JIT recompilation or a first log line does not hide what every frame does, and an allocation in
 * every frame shows in every window). "Measure it, do not assume it": tests and benchmarks use it.
 *
 * <p>{@link #present} runs on the render thread and allocates nothing (a fixed array, made here).
 * Read the figures once the render loop's run has returned. Owned by the render loop, like any
 * output; its creator keeps a reference to read it.
 */
public final class AllocationProbe implements Output {

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final int warmUpFrames;
    private final int window;
    private final long[] allocatedAfter;

    /**
     * @param warmUpFrames frames not measured (JIT, first messages)
     * @param window frames per window
     * @param windows how many windows follow the warm-up
     */
    public AllocationProbe(int warmUpFrames, int window, int windows) {
        if (warmUpFrames < 1 || window < 1 || windows < 1) {
            throw new IllegalArgumentException("an allocation probe needs at least 1 warm-up frame, 1 frame per window"
                    + " and 1 window; got " + warmUpFrames + ", " + window + ", " + windows);
        }
        this.warmUpFrames = warmUpFrames;
        this.window = window;
        this.allocatedAfter = new long[warmUpFrames + window * windows];
    }

    /** Frames the run must make for every window to be measured. */
    public int framesNeeded() {
        return allocatedAfter.length;
    }

    @Override
    public String description() {
        return "allocation probe";
    }

    @Override
    public void present(FrameInfo frame, ParameterSnapshot parameters, Framebuffer canvas) {
        long index = frame.index();
        if (index < allocatedAfter.length) {
            allocatedAfter[(int) index] = threads.getCurrentThreadAllocatedBytes();
        }
    }

    /** Bytes the render thread allocated in each window. */
    public long[] bytesPerWindow() {
        long[] bytes = new long[(allocatedAfter.length - warmUpFrames) / window];
        for (int w = 0; w < bytes.length; w++) {
            int before = warmUpFrames + w * window - 1;
            bytes[w] = allocatedAfter[before + window] - allocatedAfter[before];
        }
        return bytes;
    }

    /** The steady-state figure: the least of {@link #bytesPerWindow}. */
    public long leastBytesPerWindow() {
        return Arrays.stream(bytesPerWindow()).min().orElseThrow();
    }

    /** One line for logs, e.g. "0 bytes per 250 frames at least (windows: [0, 1888, 328, 0])". */
    public String describe() {
        return leastBytesPerWindow() + " bytes per " + window + " frames at least (windows: "
                + Arrays.toString(bytesPerWindow()) + ")";
    }
}
