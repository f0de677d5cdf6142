package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 4 of issue 12 on this machine: a work standing by in closed hours uses at most a tenth of
 * the CPU time per hour that it uses in open hours (the same piece, size and rate, one after the
 * other in the same JVM, as a gallery's day turns into its night). CPU time is what the energy
 * estimate is made of, and what RAPL follows most closely on a machine without a GPU.
 *
 * <p>Measured in a process of its own ({@link StandbyEnergyProbe}, which says how): in this JVM the
 * suite's other tests left work behind (a collector refining their heap, compilers working through
 * their methods) that took as much of a closed window as the engine, and surefire's own thread
 * more than the engine's render thread and conductor together.
 */
class StandbyEnergyTest {

    private static final Pattern RESULT = Pattern.compile("standby: ([0-9.]+) CPU s per hour open, ([0-9.]+) closed");

    @TempDir
    Path temp;

    @Test
    void standingByInClosedHoursTakesAtMostATenthOfOpenHoursCpuTime() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/task")), "per-thread CPU time is read from Linux's /proc");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-Dorg.lwjgl.system.memoryBackend=ffm", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), StandbyEnergyProbe.class.getName(), temp.toString());
        Path log = temp.resolve("probe.log");
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(probe.waitFor(90, TimeUnit.SECONDS), "the probe did not end within 90 s");
        } finally {
            probe.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Matcher result = RESULT.matcher(output);
        assertTrue(probe.exitValue() == 0 && result.find(), "the probe failed: " + output);
        System.out.println(result.group());
        double open = Double.parseDouble(result.group(1));
        double closed = Double.parseDouble(result.group(2));
        assertTrue(closed <= open / 10, String.format("closed hours used %.0f CPU s per hour, open hours %.0f:"
                + " standby must use at most a tenth", closed, open));
    }
}
