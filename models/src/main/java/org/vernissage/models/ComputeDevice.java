package org.vernissage.models;

import java.util.Locale;

/**
 * Where a native runtime runs a model. {@link #AUTO} (the default) takes a CUDA GPU when the
 * runtime reports one (a GPU, its driver and the runtime's CUDA build are all present) and the CPU
 * otherwise. Chosen with the system property {@value #PROPERTY} ({@code auto}, {@code cpu},
 * {@code cuda}); any thread.
 */
public enum ComputeDevice {
    AUTO, CPU, CUDA;

    /** The system property that chooses the device. */
    public static final String PROPERTY = "vernissage.models.device";

    /** The device the system property asks for; {@link #AUTO} when unset or unknown. */
    public static ComputeDevice requested() {
        String value = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "cpu" -> CPU;
            case "cuda", "gpu" -> CUDA;
            default -> AUTO;
        };
    }

    /**
     * What to run on, given what was asked for and whether the runtime can reach a CUDA GPU: CUDA
     * when asked for (or AUTO) and available, otherwise the CPU.
     */
    public ComputeDevice resolve(boolean cudaAvailable) {
        return (this != CPU && cudaAvailable) ? CUDA : CPU;
    }
}
