package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs that last weeks: what the run prints and every component's warnings land time-stamped in
 * rotating files that never grow past their count, while the terminal shows the same as without.
 */
class LogFilesTest {

    private static final String STAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z ";

    @TempDir
    Path temp;

    @Test
    void aRunWithALogFolderWritesItsOutputTimeStampedAndTheTerminalIsUnchanged() throws IOException {
        Path logs = temp.resolve("logs");
        String[] common = {"run", "../artworks/tidewater", "--headless", "--size", "32x18", "--frames", "3",
            "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0", "--stats", "60"};
        StringWriter plain = new StringWriter();
        assertEquals(0, Main.execute(common, new PrintWriter(plain, true), new PrintWriter(new StringWriter(), true)));

        StringWriter logged = new StringWriter();
        String[] withLogs = java.util.stream.Stream.concat(java.util.Arrays.stream(common),
                java.util.stream.Stream.of("--log-dir", logs.toString())).toArray(String[]::new);
        assertEquals(0, Main.execute(withLogs, new PrintWriter(logged, true), new PrintWriter(new StringWriter(), true)));

        List<String> printed = logged.toString().lines().toList();
        assertEquals(plain.toString().lines().count(), printed.size(), "the terminal shows as many lines as without");
        List<String> file = Files.readAllLines(logs.resolve("vernissage.0.log"));
        String last = printed.get(printed.size() - 1);
        assertTrue(file.stream().anyMatch(l -> l.matches(STAMP + "INFO output: .*") && l.endsWith(last)),
                "the run's last line, time-stamped, in the log: " + file);
    }

    @Test
    void warningsOfEveryComponentGoToTheFilesAndTheFilesRotateWithinTheirCount() throws IOException {
        Path logs = temp.resolve("rotating");
        StringWriter terminal = new StringWriter();
        try (LogFiles files = LogFiles.open(logs, new PrintWriter(terminal, true), 4096, 3)) {
            System.getLogger("org.vernissage.sensors.osc.SomeReceiver")
                    .log(System.Logger.Level.WARNING, "osc-udp-9000: a malformed packet");
            for (int i = 0; i < 400; i++) {
                files.out().println("statistics line " + i + " with enough text to fill the files quickly");
            }
        }
        assertTrue(Files.exists(logs.resolve("vernissage.0.log")));
        assertTrue(Files.exists(logs.resolve("vernissage.2.log")), "rotated into the third file");
        assertFalse(Files.exists(logs.resolve("vernissage.3.log")), "never more than the count");
        try (var all = Files.list(logs)) {
            assertTrue(all.filter(f -> f.toString().endsWith(".log")).mapToLong(f -> f.toFile().length()).sum()
                    <= 3 * (4096 + 200), "the files stay within count x limit");
        }
        String newest = Files.readString(logs.resolve("vernissage.0.log"));
        assertTrue(newest.contains("statistics line 399"), "the newest file holds the latest line");
        assertEquals(400, terminal.toString().lines().count(), "the terminal got every line, once");
        // after close, nothing more reaches the files
        System.getLogger("later").log(System.Logger.Level.WARNING, "after the run");
        assertFalse(Files.readString(logs.resolve("vernissage.0.log")).contains("after the run"));
    }

    @Test
    void aLogFolderThatCannotBeWrittenIsNamed() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> LogFiles.open(file.resolve("logs"), new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().startsWith("--log-dir " + file.resolve("logs")), e.getMessage());
    }
}
