package org.vernissage.engine.energy;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The GPU's part of the {@link CpuTimeEstimate}: the GPU time the frames took x a stated wattage,
 * or the reason it is left out. On a software renderer (Mesa's llvmpipe or softpipe, SwiftShader)
 * the "GPU" is the CPU, whose time the estimate already counts, so the term is left out rather than
 * counted twice; where the context has no timer queries there is no GPU time to count.
 *
 * <p>Immutable; {@link #gpuNanos} is read by the estimate's reader (the meter's sampler thread).
 * Made by the run's wiring, which owns it.
 *
 * @param gpuNanos GPU nanoseconds so far (a frame timer's total), read only when counted
 * @param watts what the GPU is taken to draw while busy
 * @param leftOutBecause why the term is left out, or empty when it is counted
 */
public record GpuTimeTerm(LongSupplier gpuNanos, double watts, Optional<String> leftOutBecause) {

    /**
     * A discrete GPU's board power under a rendering load, roughly (mid-range cards are rated
     * 115-200 W); stated wherever the estimate is printed. An integrated GPU draws nearer 15 W.
     */
    public static final double DEFAULT_GPU_WATTS = 150.0;

    /** The names Mesa and Google give their CPU renderers in {@code GL_RENDERER}. */
    private static final String[] SOFTWARE_RENDERERS = {"llvmpipe", "softpipe", "swiftshader"};

    public GpuTimeTerm {
        Objects.requireNonNull(gpuNanos, "gpuNanos");
        Objects.requireNonNull(leftOutBecause, "leftOutBecause");
        if (!(watts > 0) || Double.isInfinite(watts)) {
            throw new IllegalArgumentException("GPU watts must be a positive number, not " + watts);
        }
    }

    /**
     * The term for a renderer: counted when {@code timed} and {@code glRenderer} is a hardware GPU,
     * left out (saying why) on a software renderer or without timer queries.
     *
     * @param glRenderer the context's {@code GL_RENDERER}
     * @param timed whether the context's timer queries measure GPU time
     */
    public static GpuTimeTerm of(String glRenderer, boolean timed, LongSupplier gpuNanos, double watts) {
        Optional<String> software = softwareRenderer(glRenderer);
        if (software.isPresent()) {
            return new GpuTimeTerm(gpuNanos, watts, Optional.of("GPU time left out: " + software.get()
                    + " renders on the CPU and its time is in the CPU time"));
        }
        if (!timed) {
            return new GpuTimeTerm(gpuNanos, watts, Optional.of("GPU left out: " + glRenderer
                    + " has no timer queries"));
        }
        return new GpuTimeTerm(gpuNanos, watts, Optional.empty());
    }

    /** The software renderer's name if {@code glRenderer} is one (case ignored). */
    public static Optional<String> softwareRenderer(String glRenderer) {
        String lower = glRenderer.toLowerCase(Locale.ROOT);
        for (String name : SOFTWARE_RENDERERS) {
            if (lower.contains(name)) {
                return Optional.of(name.equals("swiftshader") ? "SwiftShader" : name);
            }
        }
        return Optional.empty();
    }

    /** Whether the GPU's time is in the estimate. */
    public boolean counted() {
        return leftOutBecause.isEmpty();
    }
}
