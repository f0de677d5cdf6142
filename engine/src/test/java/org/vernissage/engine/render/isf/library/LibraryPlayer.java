package org.vernissage.engine.render.isf.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.FrameGrabber;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.RgbaImage;
import org.vernissage.engine.render.SteppedPacer;
import org.vernissage.engine.render.isf.IsfArtwork;
import org.vernissage.engine.artwork.IsfParameters;
import org.vernissage.shaders.isf.IsfDocument;
import org.vernissage.shaders.isf.IsfInput;
import org.vernissage.shaders.isf.IsfLoader;

/**
 * Plays a file of the shader library as the app would (an {@link IsfArtwork} in a headless
 * {@link RenderLoop}, stepped time) and returns its last frame. Image inputs get the test images
 * of {@link LibraryTestImages}, written at the render size: {@code inputImage} the colour bars,
 * {@code startImage} the warm gradient, {@code endImage} the cool checkerboard.
 *
 * <p>Test thread only (it is the render thread of each run).
 */
final class LibraryPlayer {

    /** The library, seen from the engine module's directory (where Maven runs its tests). */
    static final Path LIBRARY = Path.of("..", "shaders", "library").toAbsolutePath().normalize();
    /** Frames per second of the stepped clock: frame N is drawn at N / 30 s. */
    static final double FRAMES_PER_SECOND = 30;

    private final Path images;

    /** @param imageFolder where the test images are written (a test's temporary folder) */
    LibraryPlayer(Path imageFolder) {
        this.images = imageFolder;
    }

    /** The library's {@code .fs} files, sorted by name. */
    static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(LIBRARY)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".fs")).sorted().toList();
        }
    }

    /** The file's header, parsed (and its GLSL translated) as the artwork will. */
    static IsfDocument document(Path file) throws Exception {
        return new IsfLoader().load(LIBRARY, file).document();
    }

    /** The file's name without {@code .fs}: its artwork id. */
    static String id(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".fs".length());
    }

    /**
     * Renders frames 0 to {@code lastFrame} of {@code file} at {@code width} x {@code height} and
     * returns the last; {@code values} overrides inputs (by name, all components) from the defaults.
     */
    RgbaImage render(Path file, int width, int height, int lastFrame, Map<String, float[]> values) throws Exception {
        ParameterLayout layout = new ParameterLayout(IsfParameters.specs(document(file)));
        float[] initial = new float[layout.slotCount()];
        layout.copyDefaultsInto(initial);
        for (Map.Entry<String, float[]> value : values.entrySet()) {
            int parameter = layout.indexOf(value.getKey()).orElseThrow(
                    () -> new IllegalArgumentException(file + " has no value input " + value.getKey()));
            System.arraycopy(value.getValue(), 0, initial, layout.offset(parameter), value.getValue().length);
        }
        Map<String, Path> imageFiles = imageFiles(file, width, height);
        FrameGrabber grabber = new FrameGrabber(width, height, layout.slotCount());
        try (EglSurfacelessContext context = EglSurfacelessContext.open(width, height)) {
            IsfArtwork artwork = new IsfArtwork(LIBRARY, file, layout, imageFiles, LocalDateTime.of(2026, 1, 1, 20, 0));
            RenderLoop loop = new RenderLoop(context, artwork, new SnapshotExchange(initial),
                    new SteppedPacer(new ManualClock(0), FRAMES_PER_SECOND), new FrameStats(), List.of(grabber),
                    width, height);
            loop.run(lastFrame + 1);
        }
        return grabber.awaitFrameAfter(lastFrame - 1, Duration.ofSeconds(5)).image();
    }

    private Map<String, Path> imageFiles(Path file, int width, int height) throws Exception {
        Map<String, Path> files = new HashMap<>();
        for (IsfInput input : document(file).imageInputs()) {
            LibraryTestImages.Picture picture = switch (input.name()) {
                case "inputImage" -> LibraryTestImages::bars;
                case "startImage" -> LibraryTestImages::warm;
                case "endImage" -> LibraryTestImages::cool;
                default -> throw new IllegalArgumentException(file + ": no test image for input " + input.name());
            };
            Path png = images.resolve(input.name() + "-" + width + "x" + height + ".png");
            if (!Files.exists(png)) {
                LibraryTestImages.write(png, picture, width, height);
            }
            files.put(input.name(), png);
        }
        return files;
    }
}
