package org.vernissage.bench.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.FragmentShaderArtwork;
import org.vernissage.engine.render.FrameListenerOutput;
import org.vernissage.engine.render.FramePacer;
import org.vernissage.engine.render.GlContext;
import org.vernissage.engine.render.GlfwWindowContext;
import org.vernissage.engine.render.RealTimePacer;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.RenderMailbox;
import org.vernissage.engine.render.RenderTarget;
import org.vernissage.engine.render.reload.GlDriver;
import org.vernissage.engine.render.reload.HotReload;
import org.vernissage.engine.render.reload.ProgramCacheWarmer;

/**
 * The frame times of artworks/tidewater (a copy) during hot reloads against steady state, without
 * and with the cache warmer ({@link ProgramCacheWarmer}), in the same run: rounds alternate
 * (without, with, without, with, ...), each a real render loop and context of its own, paced in
 * real time, headless, the real watcher and mailbox. The shader's last line is edited every
 * {@code gap} frames from another thread, as an editor would, with a new constant each time across
 * every round, so no shader cache can answer from an earlier save. A frame's time is from the
 * pacer's release to the end of its last output (the mailbox drain, where the whole reload runs,
 * the draw, and {@code glFinish}); a frame is "in a reload" from the save to 30 frames after the
 * reload is reported. The reload itself always runs on the render thread (see HotReload for why);
 * with the warmer, each save is first built and drawn in the warmer's own context on the watcher's
 * thread. Mesa's disk cache is as the environment sets it (bench/run-reload.sh: a fresh folder).
 * With {@code --window} each round renders in a GLFW window on the display {@code DISPLAY} names
 * (GLX; the script starts Xvfb when none is set), the frame presented to it, and the warmer's EGL
 * context sits beside the window's, checked against its driver, as the app wires a windowed run.
 *
 * <p>Usage: {@code HotReloadFrameTimes [--window] [WxH] [fps] [reloads per round] [rounds]};
 * defaults headless, 160x90, 60, 4, 4.
 */
public final class HotReloadFrameTimes {

    private static final int WINDOW_AFTER = 30;
    private static final String LAST_LINE = "    fragColor = vec4(color, 1.0);";

    private HotReloadFrameTimes() {
    }

    public static void main(String[] arguments) throws Exception {
        boolean window = arguments.length > 0 && arguments[0].equals("--window");
        String[] args = window ? Arrays.copyOfRange(arguments, 1, arguments.length) : arguments;
        String[] size = (args.length > 0 ? args[0] : "160x90").split("x");
        int width = Integer.parseInt(size[0]);
        int height = Integer.parseInt(size[1]);
        double fps = args.length > 1 ? Double.parseDouble(args[1]) : 60;
        int reloads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        System.out.printf(Locale.ROOT, "tidewater %dx%d at %.0f fps %s, %d rounds of %d reloads, alternating without"
                + " and with the cache warmer; MESA_SHADER_CACHE_DIR=%s, MESA_SHADER_CACHE_DISABLE=%s%n", width, height,
                fps, window ? "in a window on DISPLAY=" + System.getenv("DISPLAY") : "headless", rounds, reloads,
                System.getenv("MESA_SHADER_CACHE_DIR"), System.getenv("MESA_SHADER_CACHE_DISABLE"));
        Path folder = copyOfTidewater();
        Path shader = folder.resolve("tidewater.frag");
        String original = Files.readString(shader);
        Editor editor = new Editor(shader, original);
        Frames[] byWay = {new Frames(), new Frames()};
        try {
            for (int round = 0; round < rounds; round++) {
                boolean warm = round % 2 == 1;
                Files.writeString(shader, original); // each round starts from the piece as it is
                Frames frames = run(folder, editor, width, height, fps, reloads, warm, window);
                byWay[warm ? 1 : 0].add(frames);
                frames.print(String.format(Locale.ROOT, "round %d, %s", round + 1, way(warm)));
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
        System.out.println("all rounds:");
        byWay[0].print(way(false));
        byWay[1].print(way(true));
        System.out.printf(Locale.ROOT, "p99 in a reload, with the warmer / without: %.3f%n",
                percentile(byWay[1].during, 99) / percentile(byWay[0].during, 99));
    }

    private static String way(boolean warm) {
        return warm ? "warmed off the render thread first" : "reload on the render thread alone";
    }

    /** The frames of one or more rounds: steady, in a reload, dropped, and the reloads' own reports. */
    private static final class Frames {
        final List<Long> steady = new ArrayList<>();
        final List<Long> during = new ArrayList<>();
        final List<String> reports = new ArrayList<>();
        long steadyDropped;
        long droppedDuring;

        void add(Frames round) {
            steady.addAll(round.steady);
            during.addAll(round.during);
            reports.addAll(round.reports);
            steadyDropped += round.steadyDropped;
            droppedDuring += round.droppedDuring;
        }

        void print(String way) {
            double p99s = percentile(steady, 99);
            double p99d = percentile(during, 99);
            System.out.printf(Locale.ROOT, "%s:%n", way);
            for (String report : reports) {
                System.out.printf(Locale.ROOT, "  %s%n", report);
            }
            System.out.printf(Locale.ROOT, "  steady       %4d frames: p50 %6.2f ms, p99 %6.2f ms, max %7.2f ms, dropped %d%n",
                    steady.size(), percentile(steady, 50), p99s, max(steady), steadyDropped);
            System.out.printf(Locale.ROOT, "  in a reload  %4d frames: p50 %6.2f ms, p99 %6.2f ms, max %7.2f ms, dropped %d%n",
                    during.size(), percentile(during, 50), p99d, max(during), droppedDuring);
            System.out.printf(Locale.ROOT, "  p99 ratio (reload / steady): %.2f%n", p99d / p99s);
        }
    }

    private static Frames run(Path folder, Editor editor, int width, int height, double fps, int reloads,
                              boolean warm, boolean window) throws Exception {
        ArtworkManifest manifest = ManifestLoader.load(folder);
        float[] values = new float[manifest.layout().slotCount()];
        manifest.layout().copyDefaultsInto(values);
        int steadyFrames = (int) (fps * 5);
        int gap = (int) (fps * 2);
        int frames = steadyFrames + reloads * gap + gap; // the last reload has a gap to finish in too
        long[] start = new long[frames + 1];
        long[] took = new long[frames + 1];
        long[] reloadedBy = new long[frames + 1];
        long[] dropped = new long[frames + 1];
        GlContext context = window ? GlfwWindowContext.open("hot reload bench", width, height, -1)
                : EglSurfacelessContext.open(width, height);
        try {
            RenderMailbox mailbox = new RenderMailbox();
            FragmentShaderArtwork artwork = new FragmentShaderArtwork(manifest, manifest.layout());
            Optional<ProgramCacheWarmer.ArtworkFactory> fresh = warm
                    ? Optional.of(() -> new FragmentShaderArtwork(ManifestLoader.load(folder), manifest.layout()))
                    : Optional.empty();
            Reloading reloading = new Reloading(artwork, mailbox, HotReload.Settings.DEFAULT, fresh, manifest, window);
            RealTimePacer real = new RealTimePacer(new SystemClock(), fps);
            FramePacer pacer = new FramePacer() {
                @Override
                public long awaitFrame(long frameIndex) {
                    long at = real.awaitFrame(frameIndex);
                    start[(int) frameIndex] = System.nanoTime();
                    return at;
                }

                @Override
                public long nextFrameNanos() {
                    return real.nextFrameNanos();
                }

                @Override
                public long droppedFrames() {
                    return real.droppedFrames();
                }
            };
            RenderLoop loop = RenderLoop.builder(context, reloading, new SnapshotExchange(values), pacer, width, height)
                    .mailbox(mailbox).output(RenderLoop.presentOutput(context))
                    .output(FrameListenerOutput.of("frame-time probe", (frame, parameters, image) -> {
                        int i = (int) frame.index();
                        took[i] = System.nanoTime() - start[i];
                        reloadedBy[i] = reloading.reload.report().reloads() + reloading.reload.report().failures();
                        dropped[i] = real.droppedFrames();
                        if (i >= steadyFrames && (i - steadyFrames) % gap == 0 && (i - steadyFrames) / gap < reloads) {
                            editor.save();
                        }
                    })).build();
            loop.run(frames);
            editor.thread.join();
            Frames seen = frames(took, reloadedBy, dropped, steadyFrames, gap, reloads, frames);
            seen.reports.add(reloading.reload.report().describe());
            reloading.reload.warmer().ifPresent(warmer -> seen.reports.add("hot reload: " + warmer.describe()));
            return seen;
        } finally {
            context.close();
        }
    }

    private static Frames frames(long[] took, long[] reloadedBy, long[] dropped, int steadyFrames, int gap,
                                 int reloads, int frames) {
        Frames seen = new Frames();
        // steady: the frames before the first save, after a second of warming up
        for (int i = steadyFrames / 5; i < steadyFrames; i++) {
            seen.steady.add(took[i]);
        }
        for (int k = 0; k < reloads; k++) {
            int saved = steadyFrames + k * gap;
            int reloaded = saved;
            while (reloaded < frames - 1 && reloadedBy[reloaded] <= k) {
                reloaded++;
            }
            int end = Math.min(frames - 1, reloaded + WINDOW_AFTER);
            for (int i = saved + 1; i <= end; i++) {
                seen.during.add(took[i]);
            }
            seen.droppedDuring += dropped[end] - dropped[saved];
        }
        seen.steadyDropped = dropped[steadyFrames - 1] - dropped[steadyFrames / 5];
        return seen;
    }

    private static double percentile(List<Long> nanos, int p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int at = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, at))] / 1e6;
    }

    private static double max(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }

    private static Path copyOfTidewater() throws IOException {
        Path source = Path.of("artworks/tidewater");
        Path copy = Files.createTempDirectory("vernissage-reload-bench");
        for (String name : new String[] {"artwork.json", "tidewater.frag"}) {
            Files.copy(source.resolve(name), copy.resolve(name));
        }
        return copy;
    }

    /** The editor: saves from its own thread, each time with a constant no shader cache has seen. */
    private static final class Editor {
        private final Path shader;
        private final String original;
        private Thread thread = new Thread(() -> { });
        private int saves; // across every round: each save's constant is new to the cache

        Editor(Path shader, String original) {
            this.shader = shader;
            this.original = original;
            if (!original.contains(LAST_LINE)) {
                throw new IllegalStateException(shader + " no longer has the line the benchmark edits: " + LAST_LINE);
            }
        }

        void save() {
            int k = ++saves;
            String edited = original.replace(LAST_LINE, String.format(Locale.ROOT,
                    "    fragColor = vec4(color * %.6f, 1.0);", 1.0 - k * 1e-4));
            thread = new Thread(() -> {
                try {
                    Files.writeString(shader, edited);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "bench-editor");
            thread.start();
        }
    }

    /** The artwork with its reload, started after set-up and closed before disposal, as the app does. */
    private static final class Reloading implements Artwork {
        private final FragmentShaderArtwork artwork;
        private final RenderMailbox mailbox;
        private final HotReload.Settings settings;
        private final Optional<ProgramCacheWarmer.ArtworkFactory> fresh;
        private final ArtworkManifest manifest;
        private final boolean window;
        HotReload reload;

        Reloading(FragmentShaderArtwork artwork, RenderMailbox mailbox, HotReload.Settings settings,
                  Optional<ProgramCacheWarmer.ArtworkFactory> fresh, ArtworkManifest manifest, boolean window) {
            this.window = window;
            this.artwork = artwork;
            this.mailbox = mailbox;
            this.settings = settings;
            this.fresh = fresh;
            this.manifest = manifest;
        }

        @Override
        public void setup(RenderTarget target) throws ArtworkException {
            artwork.setup(target);
            Logger quiet = System.getLogger("vernissage.bench.reload");
            // As the app wires a run: the warmer draws at the canvas's size and format; beside a
            // window's context, only on its driver.
            Optional<ProgramCacheWarmer> warmer = fresh.map(factory -> window
                    ? ProgramCacheWarmer.headlessEglBeside(GlDriver.ofCurrentContext(), factory, manifest.layout(),
                            target.width(), target.height(), target.format(), quiet)
                    : ProgramCacheWarmer.headlessEgl(factory, manifest.layout(), target.width(), target.height(),
                            target.format(), quiet));
            reload = HotReload.start(artwork, mailbox, settings, quiet, warmer);
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
            reload.close();
            artwork.dispose();
        }
    }
}
