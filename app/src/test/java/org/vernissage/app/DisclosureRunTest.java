package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.CaptionImage;

/**
 * The bundled piece handheld discloses itself: a headless run's captured frame carries the
 * manifest's caption in the bottom-right corner, and the same run with the {@code disclosure}
 * parameter at 0 differs from it there only. A frame too small for the text runs on, with a warning.
 */
class DisclosureRunTest {

    private static final Path HANDHELD = Path.of("..", "artworks", "handheld");
    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;

    @TempDir
    Path temp;

    private BufferedImage firstFrame(Path artwork, String name) throws Exception {
        Path frames = temp.resolve(name);
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", artwork.toString(), "--headless", "--size", WIDTH + "x" + HEIGHT,
            "--frames", "1", "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0", "--capture", frames.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return ImageIO.read(frames.resolve("frame-000000.png").toFile());
    }

    private Path handheldWithCaptionOff() throws IOException {
        Path copy = temp.resolve("handheld-off");
        try (Stream<Path> files = Files.walk(HANDHELD)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = copy.resolve(HANDHELD.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Path manifest = copy.resolve("artwork.json");
        String text = Files.readString(manifest);
        String on = "\"name\": \"disclosure\", \"type\": \"float\", \"min\": 0, \"max\": 1, \"default\": 1";
        assertTrue(text.contains(on), "handheld declares its disclosure parameter on");
        Files.writeString(manifest, text.replace(on, on.replace("\"default\": 1", "\"default\": 0")));
        return copy;
    }

    @Test
    void handheldShowsItsCaptionInTheBottomRightCornerOnly() throws Exception {
        BufferedImage on = firstFrame(HANDHELD, "on");
        BufferedImage off = firstFrame(handheldWithCaptionOff(), "off");
        CaptionImage caption = CaptionImage.render(
                "Made with AI: a small network trained in this room turns the tilt of your hand into light.",
                0.035, WIDTH, HEIGHT);
        int margin = Math.max(2, Math.round(Math.min(WIDTH, HEIGHT) * 0.03f));
        int x0 = WIDTH - margin - caption.width();
        int y0 = HEIGHT - margin - caption.height(); // image rows: top first
        int changedInside = 0;
        int changedOutside = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (on.getRGB(x, y) != off.getRGB(x, y)) {
                    boolean inside = x >= x0 && x < x0 + caption.width() && y >= y0 && y < y0 + caption.height();
                    if (inside) {
                        changedInside++;
                    } else {
                        changedOutside++;
                    }
                }
            }
        }
        assertEquals(0, changedOutside, "the caption changes nothing outside its box");
        assertTrue(changedInside > caption.width() * caption.height() / 2,
                "the caption's box is drawn: " + changedInside + " of " + caption.width() * caption.height());
    }

    @Test
    void bloomShowsTheTextOfItsModelCardTopLeft() throws Exception {
        Path frames = temp.resolve("bloom");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", Path.of("..", "artworks", "bloom").toString(), "--headless",
            "--size", WIDTH + "x" + HEIGHT, "--frames", "1", "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0",
            "--capture", frames.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertTrue(!(out + err.toString()).contains("disclosure:"), "no warning: " + out + err);
        BufferedImage frame = ImageIO.read(frames.resolve("frame-000000.png").toFile());
        int white = 0;
        for (int y = 0; y < HEIGHT / 3; y++) { // the top-left corner: the caption's letters
            for (int x = 0; x < WIDTH; x++) {
                int rgb = frame.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) > 200 && ((rgb >> 8) & 0xFF) > 200 && (rgb & 0xFF) > 200) {
                    white++;
                }
            }
        }
        assertTrue(white > 50, "white letters at the top: " + white);
    }

    @Test
    void aFrameTooSmallForTheTextRunsOnWithAWarning() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", HANDHELD.toString(), "--headless", "--size", "32x18",
            "--frames", "1", "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        String said = out + "\n" + err;
        assertTrue(said.contains("disclosure") && said.contains("shorten the text or lower \"size\"")
                || said.contains("wider than"), said);
    }
}
