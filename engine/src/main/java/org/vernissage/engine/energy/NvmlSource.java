package org.vernissage.engine.energy;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * NVIDIA GPUs' energy read through NVML ({@code libnvidia-ml.so.1}) with Java's foreign function
 * API: {@code nvmlInit_v2}, then per device {@code nvmlDeviceGetTotalEnergyConsumption}, the
 * millijoules the board has used since the driver loaded. {@link #joules} is the sum over the
 * counted devices of what each used since this source was opened. A device that cannot report its
 * energy (older than Volta: {@code NVML_ERROR_NOT_SUPPORTED}) is left out, said once at opening.
 * A call that fails later (GPU lost, driver reset) throws {@link EnergyUnreadableException} naming
 * the function and NVML's own error string, and the meter gives the GPU up.
 *
 * <p>Opened by the run's opening thread, read by one thread at a time (the meter's sampler), closed
 * once the sampler has stopped; owned by its {@link EnergyMeter}. The library's path is a
 * parameter so that tests load a fake of it compiled for the test.
 */
public final class NvmlSource implements EnergySource, AutoCloseable {

    /** {@code nvmlReturn_t}: 0 is success. */
    static final int NVML_SUCCESS = 0;
    /** The device cannot do this (energy needs Volta or newer). */
    static final int NVML_ERROR_NOT_SUPPORTED = 3;
    /** {@code NVML_DEVICE_NAME_V2_BUFFER_SIZE}. */
    private static final int NAME_BUFFER = 96;

    /** One counted GPU: its handle, its name, the raw counter at the last read and the millijoules summed so far. */
    private static final class Gpu {
        final int index;
        final MemorySegment handle;
        final String name;
        long lastRaw;
        long totalMillis;

        Gpu(int index, MemorySegment handle, String name, long firstRaw) {
            this.index = index;
            this.handle = handle;
            this.name = name;
            this.lastRaw = firstRaw;
        }

        void advance(long raw) {
            // The counter only goes back when the driver was reloaded, which restarts it from 0.
            totalMillis += Long.compareUnsigned(raw, lastRaw) >= 0 ? raw - lastRaw : raw;
            lastRaw = raw;
        }
    }

    private final Arena arena;
    private final Path library;
    private final MethodHandle energy;
    private final MethodHandle errorString;
    private final MethodHandle shutdown;
    private final MemorySegment millijoules; // the out-parameter, made once: nothing is allocated per read
    private final List<Gpu> gpus;
    private final String description;
    private boolean closed;

    private NvmlSource(Arena arena, Path library, Calls calls, MemorySegment millijoules, List<Gpu> gpus) {
        this.arena = arena;
        this.library = library;
        this.energy = calls.energy;
        this.errorString = calls.errorString;
        this.shutdown = calls.shutdown;
        this.millijoules = millijoules;
        this.gpus = gpus;
        this.description = "NVML: " + gpus.size() + (gpus.size() == 1 ? " GPU (" : " GPUs (")
                + String.join(", ", gpus.stream().map(g -> g.name).toList()) + ")";
    }

    /** The library's functions, looked up once. */
    private record Calls(MethodHandle init, MethodHandle count, MethodHandle handle, MethodHandle name,
                         MethodHandle energy, MethodHandle errorString, MethodHandle shutdown) {

        private static MemorySegment find(SymbolLookup lib, String function) {
            return lib.find(function).orElseThrow(() -> new NoSuchElementException("it has no function " + function));
        }

        static Calls lookUp(SymbolLookup lib) {
            Linker linker = Linker.nativeLinker();
            return new Calls(
                    linker.downcallHandle(find(lib, "nvmlInit_v2"), FunctionDescriptor.of(JAVA_INT)),
                    linker.downcallHandle(find(lib, "nvmlDeviceGetCount_v2"), FunctionDescriptor.of(JAVA_INT, ADDRESS)),
                    linker.downcallHandle(find(lib, "nvmlDeviceGetHandleByIndex_v2"),
                            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS)),
                    linker.downcallHandle(find(lib, "nvmlDeviceGetName"),
                            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT)),
                    linker.downcallHandle(find(lib, "nvmlDeviceGetTotalEnergyConsumption"),
                            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)),
                    linker.downcallHandle(find(lib, "nvmlErrorString"), FunctionDescriptor.of(ADDRESS, JAVA_INT)),
                    linker.downcallHandle(find(lib, "nvmlShutdown"), FunctionDescriptor.of(JAVA_INT)));
        }
    }

    /**
     * Loads {@code library}, initialises NVML and opens every GPU that reports its energy; each one
     * left out is said to {@code messages}, once.
     *
     * @return empty when no GPU reports its energy (NVML is then shut down again)
     * @throws EnergyUnreadableException when the library cannot be loaded, lacks a function, or
     *     {@code nvmlInit_v2} / {@code nvmlDeviceGetCount_v2} fail (the message names which and NVML's reason)
     */
    public static Optional<NvmlSource> open(Path library, Consumer<String> messages) throws EnergyUnreadableException {
        Arena arena = Arena.ofShared(); // opened on one thread, read on the sampler's
        Calls calls;
        try {
            calls = Calls.lookUp(SymbolLookup.libraryLookup(library, arena));
        } catch (IllegalArgumentException | NoSuchElementException e) {
            arena.close();
            throw new EnergyUnreadableException(library + " could not be loaded as NVIDIA's management library: "
                    + e.getMessage(), e);
        }
        boolean initialised = false;
        try {
            check(calls, library, "nvmlInit_v2", (int) calls.init.invokeExact());
            initialised = true;
            MemorySegment count = arena.allocate(JAVA_INT);
            check(calls, library, "nvmlDeviceGetCount_v2", (int) calls.count.invokeExact(count));
            MemorySegment handleOut = arena.allocate(ADDRESS);
            MemorySegment nameOut = arena.allocate(NAME_BUFFER);
            MemorySegment millijoules = arena.allocate(JAVA_LONG);
            List<Gpu> gpus = new ArrayList<>();
            for (int i = 0; i < count.get(JAVA_INT, 0); i++) {
                int rc = (int) calls.handle.invokeExact(i, handleOut);
                if (rc != NVML_SUCCESS) {
                    messages.accept("energy: NVML GPU " + i + " is left out: nvmlDeviceGetHandleByIndex_v2 answered "
                            + errorText(calls, rc));
                    continue;
                }
                MemorySegment handle = handleOut.get(ADDRESS, 0);
                String name = (int) calls.name.invokeExact(handle, nameOut, NAME_BUFFER) == NVML_SUCCESS
                        ? nameOut.getString(0) : "GPU " + i;
                rc = (int) calls.energy.invokeExact(handle, millijoules);
                if (rc == NVML_ERROR_NOT_SUPPORTED) {
                    messages.accept("energy: NVML GPU " + i + " (" + name + ") cannot report its energy"
                            + " (nvmlDeviceGetTotalEnergyConsumption: " + errorText(calls, rc)
                            + "; Volta or newer can), so it is left out of the figures");
                } else if (rc != NVML_SUCCESS) {
                    messages.accept("energy: NVML GPU " + i + " (" + name + ") is left out:"
                            + " nvmlDeviceGetTotalEnergyConsumption answered " + errorText(calls, rc));
                } else {
                    gpus.add(new Gpu(i, handle, name, millijoules.get(JAVA_LONG, 0)));
                }
            }
            if (gpus.isEmpty()) {
                int ignored = (int) calls.shutdown.invokeExact(); // nothing to read: the library is let go
                arena.close();
                return Optional.empty();
            }
            return Optional.of(new NvmlSource(arena, library, calls, millijoules, List.copyOf(gpus)));
        } catch (EnergyUnreadableException e) {
            if (initialised) {
                shutdownQuietly(calls);
            }
            arena.close();
            throw e;
        } catch (Throwable e) {
            if (initialised) {
                shutdownQuietly(calls);
            }
            arena.close();
            throw new EnergyUnreadableException(library + ": calling NVML failed: " + e, e);
        }
    }

    @Override
    public double joules() throws EnergyUnreadableException {
        if (closed) {
            throw new EnergyUnreadableException("NVML (" + library + ") was already shut down");
        }
        long millis = 0;
        for (Gpu gpu : gpus) {
            int rc;
            try {
                rc = (int) energy.invokeExact(gpu.handle, millijoules);
            } catch (Throwable e) {
                throw new EnergyUnreadableException("NVML nvmlDeviceGetTotalEnergyConsumption for GPU " + gpu.index
                        + " (" + gpu.name + ") could not be called: " + e, e);
            }
            if (rc != NVML_SUCCESS) {
                throw new EnergyUnreadableException("NVML nvmlDeviceGetTotalEnergyConsumption for GPU " + gpu.index
                        + " (" + gpu.name + ") failed: " + errorText(rc));
            }
            gpu.advance(millijoules.get(JAVA_LONG, 0));
            millis += gpu.totalMillis;
        }
        return millis / 1e3;
    }

    @Override
    public EnergyKind kind() {
        return EnergyKind.MEASURED;
    }

    @Override
    public String describe() {
        return description;
    }

    /** The counted GPUs' names, in NVML's order. */
    public List<String> gpuNames() {
        return gpus.stream().map(g -> g.name).toList();
    }

    /** Shuts NVML down and lets the library go; once, after the sampler stopped. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            int ignored = (int) shutdown.invokeExact(); // a failing shutdown leaves nothing to do but let go
        } catch (Throwable e) {
            // the library is let go below either way
        }
        arena.close();
    }

    private String errorText(int rc) {
        return errorText(errorString, rc);
    }

    private static String errorText(Calls calls, int rc) {
        return errorText(calls.errorString, rc);
    }

    /** NVML's own words for a return code, and the code. */
    private static String errorText(MethodHandle errorString, int rc) {
        try {
            MemorySegment text = (MemorySegment) errorString.invokeExact(rc);
            if (!text.equals(MemorySegment.NULL)) {
                return text.reinterpret(1024).getString(0) + " (" + rc + ")";
            }
        } catch (Throwable e) {
            // the code alone is still worth saying
        }
        return "error " + rc;
    }

    private static void check(Calls calls, Path library, String function, int rc) throws EnergyUnreadableException {
        if (rc != NVML_SUCCESS) {
            throw new EnergyUnreadableException("NVML " + function + " (" + library + ") failed: " + errorText(calls, rc));
        }
    }

    private static void shutdownQuietly(Calls calls) {
        try {
            int ignored = (int) calls.shutdown.invokeExact();
        } catch (Throwable e) {
            // opening already failed; that is what gets said
        }
    }
}
