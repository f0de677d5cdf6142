package org.vernissage.engine.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fake {@code libnvidia-ml.so.1} compiled for one test with gcc from {@code fake_nvml.c}: the
 * functions NVML reading calls, with nvml.h's signatures, answering from a state file this object
 * writes ({@link #answers}), re-read at every call so a test can change counters and error codes
 * mid-run; {@code nvmlInit_v2} and {@code nvmlShutdown} are logged ({@link #calls}). Without gcc
 * the test fails, saying so: it is not skipped (CI has gcc).
 *
 * <p>Used by one test thread; owned by the test that compiled it, in its temporary folder.
 */
public final class FakeNvml {

    private final Path library;
    private final Path state;
    private final Path calls;

    private FakeNvml(Path library, Path state, Path calls) {
        this.library = library;
        this.state = state;
        this.calls = calls;
    }

    /** Compiles the fake into {@code folder}/lib/libnvidia-ml.so.1, answering from {@code folder}/state. */
    public static FakeNvml compile(Path folder) throws Exception {
        Path state = folder.resolve("state");
        Path calls = folder.resolve("calls");
        Path source = folder.resolve("fake_nvml.c");
        try (InputStream in = FakeNvml.class.getResourceAsStream("fake_nvml.c")) {
            assertTrue(in != null, "fake_nvml.c: expected beside FakeNvml in the engine's test resources");
            Files.copy(in, source);
        }
        Path library = gcc(source, folder.resolve("lib"), "-DSTATE_FILE=\"" + state + "\"",
                "-DCALLS_FILE=\"" + calls + "\"");
        return new FakeNvml(library, state, calls);
    }

    /** Compiles {@code source} into {@code folder}/libnvidia-ml.so.1 with gcc. */
    public static Path gcc(Path source, Path folder, String... defines) throws Exception {
        Path built = Files.createDirectories(folder).resolve("libnvidia-ml.so.1");
        Path log = folder.resolve("gcc.log");
        List<String> command = new ArrayList<>(List.of("gcc", "-shared", "-fPIC", "-O1"));
        command.addAll(List.of(defines));
        command.addAll(List.of("-o", built.toString(), source.toString()));
        Process gcc;
        try {
            gcc = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            return fail("the NVML tests compile a fake libnvidia-ml.so.1 and need gcc on the PATH"
                    + " (apt-get install gcc): " + e.getMessage());
        }
        if (!gcc.waitFor(60, TimeUnit.SECONDS)) {
            gcc.destroyForcibly();
            fail("gcc did not compile " + source + " within 60 s");
        }
        assertEquals(0, gcc.exitValue(), "gcc failed on " + source + ": " + Files.readString(log));
        return built;
    }

    /** The compiled library's path, to load as NVML. */
    public Path library() {
        return library;
    }

    /**
     * What the fake answers from now on, one line each: {@code init RC} (what {@code nvmlInit_v2}
     * returns), then {@code gpu MILLIJOULES RC NAME} per device, in index order ({@code RC} is what
     * {@code nvmlDeviceGetTotalEnergyConsumption} returns: 0, 3 Not Supported, 15 GPU is lost, ...).
     */
    public void answers(String... lines) throws IOException {
        // Written whole then moved, so a sampler thread reading it mid-write sees the old or the new answers.
        Path next = state.resolveSibling("state.next");
        Files.writeString(next, String.join("\n", lines) + "\n");
        Files.move(next, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The logged {@code nvmlInit_v2} and {@code nvmlShutdown} calls, in order. */
    public List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls, StandardCharsets.UTF_8) : List.of();
    }
}
