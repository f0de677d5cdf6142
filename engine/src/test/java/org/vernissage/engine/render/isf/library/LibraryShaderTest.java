package org.vernissage.engine.render.isf.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vernissage.engine.render.RgbaImage;
import org.vernissage.shaders.isf.IsfDocument;
import org.vernissage.shaders.isf.IsfInput;
import org.vernissage.shaders.isf.IsfInputType;

/**
 * Every file of the shader library ({@code shaders/library/*.fs}) parses as ISF v2 with the header
 * an artist starts from, compiles on this GL (headless EGL), plays through 2 s of stepped time
 * (frames 0..60 at 30 fps, so feedback has built up) at 64x36, and matches its golden image in
 * {@code shaders/library/golden/}. Filters and transitions are fed {@link LibraryTestImages}.
 *
 * <p>After an intended change, run with {@code -Dvernissage.golden.update=true}: it rewrites the
 * golden images and the docs' contact sheet ({@code docs/images/library-contact-sheet.png}, every
 * shader at 192x108); look at both before committing.
 */
class LibraryShaderTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 36;
    private static final int LAST_FRAME = 60;
    /** llvmpipe is bit-exact run to run; the slack is for other Mesa versions and GPUs (as GoldenImageTest). */
    private static final int MAX_CHANNEL_DIFFERENCE = 24;
    private static final double MAX_MEAN_DIFFERENCE = 1.0;
    private static final double MAX_NOTICEABLE_FRACTION = 0.01;
    private static final Path GOLDEN = LibraryPlayer.LIBRARY.resolve("golden");
    private static final Path CONTACT_SHEET = LibraryPlayer.LIBRARY.resolve("../../docs/images/library-contact-sheet.png")
            .normalize();
    private static final boolean UPDATE = Boolean.getBoolean("vernissage.golden.update");

    @TempDir
    Path images;

    static List<Path> libraryFiles() throws Exception {
        return LibraryPlayer.files();
    }

    @Test
    void theLibraryHasEveryFamilyTheIssueNames() throws Exception {
        List<Path> files = libraryFiles();
        assertTrue(files.size() >= 14, "expected at least 14 library shaders, found " + files.size());
        int generators = 0;
        int feedback = 0;
        int filters = 0;
        int transitions = 0;
        for (Path file : files) {
            IsfDocument document = LibraryPlayer.document(file);
            switch (document.kind()) {
                case GENERATOR -> generators++;
                case FILTER -> filters++;
                case TRANSITION -> transitions++;
            }
            if (document.passes().stream().anyMatch(pass -> pass.persistent() && pass.floatingPoint())) {
                feedback++;
            }
        }
        assertTrue(generators >= 5, "generators: " + generators);
        assertTrue(feedback >= 2, "feedback shaders with a persistent float pass: " + feedback);
        assertTrue(filters >= 8, "colour and distortion filters: " + filters);
        assertTrue(transitions >= 3, "transitions: " + transitions);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libraryFiles")
    void hasTheHeaderAnArtistStartsFrom(Path file) throws Exception {
        IsfDocument document = LibraryPlayer.document(file);
        String name = file.getFileName().toString();
        assertEquals(2, document.version(), name + ": ISFVSN");
        assertEquals("Vernissage", document.credit(), name + ": CREDIT");
        assertTrue(document.description().length() > 40, name + ": DESCRIPTION says what it does");
        assertFalse(document.categories().isEmpty(), name + ": CATEGORIES");
        for (IsfInput input : document.inputs()) {
            String where = name + ": input " + input.name();
            switch (input.type()) {
                case IMAGE, EVENT -> { }
                default -> {
                    assertFalse(input.label().equals(input.name()), where + " has a LABEL");
                    assertTrue(input.defaultValue().length > 0, where + " has a DEFAULT");
                }
            }
            if (input.type() == IsfInputType.FLOAT || input.type() == IsfInputType.POINT2D) {
                assertTrue(input.min().length > 0 && input.max().length > 0, where + " has MIN and MAX");
                for (int i = 0; i < input.defaultValue().length; i++) {
                    float value = input.defaultValue()[i];
                    assertTrue(value >= input.min()[i] && value <= input.max()[i], where + ": DEFAULT within MIN..MAX");
                }
            }
            if (input.type() == IsfInputType.LONG) {
                assertEquals(input.values().size(), input.labels().size(), where + ": a LABEL for each of VALUES");
                assertTrue(input.values().contains((int) input.defaultValue()[0]), where + ": DEFAULT is one of VALUES");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libraryFiles")
    void matchesItsGoldenImage(Path file) throws Exception {
        RgbaImage frame = new LibraryPlayer(images).render(file, WIDTH, HEIGHT, LAST_FRAME, Map.of());
        String id = LibraryPlayer.id(file);
        Path golden = GOLDEN.resolve(id + ".png");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            frame.writePng(golden);
        }
        assertTrue(Files.isRegularFile(golden), "missing golden image " + golden
                + " (run once with -Dvernissage.golden.update=true and look at the picture)");
        RgbaImage.Difference difference = frame.differenceTo(RgbaImage.readPng(golden));
        Path actual = Path.of("target", "library-actual", id + ".png");
        if (difference.maxChannel() > MAX_CHANNEL_DIFFERENCE || difference.meanChannel() > MAX_MEAN_DIFFERENCE
                || difference.fractionNoticeable() > MAX_NOTICEABLE_FRACTION) {
            Files.createDirectories(actual.getParent());
            frame.writePng(actual);
        }
        assertTrue(difference.maxChannel() <= MAX_CHANNEL_DIFFERENCE, id + ": " + difference + "; the frame is in " + actual);
        assertTrue(difference.meanChannel() <= MAX_MEAN_DIFFERENCE, id + ": " + difference);
        assertTrue(difference.fractionNoticeable() <= MAX_NOTICEABLE_FRACTION, id + ": " + difference);
        assertTrue(frame.meanLuma() > 2, id + " renders a black frame");
    }

    /** Only with -Dvernissage.golden.update=true: the docs' contact sheet of the whole library. */
    @Test
    void writesTheContactSheetWhenAsked() throws Exception {
        if (!UPDATE) {
            return;
        }
        List<ContactSheet.Tile> tiles = new ArrayList<>();
        LibraryPlayer player = new LibraryPlayer(images);
        for (Path file : libraryFiles()) {
            tiles.add(new ContactSheet.Tile(LibraryPlayer.id(file), player.render(file, 192, 108, LAST_FRAME, Map.of())));
        }
        ContactSheet.write(CONTACT_SHEET, tiles);
        assertTrue(Files.size(CONTACT_SHEET) > 0);
    }
}
