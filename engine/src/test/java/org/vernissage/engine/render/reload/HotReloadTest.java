package org.vernissage.engine.render.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengl.GL11C.GL_RGBA;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.glReadPixels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.BufferUtils;
import org.vernissage.engine.RecordingLog;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.RenderTarget;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.FragmentShaderArtwork;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.engine.render.HeadlessOutput;
import org.vernissage.engine.render.RealTimePacer;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.RenderMailbox;

/**
 * Hot reload end to end: real files edited while a real render loop runs on a headless GL context
 * at 30 fps, the real watcher, the real mailbox; pixels read from the canvas of every frame.
 */
class HotReloadTest {

    private static final int SIZE = 64;
    private static final double FPS = 30;
    private static final float LEVEL = 0.6f; // published by "the conductor"; the manifest's default is 0.9
    private EglSurfacelessContext context;

    @TempDir
    Path temp;

    /** A context per test, as the app opens one per run. */
    @BeforeEach
    void open() throws Exception {
        context = EglSurfacelessContext.open(SIZE, SIZE);
    }

    @AfterEach
    void close() {
        context.close();
    }

    /** The test shader: red is the parameter, green and blue are the constants an edit changes. */
    private static String shader(String green, String blue) {
        return """
                #version 330 core
                uniform float level;
                out vec4 fragColor;
                void main() { fragColor = vec4(level, %s, %s, 1.0); }
                """.formatted(green, blue);
    }

    private Path folder() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("piece"));
        Files.writeString(folder.resolve(ArtworkManifest.FILE_NAME), """
                {"title": "Reloaded", "artist": "Test", "year": 2026, "description": "Edited by a test.",
                 "shader": "main.frag",
                 "parameters": [{"name": "level", "type": "float", "min": 0, "max": 1, "default": 0.9}]}
                """);
        Files.writeString(folder.resolve("main.frag"), shader("0.25", "0.0"));
        return folder;
    }

    /**
     * The artwork with its hot reload, as the app wires them: the reload starts once the artwork
     * is set up and is closed before the artwork is disposed (programs the build thread made must
     * not be deleted by the render context while the build context lives).
     */
    private static final class Reloading implements Artwork {
        private final FragmentShaderArtwork artwork;
        private final RenderMailbox mailbox;
        private final HotReload.Settings settings;
        private final RecordingLog log;
        private final Optional<Path> warmFrom; // the folder a cache warmer makes fresh instances from
        HotReload reload;
        Reloading(FragmentShaderArtwork artwork, RenderMailbox mailbox, HotReload.Settings settings, RecordingLog log,
                  Optional<Path> warmFrom) {
            this.artwork = artwork;
            this.mailbox = mailbox;
            this.settings = settings;
            this.log = log;
            this.warmFrom = warmFrom;
        }

        @Override
        public void setup(RenderTarget target) throws ArtworkException {
            artwork.setup(target);
            Optional<ProgramCacheWarmer> warmer = Optional.empty();
            if (warmFrom.isPresent()) {
                ArtworkManifest manifest = ManifestLoader.load(warmFrom.get());
                warmer = Optional.of(ProgramCacheWarmer.headlessEgl(() -> {
                    ArtworkManifest edited = ManifestLoader.load(warmFrom.get());
                    return new FragmentShaderArtwork(edited, manifest.layout());
                }, manifest.layout(), target.width(), target.height(), target.format(), log));
            }
            reload = HotReload.start(artwork, mailbox, settings, log, warmer);
        }

        @Override
        public void update(FrameInfo frame, ParameterSnapshot parameters) {
            artwork.update(frame, parameters);
        }

        @Override
        public void render(FrameInfo frame, RenderTarget target) {
            artwork.render(frame, target);
        }

        @Override
        public void dispose() {
            if (reload != null) {
                reload.close();
            }
            artwork.dispose();
        }
    }

    /** One frame as the test saw it. */
    private record Seen(long index, long atNanos, int red, int green, int blue) {
    }

    /** A script of steps, each run on the render thread once the previous one's condition holds. */
    private static final class Script implements FrameListener {
        private final List<BooleanSupplier> steps = new ArrayList<>();
        private final List<Seen> seen = new ArrayList<>();
        private final ByteBuffer pixel = BufferUtils.createByteBuffer(4);
        private RenderLoop loop;
        private int step;

        Script then(BooleanSupplier stepDoneWhen) {
            steps.add(stepDoneWhen);
            return this;
        }

        @Override
        public void onFrame(FrameInfo frame, ParameterSnapshot parameters, Framebuffer image) {
            image.bind();
            glReadPixels(SIZE / 2, SIZE / 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);
            seen.add(new Seen(frame.index(), System.nanoTime(), pixel.get(0) & 0xff, pixel.get(1) & 0xff,
                    pixel.get(2) & 0xff));
            if (step < steps.size() && steps.get(step).getAsBoolean()) {
                step++;
            }
            if (step == steps.size()) {
                loop.requestStop();
            }
        }

        Seen last() {
            return seen.get(seen.size() - 1);
        }
    }

    /** The editor: another thread (another process, in a gallery), so the render thread never waits on the disk. */
    private static final ExecutorService EDITOR = Executors.newSingleThreadExecutor(run -> {
        Thread thread = new Thread(run, "hot-reload-test-editor");
        thread.setDaemon(true);
        return thread;
    });

    private static void write(Path file, String text) {
        EDITOR.execute(() -> {
            try {
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** An editor's safe save: a temporary file beside the original, renamed over it. */
    private static void writeThroughRename(Path file, String text) {
        EDITOR.execute(() -> {
            try {
                Path tmp = file.resolveSibling("." + file.getFileName() + ".swp");
                Files.writeString(tmp, text);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static int byteOf(double value) {
        return (int) Math.round(value * 255);
    }

    private static boolean shows(Seen frame, double green, double blue) {
        return Math.abs(frame.red() - byteOf(LEVEL)) <= 1 && Math.abs(frame.green() - byteOf(green)) <= 1
                && Math.abs(frame.blue() - byteOf(blue)) <= 1;
    }

    @Test
    void editsShowInTheNextFramesAnErrorKeepsTheLastGoodImageAndAFixRecovers() throws Exception {
        editBreakAndFix(false);
    }

    /**
     * The same edits with a cache warmer: each save is first built and drawn in the warmer's own
     * context on the watcher's thread; what the wall shows, what is reported and the parameter's
     * value are the same as without it. The broken saves fail in the warmer too, silently: the
     * render thread's reload reports them, once. The warmer's context is closed with the reload.
     */
    @Test
    void withACacheWarmerTheSameEditsShowTheBrokenOnesAreReportedOnceAndItsContextIsClosed() throws Exception {
        Reloading reloading = editBreakAndFix(true);
        ProgramCacheWarmer warmer = reloading.reload.warmer().orElseThrow();
        // four settled saves: two good ones warmed, two broken ones failed in the warmer
        assertEquals(2, warmer.warmUps(), warmer.describe());
        assertEquals(2, warmer.failures(), warmer.describe());
        assertFalse(warmer.contextOpen(), "the warm context is closed with the reload");
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(thread -> thread.getName().equals(HotReload.THREAD_NAME) && thread.isAlive()),
                "no watcher (warmer) thread is left");
        System.out.println("HotReloadTest with a warmer: " + warmer.describe());
    }

    private Reloading editBreakAndFix(boolean warm) throws Exception {
        Path folder = folder();
        Path main = folder.resolve("main.frag");
        ArtworkManifest manifest = ManifestLoader.load(folder);
        FragmentShaderArtwork artwork = new FragmentShaderArtwork(manifest, manifest.layout());
        SnapshotExchange exchange = new SnapshotExchange(new float[] {LEVEL});
        RecordingLog log = new RecordingLog();
        RenderMailbox mailbox = new RenderMailbox();
        Script script = new Script();
        RealTimePacer pacer = new RealTimePacer(new SystemClock(), FPS);
        Reloading reloading = new Reloading(artwork, mailbox, HotReload.Settings.DEFAULT, log,
                warm ? Optional.of(folder) : Optional.empty());
        RenderLoop loop = RenderLoop.builder(context, reloading, exchange, pacer, SIZE, SIZE).stats(new FrameStats())
                .mailbox(mailbox).listeners(List.of(script)).output(new HeadlessOutput()).build();
        script.loop = loop;
        long[] mark = new long[4];
        long[] droppedBefore = new long[1];
        int[] firstEdit = new int[1];
        script
                // 1. the first frames show the program as loaded; then the artist saves in place
                .then(() -> {
                    if (script.seen.size() < 5) {
                        return false;
                    }
                    assertTrue(shows(script.last(), 0.25, 0.0), "as loaded: " + script.last());
                    droppedBefore[0] = pacer.droppedFrames(); // the first frames may warm the JVM up
                    firstEdit[0] = script.seen.size();
                    write(main, shader("0.75", "0.5"));
                    return true;
                })
                // 2. the new program is on the wall; the artist makes a typo on line 4
                .then(() -> {
                    if (!shows(script.last(), 0.75, 0.5)) {
                        return false;
                    }
                    mark[0] = script.last().index();
                    write(main, shader("0.75", "0.5").replace("void main() {", "void main() { oops"));
                    return true;
                })
                // 3. the build fails; the artist saves the same typo again
                .then(() -> {
                    if (reloading.reload.report().failures() < 1) {
                        return false;
                    }
                    mark[1] = script.last().index();
                    write(main, shader("0.75", "0.5").replace("void main() {", "void main() { oops") + "\n");
                    return true;
                })
                // 4. failed twice, logged once; the fix is saved the safe way (temp file + rename)
                .then(() -> {
                    if (reloading.reload.report().failures() < 2) {
                        return false;
                    }
                    mark[2] = script.last().index();
                    writeThroughRename(main, shader("1.0", "0.25"));
                    return true;
                })
                // 5. recovered; a few quiet frames more to see that the rename was one reload
                .then(() -> {
                    if (!shows(script.last(), 1.0, 0.25)) {
                        return false;
                    }
                    if (mark[3] == 0) {
                        mark[3] = script.last().index();
                    }
                    return script.last().index() >= mark[3] + 15; // 0.5 s, more than the debounce
                });
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(60_000);
                loop.requestStop();
            } catch (InterruptedException e) {
                // the test ended first
            }
        }, "hot-reload-test-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            loop.run(0);
        } finally {
            watchdog.interrupt();
        }
        HotReload[] reload = {reloading.reload};

        assertEquals(5, script.step, "every step was reached; frames seen: " + script.seen.size()
                + ", report: " + reloading.reload.report().describe() + ", log: " + log.lines());
        ReloadReport report = reloading.reload.report();
        assertEquals(2, report.reloads(), report.describe());
        assertEquals(2, report.failures(), report.describe());
        assertNull(report.failing(), "recovered");
        List<String> warnings = log.at(Level.WARNING);
        assertEquals(1, warnings.size(), "the same error, saved twice, is logged once: " + warnings);
        assertTrue(warnings.get(0).contains("main.frag:4"), "names the file and line: " + warnings.get(0));
        assertTrue(warnings.get(0).contains("the last good program stays on the wall"), warnings.get(0));
        assertEquals(1, log.at(Level.INFO, "builds again").size(), "the recovery is said: " + log.lines());
        for (Seen frame : script.seen) {
            if (frame.index() >= mark[0] && frame.index() <= mark[2]) {
                assertTrue(shows(frame, 0.75, 0.5), "while the file is broken, the last good image stays: " + frame);
            }
            assertEquals(byteOf(LEVEL), frame.red(), 1, "the parameter's value survives every reload: " + frame);
        }
        assertEquals(0, mailbox.failed());
        // The frame that takes a reload pays for it (the build runs on the render thread; see
        // HotReload for why): measured and printed, with the frames dropped after the first edit.
        // The pause covers the build of each save, failed ones included.
        assertTrue(report.longestRenderThreadPauseNanos() > 0, report.describe());
        System.out.println("HotReloadTest: " + report.describe() + "; frames dropped after the first edit: "
                + (pacer.droppedFrames() - droppedBefore[0]) + "; frame intervals (ms) from the first edit on: "
                + intervals(script.seen.subList(firstEdit[0] - 1, script.seen.size())));
        return reloading;
    }

    private static List<Long> intervals(List<Seen> seen) {
        List<Long> millis = new ArrayList<>();
        for (int i = 1; i < seen.size(); i++) {
            millis.add((seen.get(i).atNanos() - seen.get(i - 1).atNanos()) / 1_000_000);
        }
        return millis;
    }
}
