package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.CaptionImage;
import org.vernissage.engine.render.FrameGrabber;
import org.vernissage.engine.render.RgbaImage;
import org.vernissage.osc.OscWriter;
import org.vernissage.showcontrol.control.ControlSettings;

/**
 * The disclosure caption moved live, end to end: a headless run of a black piece whose caption has
 * an English and a (longer) French text; OSC messages over UDP to the parameters' own addresses and
 * cues started over the control port turn it off and on and switch its language, read from the
 * rendered frames' pixels (the French box is wider and taller than the English one, in the same
 * corner). {@code --disclosure-language} picks the first frame's language, and an unknown tag is
 * refused naming the manifest's languages.
 */
class DisclosureLiveTest {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;
    private static final double SIZE = 0.08;
    private static final String ENGLISH = "Made with AI";
    private static final String FRENCH = "Fait avec une IA entra\u00eenée ici";
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final int ON = 0;
    private static final int LANGUAGE = 1;

    @TempDir
    Path temp;

    /** A black piece, id "captioned", its caption bottom-right in en (index 0) and fr (index 1). */
    private Path piece() throws IOException {
        Path folder = temp.resolve("captioned");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("black.frag"), """
                out vec4 fragColor;
                void main() { fragColor = vec4(0.0, 0.0, 0.0, 1.0); }
                """);
        Files.writeString(folder.resolve("artwork.json"), """
                { "title": "Captioned", "artist": "Test", "year": 2026, "description": "A black frame, disclosed.",
                  "shader": "black.frag",
                  "parameters": [
                    { "name": "disclosure", "type": "float", "min": 0, "max": 1, "default": 1, "shader": false },
                    { "name": "disclosure_language", "type": "int", "min": 0, "max": 1, "default": 0, "shader": false } ],
                  "disclosure": { "texts": { "en": "%s", "fr": "%s" }, "size": %s } }
                """.formatted(ENGLISH, FRENCH, SIZE));
        Files.writeString(folder.resolve("cues.json"), """
                { "cues": [
                  { "number": "1", "name": "En fran\u00e7ais", "targets": { "disclosure_language": 1 } },
                  { "number": "2", "name": "No caption", "targets": { "disclosure": 0 } },
                  { "number": "3", "name": "English, on", "targets": { "disclosure": 1, "disclosure_language": 0 } } ] }
                """);
        return folder;
    }

    /** What a frame shows: "en", "fr" or "off", from its bright pixels in and around the two boxes. */
    private static String shown(int width, int height, PixelSource frame) {
        CaptionImage en = CaptionImage.render(ENGLISH, SIZE, WIDTH, HEIGHT);
        CaptionImage fr = CaptionImage.render(FRENCH, SIZE, WIDTH, HEIGHT);
        assertTrue(fr.width() > en.width() + 20, "the French box is the wider: " + fr.width() + " vs " + en.width());
        int margin = Math.max(2, Math.round(Math.min(WIDTH, HEIGHT) * 0.03f));
        int inEnglish = 0;
        int frenchOnly = 0; // inside the French box, left of the English one
        int elsewhere = 0;
        for (int y = 0; y < height; y++) { // image rows: top first
            for (int x = 0; x < width; x++) {
                if (frame.red(x, y) <= 128) {
                    continue;
                }
                boolean inFr = x >= WIDTH - margin - fr.width() && y >= HEIGHT - margin - fr.height()
                        && x < WIDTH - margin && y < HEIGHT - margin;
                boolean inEn = x >= WIDTH - margin - en.width() && y >= HEIGHT - margin - en.height()
                        && x < WIDTH - margin && y < HEIGHT - margin;
                if (inEn) {
                    inEnglish++;
                } else if (inFr && x < WIDTH - margin - en.width()) {
                    frenchOnly++;
                } else {
                    elsewhere++;
                }
            }
        }
        assertEquals(0, elsewhere, "no bright pixel outside the caption's boxes");
        if (inEnglish + frenchOnly == 0) {
            return "off";
        }
        assertTrue(inEnglish >= 20, "letters in the corner: " + inEnglish);
        return frenchOnly >= 20 ? "fr" : frenchOnly == 0 ? "en" : "unclear (" + frenchOnly + " French-only pixels)";
    }

    private interface PixelSource {
        int red(int x, int y);
    }

    private static String shown(RgbaImage image) {
        return shown(image.width(), image.height(), (x, y) -> image.channel(x, y, 0));
    }

    /** The first frame drawn with the caption's parameters at {@code on} and {@code language}. */
    private static FrameGrabber.Grab awaitValues(FrameGrabber grabber, float on, float language) throws Exception {
        return grabber.awaitFrameWhere(values -> values[ON] == on && values[LANGUAGE] == language, PATIENCE);
    }

    @Test
    void oscOverUdpAndCuesOverTheControlPortTurnTheCaptionOnAndOffAndSwitchItsLanguage() throws Exception {
        Path piece = piece();
        int controlPort = ControlPortPeer.freePort();
        try (DatagramSocket sender = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             DatagramSocket replies = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            RunOptions options = RunOptions.defaults(piece).withSize(new FrameSize(WIDTH, HEIGHT))
                    .withOsc("127.0.0.1", 0).withFramesPerSecond(30).withReload(false)
                    .withControl(new ControlSettings("127.0.0.1", controlPort, replies.getLocalPort(), Optional.empty(), 4));
            FrameGrabber grabber = new FrameGrabber(WIDTH, HEIGHT, 2);
            try (BackgroundRun playing = BackgroundRun.start(options, List.of(grabber))) {
                int osc = playing.run().oscPort();
                assertEquals("en", shown(awaitValues(grabber, 1, 0).image()), "the manifest's first language, on");

                sender.send(packet(osc, new OscWriter(), w -> w.message("/vernissage/captioned/disclosure_language").i(1)));
                assertEquals("fr", shown(awaitValues(grabber, 1, 1).image()), "OSC switched it to French");

                sender.send(packet(osc, new OscWriter(), w -> w.message("/vernissage/captioned/disclosure").f(0f)));
                assertEquals("off", shown(awaitValues(grabber, 0, 1).image()), "OSC turned it off");

                sender.send(packet(osc, new OscWriter(), w -> w.message("/vernissage/captioned/disclosure").f(1f)));
                assertEquals("fr", shown(awaitValues(grabber, 1, 1).image()), "on again, still in French");

                sender.send(packet(controlPort, new OscWriter(), w -> w.message("/cue/3/start")));
                assertEquals("en", shown(awaitValues(grabber, 1, 0).image()), "cue 3: English");

                sender.send(packet(controlPort, new OscWriter(), w -> w.message("/cue/1/start")));
                assertEquals("fr", shown(awaitValues(grabber, 1, 1).image()), "cue 1: French");

                sender.send(packet(controlPort, new OscWriter(), w -> w.message("/cue/2/start")));
                assertEquals("off", shown(awaitValues(grabber, 0, 1).image()), "cue 2: no caption");
            }
        }
    }

    @Test
    void theRunsLanguageIsChosenAtStartAndAnUnknownOneIsRefusedNamingTheManifestsLanguages() throws Exception {
        Path piece = piece();
        Path frames = temp.resolve("frames");
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", piece.toString(), "--headless", "--size", WIDTH + "x" + HEIGHT,
            "--frames", "1", "--fps", "0", "--osc-host", "127.0.0.1", "--osc-port", "0", "--capture", frames.toString(),
            "--disclosure-language", "fr"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        BufferedImage first = ImageIO.read(frames.resolve("frame-000000.png").toFile());
        assertEquals("fr", shown(first.getWidth(), first.getHeight(), (x, y) -> (first.getRGB(x, y) >> 16) & 0xFF),
                "the first frame is already in French");

        err = new StringWriter();
        StringWriter out = new StringWriter();
        code = Main.execute(new String[] {"run", piece.toString(), "--headless", "--size", WIDTH + "x" + HEIGHT,
            "--frames", "1", "--osc-host", "127.0.0.1", "--osc-port", "0", "--disclosure-language", "de"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertTrue(code != 0, "refused: " + out + err);
        assertTrue(err.toString().contains("--disclosure-language de") && err.toString().contains("[en, fr]"),
                err.toString());

        err = new StringWriter();
        out = new StringWriter();
        code = Main.execute(new String[] {"run", Path.of("..", "artworks", "handheld").toString(), "--headless",
            "--size", WIDTH + "x" + HEIGHT, "--frames", "1", "--osc-host", "127.0.0.1", "--osc-port", "0",
            "--disclosure-language", "fr"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertTrue(!(out + err.toString()).contains("disclosure:"), "handheld's French fits, no warning: " + out + err);
    }

    private interface Message {
        void write(OscWriter writer);
    }

    private static DatagramPacket packet(int port, OscWriter writer, Message message) {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        writer.wrap(buffer);
        message.write(writer);
        writer.end();
        return new DatagramPacket(buffer.array(), writer.length(), InetAddress.getLoopbackAddress(), port);
    }
}
