package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of {@code --record} and {@code vernissage replay}: a live run, with real OSC arriving
 * over UDP at moments nobody controls, is recorded; its replay, through the command line, gives the
 * very same frames, bit for bit, ISF's {@code DATE} included.
 */
class RecordReplayTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");
    private static final int FRAMES = 90;

    @TempDir
    Path temp;

    @Test
    void aReplayedRunGivesTheSameFramesAsTheLiveRun() throws Exception {
        Path journal = temp.resolve("gallery-sunday.vnsj");
        Path live = temp.resolve("live");
        Path replayed = temp.resolve("replayed");

        liveRunWithOscTraffic(journal, live);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"replay", journal.toString(), TIDEWATER.toString(), "--headless",
                "--fast", "--capture", replayed.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());

        List<Path> liveFrames = pngs(live);
        List<Path> replayedFrames = pngs(replayed);
        assertEquals(FRAMES, liveFrames.size());
        assertEquals(liveFrames.size(), replayedFrames.size(), "the replay draws every recorded frame");
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < liveFrames.size(); i++) {
            byte[] expected = Files.readAllBytes(liveFrames.get(i));
            assertArrayEquals(expected, Files.readAllBytes(replayedFrames.get(i)),
                    "frame " + i + " differs between the live run and its replay");
            distinct.add(Arrays.toString(java.security.MessageDigest.getInstance("SHA-256").digest(expected)));
        }
        assertTrue(distinct.size() > FRAMES / 2, "the frames must actually change: " + distinct.size() + " distinct");
    }

    @Test
    void aReplayDrawsTheDateTheLiveRunDrewNotTheDayItPlays() throws Exception {
        // ISF's DATE, down to the fraction of a second: two runs a moment apart draw different frames.
        Path shader = Files.writeString(temp.resolve("clock.fs"), """
                /*{"ISFVSN": "2.0", "DESCRIPTION": "the date, to the fraction of a second"}*/
                void main() {
                    gl_FragColor = vec4(fract(DATE.w), fract(DATE.w / 60.0), DATE.z / 31.0, 1.0);
                }
                """);
        Path journal = temp.resolve("clock.vnsj");
        Path live = temp.resolve("clock-live");
        Path replayed = temp.resolve("clock-replayed");
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"run", shader.toString(), "--headless", "--size", "16x16",
                "--frames", "20", "--fps", "60", "--osc-host", "127.0.0.1", "--osc-port", "0",
                "--record", journal.toString(), "--capture", live.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        exit = Main.execute(new String[] {"replay", journal.toString(), shader.toString(), "--headless", "--fast",
                "--capture", replayed.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());

        List<Path> liveFrames = pngs(live);
        List<Path> replayedFrames = pngs(replayed);
        assertEquals(20, liveFrames.size());
        assertEquals(20, replayedFrames.size());
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < liveFrames.size(); i++) {
            byte[] expected = Files.readAllBytes(liveFrames.get(i));
            assertArrayEquals(expected, Files.readAllBytes(replayedFrames.get(i)),
                    "frame " + i + ": the replay's DATE is not the live run's");
            distinct.add(Arrays.toString(expected));
        }
        assertTrue(distinct.size() > 10, "DATE must move from frame to frame: " + distinct.size() + " distinct");
    }

    @Test
    void replayNamesAMissingJournal() {
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"replay", temp.resolve("nope.vnsj").toString(), TIDEWATER.toString(),
                "--headless"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(Main.EXIT_FAILURE, exit);
        assertTrue(err.toString().startsWith("vernissage: ") && err.toString().contains("nope.vnsj: no such journal file"),
                err.toString());
    }

    /** 90 real-time frames at 60 fps while another thread sends OSC values and a time-tagged bundle. */
    private void liveRunWithOscTraffic(Path journal, Path frames) throws Exception {
        RunOptions options = RunOptions.defaults(TIDEWATER).withSize(new FrameSize(160, 90))
                .withOsc("127.0.0.1", 0).withFramesPerSecond(60).withFrames(FRAMES)
                .withCapture(frames).withRecord(journal);
        try (BackgroundRun playing = BackgroundRun.start(options, List.of())) {
            AtomicBoolean done = new AtomicBoolean();
            Thread sender = new Thread(() -> sendUntil(done, playing.run().oscPort()), "test-osc-sender");
            sender.start();
            try {
                playing.awaitEnd(20);
            } finally {
                done.set(true);
                sender.join();
            }
            assertTrue(playing.console().contains("recording to"), playing.console());
            assertTrue(playing.console().contains("journal " + journal), playing.console());
        }
    }

    private static void sendUntil(AtomicBoolean done, int port) {
        String[] addresses = {"/vernissage/tidewater/energy", "/vernissage/tidewater/hue",
                "/vernissage/tidewater/focus/x", "/vernissage/tidewater/focus/y"};
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = 0; !done.get(); i++) {
                byte[] packet = floatMessage(addresses[i % addresses.length], (float) (0.5 + 0.5 * Math.sin(i * 0.37)));
                socket.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), port));
                Thread.sleep(3 + i % 7);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> pngs(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
    }

    private static byte[] floatMessage(String address, float value) {
        ByteBuffer packet = ByteBuffer.allocate(64);
        putPadded(packet, address);
        putPadded(packet, ",f");
        packet.putFloat(value);
        return Arrays.copyOf(packet.array(), packet.position());
    }

    private static void putPadded(ByteBuffer buffer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        buffer.put(bytes);
        buffer.put((byte) 0);
        while (buffer.position() % 4 != 0) {
            buffer.put((byte) 0);
        }
    }
}
