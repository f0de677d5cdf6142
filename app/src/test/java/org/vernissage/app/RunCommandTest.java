package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a technician sees when something is wrong: one clear line naming the file, field, port or
 * device and what was expected, a non-zero exit, and no stack trace unless asked for.
 */
class RunCommandTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");

    @TempDir
    Path temp;

    /** The outcome of one command line. */
    private record Outcome(int exitCode, String out, String err) {
        String errorLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    private static Outcome vernissage(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    private static void assertOneCleanLine(Outcome outcome) {
        assertFalse(outcome.err().contains("\tat "), "no stack trace without --verbose:\n" + outcome.err());
        assertTrue(outcome.errorLine().startsWith("vernissage: "), outcome.err());
    }

    @Test
    void anOscQueryPortInUseIsOneLineNamingIt() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("0.0.0.0"))) {
            Outcome outcome = vernissage("run", TIDEWATER.toString(), "--headless", "--size", "64x36",
                    "--frames", "3", "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0",
                    "--oscquery=" + taken.getLocalPort());
            assertNotEquals(0, outcome.exitCode());
            assertOneCleanLine(outcome);
            assertTrue(outcome.errorLine().contains("oscquery: cannot listen on 0.0.0.0:" + taken.getLocalPort()),
                    outcome.err());
        }
    }

    @Test
    void anOscQueryHostWithoutTheServerIsAUsageError() {
        Outcome outcome = vernissage("run", TIDEWATER.toString(), "--headless", "--oscquery-host", "127.0.0.1");
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertOneCleanLine(outcome);
        assertTrue(outcome.errorLine().contains("--oscquery-host places the OSCQuery server, which is not started;"
                + " add --oscquery"), outcome.err());
    }

    @Test
    void playsTheBundledArtworkHeadlessForAFewFramesAndReportsStatistics() throws IOException {
        Path frames = temp.resolve("frames");
        Outcome outcome = vernissage("run", TIDEWATER.toString(), "--headless", "--size", "64x36",
                "--frames", "3", "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0",
                "--capture", frames.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        try (var files = Files.list(frames)) {
            assertEquals(3, files.filter(f -> f.getFileName().toString().matches("frame-\\d{6}\\.png")).count());
        }
    }

    @Test
    void unknownArtworkFolder() {
        Outcome outcome = vernissage("run", temp.resolve("nope").toString(), "--headless");
        assertEquals(Main.EXIT_FAILURE, outcome.exitCode());
        assertOneCleanLine(outcome);
        assertTrue(outcome.errorLine().contains("artwork folder not found") && outcome.errorLine().contains("nope"),
                outcome.errorLine());
    }

    @Test
    void invalidManifestNamesFileFieldAndExpectation() throws IOException {
        Path artwork = copyOfTidewater();
        Path manifest = artwork.resolve("artwork.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"max\": 8", "\"max\": \"eight\""));
        Outcome outcome = vernissage("run", artwork.toString(), "--headless", "--osc-port", "0");
        assertEquals(Main.EXIT_FAILURE, outcome.exitCode());
        assertOneCleanLine(outcome);
        String line = outcome.errorLine();
        assertTrue(line.contains("artwork.json") && line.contains("parameters[2].max") && line.contains("number"),
                line);
    }

    @Test
    void shaderCompileErrorNamesFileLineAndDriverMessage() throws IOException {
        Path artwork = copyOfTidewater();
        Path shader = artwork.resolve("tidewater.frag");
        List<String> lines = new ArrayList<>(Files.readAllLines(shader));
        int mainLine = lines.indexOf("void main() {");
        lines.add(mainLine + 1, "    float broken = undeclaredTide * 2.0;");
        Files.write(shader, lines);
        Outcome outcome = vernissage("run", artwork.toString(), "--headless", "--size", "32x18",
                "--frames", "1", "--osc-host", "127.0.0.1", "--osc-port", "0");
        assertEquals(Main.EXIT_FAILURE, outcome.exitCode());
        assertOneCleanLine(outcome);
        String line = outcome.errorLine();
        assertTrue(line.contains("tidewater.frag:" + (mainLine + 2) + ":"), "file and line (" + (mainLine + 2)
                + ") expected in: " + line);
        assertTrue(line.contains("undeclaredTide"), "the driver's message names the identifier: " + line);
    }

    @Test
    void aShaderErrorPrintsTheErrorOnlyWithNoPlayingLineOrStatistics() throws Exception {
        Path artwork = copyOfTidewater();
        Path shader = artwork.resolve("tidewater.frag");
        Files.writeString(shader, Files.readString(shader)
                .replace("void main() {", "void main() {\n    float broken = undeclaredTide * 2.0;"));
        Outcome outcome = launch(List.of(), null, null, "run", artwork.toString(), "--headless", "--size", "32x18",
                "--frames", "1", "--osc-host", "127.0.0.1", "--osc-port", "0");
        assertEquals(Main.EXIT_FAILURE, outcome.exitCode(), outcome.err());
        assertOneCleanLine(outcome);
        assertTrue(outcome.errorLine().contains("undeclaredTide"), outcome.errorLine());
        assertFalse(outcome.out().contains("playing"), "no banner before the artwork is set up:\n" + outcome.out());
        assertFalse(outcome.out().contains("frames "), "no statistics for a run that never played:\n" + outcome.out());
    }

    @Test
    void statsOutsideItsRangeIsAUsageErrorNamingTheRange() {
        for (String seconds : List.of("0.0001", "0", "-1", "NaN", "100000")) {
            Outcome outcome = vernissage("run", TIDEWATER.toString(), "--headless", "--frames", "1",
                    "--osc-host", "127.0.0.1", "--osc-port", "0", "--stats", seconds);
            assertEquals(Main.EXIT_USAGE, outcome.exitCode(), seconds + ": " + outcome.err());
            assertOneCleanLine(outcome);
            String line = outcome.errorLine();
            assertTrue(line.contains("--stats") && line.contains("between 0.1 and 86400 seconds")
                    && line.contains("got " + seconds), line);
        }
    }

    @Test
    void statsAtTheShortestIntervalPlays() {
        Outcome outcome = vernissage("run", TIDEWATER.toString(), "--headless", "--size", "32x18", "--frames", "2",
                "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0", "--stats", "0.1");
        assertEquals(0, outcome.exitCode(), outcome.err());
    }

    @Test
    void placesPerAddressAreCheckedOnce() {
        Outcome zero = vernissage("run", TIDEWATER.toString(), "--phones", "0", "--phones-per-address", "0");
        assertEquals(Main.EXIT_USAGE, zero.exitCode(), zero.err());
        assertTrue(zero.errorLine().contains("--phones-per-address must be 1..50 (the participant limit), got 0"),
                zero.errorLine());
        Outcome noServer = vernissage("run", TIDEWATER.toString(), "--phones-per-address", "8");
        assertEquals(Main.EXIT_USAGE, noServer.exitCode(), noServer.err());
        assertTrue(noServer.errorLine().contains("add --phones"), noServer.errorLine());
    }

    @Test
    void fullscreenFlagsAreCheckedOnce() {
        Outcome negative = vernissage("run", TIDEWATER.toString(), "--fullscreen", "-1");
        assertEquals(Main.EXIT_USAGE, negative.exitCode(), negative.err());
        assertTrue(negative.errorLine().contains("--fullscreen takes a monitor number from 0, got -1"),
                negative.errorLine());
        Outcome headless = vernissage("run", TIDEWATER.toString(), "--fullscreen", "--headless");
        assertEquals(Main.EXIT_USAGE, headless.exitCode(), headless.err());
        assertTrue(headless.errorLine().contains("cannot be combined with --headless"), headless.errorLine());
    }

    @Test
    void captureIntoAnExistingFileSaysAFolderIsExpected() throws IOException {
        Path file = Files.writeString(temp.resolve("frames.png"), "not a folder");
        Outcome outcome = vernissage("run", TIDEWATER.toString(), "--headless", "--size", "32x18", "--frames", "1",
                "--osc-host", "127.0.0.1", "--osc-port", "0", "--capture", file.toString());
        assertEquals(Main.EXIT_FAILURE, outcome.exitCode(), outcome.err());
        assertOneCleanLine(outcome);
        String line = outcome.errorLine();
        assertTrue(line.contains("--capture " + file) && line.contains("is a file, not a folder")
                && line.contains("give a folder"), line);
        assertEquals("not a folder", Files.readString(file), "the file is left alone");
    }

    @Test
    void portInUseIsNamed() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Outcome outcome = vernissage("run", TIDEWATER.toString(), "--headless", "--frames", "1",
                    "--osc-host", "127.0.0.1", "--osc-port", String.valueOf(port));
            assertEquals(Main.EXIT_FAILURE, outcome.exitCode());
            assertOneCleanLine(outcome);
            assertTrue(outcome.errorLine().contains(String.valueOf(port))
                    && outcome.errorLine().contains("in use"), outcome.errorLine());
        }
    }

    @Test
    void badFlagsAreUsageErrors() {
        for (String[] args : List.of(
                new String[] {"run", TIDEWATER.toString(), "--size", "wide"},
                new String[] {"run", TIDEWATER.toString(), "--fps", "-5"},
                new String[] {"run", TIDEWATER.toString(), "--osc-port", "70000"},
                new String[] {"run", TIDEWATER.toString(), "--ring-wait", "fast"},
                new String[] {"run", TIDEWATER.toString(), "--colour"},
                new String[] {"run"})) {
            Outcome outcome = vernissage(args);
            assertEquals(Main.EXIT_USAGE, outcome.exitCode(), String.join(" ", args) + ": " + outcome.err());
            assertOneCleanLine(outcome);
            assertTrue(outcome.err().contains("--help"), outcome.err());
        }
        assertTrue(vernissage("run", TIDEWATER.toString(), "--size", "wide").errorLine().contains("WIDTHxHEIGHT"));
        assertTrue(vernissage("run", TIDEWATER.toString(), "--fps", "-5").errorLine().contains("--fps"));
    }

    @Test
    void verboseAddsTheStackTrace() {
        Outcome outcome = vernissage("run", temp.resolve("nope").toString(), "--headless", "--verbose");
        assertEquals(Main.EXIT_FAILURE, outcome.exitCode());
        assertTrue(outcome.err().contains("\tat "), outcome.err());
    }

    @Test
    void noDisplayForAWindowSaysUseHeadless() throws Exception {
        Outcome outcome = launch(List.of(), "DISPLAY", ":97", "run", TIDEWATER.toString(), "--frames", "1",
                "--osc-host", "127.0.0.1", "--osc-port", "0");
        assertEquals(Main.EXIT_FAILURE, outcome.exitCode(), outcome.err());
        assertOneCleanLine(outcome);
        assertTrue(outcome.errorLine().contains("no display") && outcome.errorLine().contains("--headless"),
                outcome.errorLine());
    }

    @Test
    void noEglSaysWhatToInstall() throws Exception {
        Outcome outcome = launch(List.of("-Dorg.lwjgl.egl.libname=/nonexistent/libEGL.so.1"), null, null,
                "run", TIDEWATER.toString(), "--headless", "--frames", "1", "--osc-host", "127.0.0.1",
                "--osc-port", "0");
        assertEquals(Main.EXIT_FAILURE, outcome.exitCode(), outcome.err());
        assertOneCleanLine(outcome);
        assertTrue(outcome.errorLine().contains("EGL") && outcome.errorLine().contains("apt-get install"),
                outcome.errorLine());
    }

    /** Runs the launcher in a fresh JVM: display and GL libraries are per-process state. */
    private static Outcome launch(List<String> jvmOptions, String envName, String envValue, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"); // Agrona's Unsafe
        command.add("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED"); // the OSC socket's native reads
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (envName != null) {
            builder.environment().put(envName, envValue);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not exit: " + command);
        }
        String out = new String(process.getInputStream().readAllBytes());
        String err = new String(process.getErrorStream().readAllBytes()).lines()
                .filter(line -> !line.startsWith("WARNING:")).reduce("", (a, b) -> a + b + "\n");
        return new Outcome(process.exitValue(), out, err);
    }

    private Path copyOfTidewater() throws IOException {
        Path copy = temp.resolve("tidewater-copy");
        Files.createDirectories(copy);
        for (String file : List.of("artwork.json", "tidewater.frag")) {
            Files.copy(TIDEWATER.resolve(file), copy.resolve(file));
        }
        return copy;
    }
}
