package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lwjgl.opengl.GL11C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL11C.glClear;
import static org.lwjgl.opengl.GL11C.glClearColor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.RecordingLog;
import org.vernissage.engine.artwork.FrameInfo;

/**
 * Capture into real folders from a real (headless) framebuffer, the test playing the render
 * thread: every frame lands as a PNG; and a disk that fills up (a 64 KiB tmpfs mounted for the
 * test) stops the capture with one line naming the file and the cause, while frames keep coming.
 */
class PngFrameCaptureTest {

    private static final org.vernissage.engine.provenance.Provenance PROVENANCE =
            org.vernissage.engine.provenance.Provenance.plain("test", "the suite", "test");


    private static final int SIZE = 32;

    @RegisterExtension
    static final HeadlessGl GL = new HeadlessGl(SIZE);

    @TempDir
    Path temp;

    private final RecordingLog log = new RecordingLog();

    @Test
    void everyFrameIsWrittenAsANumberedPng() throws Exception {
        Path folder = temp.resolve("frames");
        try (Framebuffer image = new Framebuffer(SIZE, SIZE)) {
            PngFrameCapture capture = new PngFrameCapture(folder, SIZE, SIZE, PROVENANCE, log);
            render(capture, image, 10);
            capture.close();
            assertEquals(10, capture.framesWritten());
            assertEquals(0, capture.failures());
            assertNull(capture.failure());
            RgbaImage last = RgbaImage.readPng(folder.resolve("frame-000009.png"));
            assertEquals(SIZE, last.width());
        }
    }

    @Test
    void aFullDiskStopsTheCaptureOnceWithItsCauseAndTheFramesGoOn() throws Exception {
        Path disk = Files.createDirectories(temp.resolve("tiny-disk"));
        assumeTrue(mountTinyTmpfs(disk), "cannot mount a 64 KiB tmpfs here (not root, or not permitted)");
        try (Framebuffer image = new Framebuffer(SIZE, SIZE)) {
            Path folder = disk.resolve("frames");
            PngFrameCapture capture = new PngFrameCapture(folder, SIZE, SIZE, PROVENANCE, log);
            int frames = 200; // 4 KiB a file at least on tmpfs: the disk is full after about 16
            long start = System.nanoTime();
            render(capture, image, frames);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            capture.close(); // does not throw: the failure was reported when it happened

            assertEquals(1, capture.failures());
            assertTrue(capture.framesWritten() > 0 && capture.framesWritten() < frames, "written "
                    + capture.framesWritten());
            assertTrue(capture.framesSkipped() > 0, "later frames rendered on without capture");
            assertEquals(frames, capture.framesWritten() + capture.failures() + capture.framesSkipped(),
                    "every frame counted once: written, failed, or skipped (the ones queued at the failure too)");
            assertTrue(capture.failure().contains("No space left on device"), capture.failure());
            assertTrue(capture.failure().contains(folder.toString()) && capture.failure().contains("frame-"),
                    capture.failure());
            assertEquals(1, log.at(System.Logger.Level.WARNING).size(), () -> log.lines().toString());
            assertTrue(log.at(System.Logger.Level.WARNING).get(0).contains("No space left on device"), log.at(System.Logger.Level.WARNING).get(0));
            assertTrue(tookMillis < 10_000, frames + " frames took " + tookMillis + " ms");
            try (Stream<Path> files = Files.list(folder)) {
                assertEquals(capture.framesWritten(), files.count(), "no truncated file left behind");
            }
        } finally {
            unmount(disk);
        }
    }

    /** The test's render loop: clear to a colour that changes per frame, hand the frame on. */
    private static void render(PngFrameCapture capture, Framebuffer image, int frames) {
        FrameInfo frame = new FrameInfo();
        for (int i = 0; i < frames; i++) {
            image.bind();
            glClearColor((i % 7) / 7f, (i % 5) / 5f, (i % 3) / 3f, 1f);
            glClear(GL_COLOR_BUFFER_BIT);
            frame.set(i, i / 60.0, 1 / 60.0, SIZE, SIZE);
            capture.onFrame(frame, null, image);
        }
    }

    private static boolean mountTinyTmpfs(Path where) throws InterruptedException {
        return run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", where.toString());
    }

    private static void unmount(Path where) throws InterruptedException {
        run("umount", where.toString());
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
