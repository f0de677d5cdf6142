package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening hours in a real run ({@code --venue} with only {@code "hours"}): out of hours the work
 * starts in standby (black frames, said in the statistics); in hours it shows. The hours
 * themselves, across weeks and clock changes, are tested on an injected clock in show-control.
 */
class HoursRunTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");

    @TempDir
    Path temp;

    private String run(String hours, Path frames) throws IOException {
        Path venue = Files.writeString(temp.resolve("venue.json"), "{\"hours\": " + hours + "}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", TIDEWATER.toString(), "--headless", "--size", "32x18",
            "--frames", "3", "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0", "--venue", venue.toString(),
            "--capture", frames.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    private static double brightness(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
            }
        }
        return sum / (3.0 * image.getWidth() * image.getHeight());
    }

    @Test
    void outOfHoursTheWorkStartsInStandbyAndShowsBlack() throws IOException {
        Path frames = temp.resolve("closed");
        String out = run("{\"timeZone\": \"Europe/Paris\", \"week\": {}}", frames);
        assertEquals(0.0, brightness(frames.resolve("frame-000002.png")), "standby is black");
        assertTrue(out.contains("opening hours in Europe/Paris (closed)"), out);
        assertTrue(out.contains("hours: closed, the work stands by"), out);
        assertFalse(out.contains("venue " + temp.resolve("venue.json") + " ("), "no outputs of its own: " + out);
    }

    @Test
    void inHoursTheWorkShows() throws IOException {
        Path frames = temp.resolve("open");
        String allDay = "[\"00:00-12:00\", \"12:00-00:00\"]";
        String out = run("{\"timeZone\": \"America/Montreal\", \"week\": {\"monday\": " + allDay + ", \"tuesday\": "
                + allDay + ", \"wednesday\": " + allDay + ", \"thursday\": " + allDay + ", \"friday\": " + allDay
                + ", \"saturday\": " + allDay + ", \"sunday\": " + allDay + "}}", frames);
        assertTrue(brightness(frames.resolve("frame-000002.png")) > 10, "Tidewater's sea is drawn");
        assertTrue(out.contains("hours: open, the work shows"), out);
    }

    @Test
    void aCueTheHoursNameMustBeInTheCueList() throws IOException {
        Path venue = Files.writeString(temp.resolve("venue.json"), "{\"hours\": {\"timeZone\": \"Europe/Paris\","
                + " \"week\": {}, \"closing\": {\"fade\": 10, \"cue\": \"99\"}}}");
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", TIDEWATER.toString(), "--headless", "--frames", "1",
            "--osc-host", "127.0.0.1", "--osc-port", "0", "--venue", venue.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(Main.EXIT_FAILURE, code);
        assertTrue(err.toString().contains(venue + ": hours.closing.cue: expected a cue number of the artwork's"
                + " cues.json, found \"99\""), err.toString());
    }
}
