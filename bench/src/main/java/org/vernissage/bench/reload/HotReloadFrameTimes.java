package org.vernissage.bench.reload;

import static org.lwjgl.opengl.GL11C.glFinish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import org.vernissage.engine.render.HeadlessOutput;
import org.vernissage.engine.render.RealTimePacer;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.RenderMailbox;
import org.vernissage.engine.render.RenderTarget;
import org.vernissage.engine.render.reload.HotReload;

/**
 * The frame times of artworks/tidewater (a copy) during hot reloads against steady state, in the
 * same run: a real render loop paced in real time, headless, the real watcher and mailbox; the
 * shader's last line is edited (a new constant each time, so no shader cache can answer) every
 * {@code gap} frames from another thread, as an editor would. A frame's time is from the pacer's
 * release to the end of its last output (the mailbox drain, where the swap or the whole reload
 * runs, the draw, and {@code glFinish}); a frame is "in a reload" from the save to 30 frames after
 * the reload is reported. The whole reload runs on the render thread (see HotReload for why).
 *
 * <p>Usage: {@code HotReloadFrameTimes [WxH] [fps] [reloads]}; defaults 160x90, 60, 8.
 */
public final class HotReloadFrameTimes {

    private static final int WINDOW_AFTER = 30;
    private static final String LAST_LINE = "    fragColor = vec4(color, 1.0);";

    private HotReloadFrameTimes() {
    }

    public static void main(String[] args) throws Exception {
        String[] size = (args.length > 0 ? args[0] : "160x90").split("x");
        int width = Integer.parseInt(size[0]);
        int height = Integer.parseInt(size[1]);
        double fps = args.length > 1 ? Double.parseDouble(args[1]) : 60;
        int reloads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        System.out.printf(Locale.ROOT, "tidewater %dx%d at %.0f fps, %d reloads%n", width, height, fps, reloads);
        run(width, height, fps, reloads);
    }

    private static void run(int width, int height, double fps, int reloads) throws Exception {
        Path folder = copyOfTidewater();
        Path shader = folder.resolve("tidewater.frag");
        String original = Files.readString(shader);
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
        EglSurfacelessContext context = EglSurfacelessContext.open(width, height);
        try {
            RenderMailbox mailbox = new RenderMailbox();
            FragmentShaderArtwork artwork = new FragmentShaderArtwork(manifest, manifest.layout());
            Reloading reloading = new Reloading(artwork, mailbox, HotReload.Settings.DEFAULT);
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
            Editor editor = new Editor(shader, original);
            RenderLoop loop = RenderLoop.builder(context, reloading, new SnapshotExchange(values), pacer, width, height)
                    .mailbox(mailbox).output(new HeadlessOutput())
                    .output(FrameListenerOutput.of("frame-time probe", (frame, parameters, image) -> {
                        int i = (int) frame.index();
                        took[i] = System.nanoTime() - start[i];
                        reloadedBy[i] = reloading.reload.report().reloads() + reloading.reload.report().failures();
                        dropped[i] = real.droppedFrames();
                        if (i >= steadyFrames && (i - steadyFrames) % gap == 0 && (i - steadyFrames) / gap < reloads) {
                            editor.save((i - steadyFrames) / gap + 1);
                        }
                    })).build();
            loop.run(frames);
            editor.thread.join();
            report("reload on the render thread", reloading.reload, took, reloadedBy, dropped, steadyFrames, gap, reloads, frames);
        } finally {
            context.close();
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void report(String way, HotReload reload, long[] took, long[] reloadedBy, long[] dropped,
                               int steadyFrames, int gap, int reloads, int frames) {
        List<Long> steady = new ArrayList<>();
        List<Long> during = new ArrayList<>();
        // steady: the frames before the first save, after a second of warming up
        for (int i = steadyFrames / 5; i < steadyFrames; i++) {
            steady.add(took[i]);
        }
        long droppedDuring = 0;
        for (int k = 0; k < reloads; k++) {
            int saved = steadyFrames + k * gap;
            int reloaded = saved;
            while (reloaded < frames - 1 && reloadedBy[reloaded] <= k) {
                reloaded++;
            }
            int end = Math.min(frames - 1, reloaded + WINDOW_AFTER);
            for (int i = saved + 1; i <= end; i++) {
                during.add(took[i]);
            }
            droppedDuring += dropped[end] - dropped[saved];
        }
        long steadyDropped = dropped[steadyFrames - 1] - dropped[steadyFrames / 5];
        double p50s = percentile(steady, 50);
        double p99s = percentile(steady, 99);
        double p50d = percentile(during, 50);
        double p99d = percentile(during, 99);
        System.out.printf(Locale.ROOT, "%s: %s%n", way, reload.report().describe());
        System.out.printf(Locale.ROOT, "  steady       %4d frames: p50 %6.2f ms, p99 %6.2f ms, max %7.2f ms, dropped %d%n",
                steady.size(), p50s, p99s, max(steady), steadyDropped);
        System.out.printf(Locale.ROOT, "  in a reload  %4d frames: p50 %6.2f ms, p99 %6.2f ms, max %7.2f ms, dropped %d%n",
                during.size(), p50d, p99d, max(during), droppedDuring);
        System.out.printf(Locale.ROOT, "  p99 ratio (reload / steady): %.2f%n", p99d / p99s);
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

        Editor(Path shader, String original) {
            this.shader = shader;
            this.original = original;
            if (!original.contains(LAST_LINE)) {
                throw new IllegalStateException(shader + " no longer has the line the benchmark edits: " + LAST_LINE);
            }
        }

        void save(int k) {
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
        HotReload reload;

        Reloading(FragmentShaderArtwork artwork, RenderMailbox mailbox, HotReload.Settings settings) {
            this.artwork = artwork;
            this.mailbox = mailbox;
            this.settings = settings;
        }

        @Override
        public void setup(RenderTarget target) throws ArtworkException {
            artwork.setup(target);
            Logger quiet = System.getLogger("vernissage.bench.reload");
            reload = HotReload.start(artwork, mailbox, settings, quiet);
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
