package org.vernissage.engine.energy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds NVIDIA's management library ({@code libnvidia-ml.so.1}), whose
 * {@code nvmlDeviceGetTotalEnergyConsumption} gives a GPU's joules; {@link NvmlSource} reads it.
 *
 * <p>Stateless; any thread.
 */
public final class NvmlLibrary {

    /** Where driver packages put the library. */
    public static final List<Path> USUAL_PLACES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1"), Path.of("/usr/lib64/libnvidia-ml.so.1"),
            Path.of("/usr/lib/libnvidia-ml.so.1"), Path.of("/usr/lib/aarch64-linux-gnu/libnvidia-ml.so.1"),
            Path.of("/usr/local/nvidia/lib64/libnvidia-ml.so.1"));

    private NvmlLibrary() {
    }

    /** The first of {@code places} that exists. */
    public static Optional<Path> find(List<Path> places) {
        return places.stream().filter(Files::isRegularFile).findFirst();
    }
}
