package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.FrameListener;

/**
 * What a technician reads in the statistics when something went wrong and the show went on: a run
 * of the bundled artwork with a real headless GL context, a real (tiny) disk and a real audio file.
 * (The OSC TCP messages line: {@code SensorWiringTest}.)
 */
class RunStatisticsTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");

    @TempDir
    Path temp;

    @Test
    void aCaptureOntoAFullDiskStopsAndSaysWhyWhileTheRunEndsWell() throws Exception {
        Path disk = Files.createDirectories(temp.resolve("tiny-disk"));
        assumeTrue(command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString()),
                "cannot mount a 64 KiB tmpfs here (not root, or not permitted)");
        try {
            Path frames = disk.resolve("frames");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.execute(new String[] {"run", TIDEWATER.toString(), "--headless", "--size", "64x36",
                    "--frames", "120", "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0",
                    "--capture", frames.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));

            assertEquals(0, exit, err.toString());
            String statistics = out.toString();
            String stopped = statistics.lines().filter(l -> l.contains("capture stopped")).findFirst()
                    .orElseThrow(() -> new AssertionError("no stopped-capture line in:\n" + statistics));
            assertTrue(stopped.contains("No space left on device") && stopped.contains(frames.toString())
                    && stopped.contains("frame-"), stopped);
            long written = Long.parseLong(statistics.replaceAll("(?s).*\\n  (\\d+) frames captured.*", "$1"));
            long skipped = Long.parseLong(stopped.replaceAll(".*; (\\d+) later frames rendered without being captured",
                    "$1"));
            assertTrue(written > 0 && skipped > 0, stopped);
            // Neither written nor skipped: the frame that failed and those queued behind it in the
            // capture's three buffers when it failed.
            long inFlight = 120 - written - skipped;
            assertTrue(inFlight >= 1 && inFlight <= 3, "written " + written + ", skipped " + skipped);
            assertTrue(statistics.contains("frames 120,"), statistics);
        } finally {
            command("umount", disk.toString());
        }
    }

    @Test
    void anOutputThatFailsIsCountedInTheStatisticsAndTheOthersGoOn() throws Exception {
        int[] seen = new int[1];
        FrameListener broken = (frame, parameters, image) -> {
            throw new IllegalStateException("preview peer went away");
        };
        FrameListener counting = (frame, parameters, image) -> seen[0]++;
        RunOptions options = RunOptions.defaults(TIDEWATER).withSize(new FrameSize(32, 18)).withFramesPerSecond(0)
                .withFrames(30).withSensors(SensorOptions.defaults().withOsc(List.of()));
        BackgroundRun playing = BackgroundRun.start(options, List.of(broken, counting));
        playing.awaitEnd(30);
        assertEquals(30, seen[0], "the next output got every frame");
        String statistics = playing.console();
        assertTrue(statistics.contains("frames failed to present (the other outputs and the show went on)"),
                statistics);
        assertTrue(statistics.lines().anyMatch(
                l -> l.matches("  output frame listener .*: 30 frames failed to present.*")), statistics);
    }

    @Test
    void anAudioFileThatCannotBeReopenedToLoopEndsItsAgentAndTheStatisticsSaySo() throws Exception {
        Path wav = SensorWiringTest.silentWav(temp.resolve("room.wav"));
        RunOptions options = RunOptions.defaults(TIDEWATER).withSize(new FrameSize(32, 18))
                .withSensors(SensorOptions.defaults().withOsc(List.of()).withAudioFile(wav));
        try (BackgroundRun playing = BackgroundRun.start(options, List.of())) {
            ArtworkRun run = playing.run();
            assertEquals(List.of(), run.report().lines(), "a healthy audio input adds no line");
            Files.delete(wav); // at the end of its one second the file cannot be opened again to loop
            Await.until(() -> !run.report().lines().isEmpty(), "the audio agent's line");
            RunReport report = run.report();
            assertEquals(List.of("audio " + wav + ": agent ended"), report.lines(),
                    report.describe());
            assertTrue(report.describe().contains(", lost 1, reconnected 0"), report.describe());
        }
    }

    private static boolean command(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
