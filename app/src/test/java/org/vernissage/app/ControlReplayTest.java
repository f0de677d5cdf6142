package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.osc.OscWriter;
import org.vernissage.showcontrol.control.ControlSettings;
import org.vernissage.showcontrol.cue.RecordedCueLists;

/**
 * Cues are replayable: a live run whose cues are run from the control port (GO, pause, resume, a
 * parameter fade) at moments nobody controls is recorded; its replay gives the same frames, bit
 * for bit, because the commands travel in the journal and the fades are computed on the frames'
 * horizons.
 */
class ControlReplayTest {

    private static final int FRAMES = 90;

    @TempDir
    Path temp;

    @Test
    void aRunDrivenByCuesReplaysBitForBit() throws Exception {
        Path artwork = TidewaterCopy.withCues(temp, """
                { "cues": [
                  { "number": "1", "targets": { "energy": 0.9, "focus": [0.2, 0.7] }, "fade": 0.4, "curve": "smoothstep",
                    "continue": "auto-follow" },
                  { "number": "2", "targets": { "energy": 0.1, "hue": 0.4 }, "fade": 0.5, "curve": "ease-in" } ] }
                """);
        Path journal = temp.resolve("cues.vnsj");
        Path live = temp.resolve("live");
        Path replayed = temp.resolve("replayed");
        int port = ControlPortPeer.freePort();
        RunOptions options = RunOptions.defaults(artwork).withSize(new FrameSize(160, 90)).withOsc("127.0.0.1", 0)
                .withFramesPerSecond(60).withFrames(FRAMES).withCapture(live).withRecord(journal)
                .withControl(new ControlSettings("127.0.0.1", port, 9, Optional.empty(), 4));
        float[] highest = new float[3]; // energy, hue, density: written by the render thread, read after the run
        FrameListener watch = (frame, parameters, image) -> {
            for (int slot = 0; slot < highest.length; slot++) {
                highest[slot] = Math.max(highest[slot], parameters.value(slot));
            }
        };
        try (BackgroundRun playing = BackgroundRun.start(options, List.of(watch))) {
            AtomicBoolean done = new AtomicBoolean();
            Thread console = new Thread(() -> consoleUntil(done, port), "test-console");
            console.start();
            try {
                playing.awaitEnd(20);
            } finally {
                done.set(true);
                console.join();
            }
        }
        assertTrue(highest[0] > 0.8f, "cue 1 raised the energy towards 0.9: " + highest[0]);
        assertTrue(highest[1] > 0.05f, "cue 2 (after the pause and the resume) turned the hue: " + highest[1]);
        assertTrue(highest[2] > 3.1f, "the density fade ran: " + highest[2]);
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"replay", journal.toString(), artwork.toString(), "--headless",
            "--fast", "--capture", replayed.toString()}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        List<Path> liveFrames = pngs(live);
        List<Path> replayedFrames = pngs(replayed);
        assertEquals(FRAMES, liveFrames.size());
        assertEquals(FRAMES, replayedFrames.size());
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < FRAMES; i++) {
            byte[] expected = Files.readAllBytes(liveFrames.get(i));
            assertArrayEquals(expected, Files.readAllBytes(replayedFrames.get(i)), "frame " + i + " differs");
            distinct.add(Arrays.toString(MessageDigest.getInstance("SHA-256").digest(expected)));
        }
        assertTrue(distinct.size() > FRAMES / 2, "the frames must change: " + distinct.size() + " distinct");
    }

    @Test
    void aRunWhoseCueFileWasSavedReplaysWithTheListsItRan() throws Exception {
        Path artwork = TidewaterCopy.withCues(temp, """
                { "cues": [ { "number": "1", "targets": { "energy": 0.9 }, "fade": 0.3 } ] }
                """);
        Path journal = temp.resolve("saved.vnsj");
        Path live = temp.resolve("live");
        int port = ControlPortPeer.freePort();
        int frames = 240;
        RunOptions options = RunOptions.defaults(artwork).withSize(new FrameSize(160, 90)).withOsc("127.0.0.1", 0)
                .withFramesPerSecond(60).withFrames(frames).withCapture(live).withRecord(journal)
                .withControl(new ControlSettings("127.0.0.1", port, 9, Optional.empty(), 4));
        float[] lowestAfterHigh = {Float.MAX_VALUE};
        boolean[] high = {false};
        FrameListener watch = (frame, parameters, image) -> {
            high[0] |= parameters.value(0) > 0.8f;
            if (high[0]) {
                lowestAfterHigh[0] = Math.min(lowestAfterHigh[0], parameters.value(0));
            }
        };
        try (BackgroundRun playing = BackgroundRun.start(options, List.of(watch))) {
            ControlPortPeer.oscsend(port, "/cue/1/start");
            Thread.sleep(700);
            // Saved during the run: cue 1 now lowers the energy; the watcher reloads it, the console starts it.
            Files.writeString(artwork.resolve("cues.json"), """
                    { "cues": [ { "number": "1", "targets": { "energy": 0.05 }, "fade": 0.3, "name": "Low" } ] }
                    """);
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (!Files.exists(RecordedCueLists.beside(journal).folder().resolve("1.json"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200); // the RELOAD through the ring
            ControlPortPeer.oscsend(port, "/cue/1/start");
            playing.awaitEnd(30);
        }
        assertTrue(high[0] && lowestAfterHigh[0] < 0.2f, "the reloaded cue 1 lowered the energy: " + lowestAfterHigh[0]);
        Path kept = RecordedCueLists.beside(journal).folder();
        assertTrue(Files.readString(kept.resolve("0.json")).contains("0.9"), "the start list kept");
        assertTrue(Files.readString(kept.resolve("1.json")).contains("\"Low\""), "the reloaded list kept byte for byte");

        List<Path> liveFrames = pngs(live);
        assertEquals(frames, liveFrames.size());
        List<Path> replayed = replay(journal, artwork, temp.resolve("replayed"), false);
        int differing = 0;
        for (int i = 0; i < frames; i++) {
            assertArrayEquals(Files.readAllBytes(liveFrames.get(i)), Files.readAllBytes(replayed.get(i)),
                    "frame " + i + " differs");
        }
        // Without the kept lists, the replay starts with the saved file and reloads nothing: it differs.
        Files.move(kept, temp.resolve("set-aside"));
        List<Path> unkept = replay(journal, artwork, temp.resolve("unkept"), true);
        for (int i = 0; i < frames; i++) {
            if (!Arrays.equals(Files.readAllBytes(liveFrames.get(i)), Files.readAllBytes(unkept.get(i)))) {
                differing++;
            }
        }
        assertTrue(differing > 0, "the kept lists are what makes the replay exact");
    }

    /** Replays {@code journal} into {@code capture}; whether the artwork is said to have changed is as {@code changed}. */
    private static List<Path> replay(Path journal, Path artwork, Path capture, boolean changed) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"replay", journal.toString(), artwork.toString(), "--headless",
            "--fast", "--capture", capture.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        assertEquals(changed, (out + "" + err).contains("has changed since"), out + "\n" + err);
        return pngs(capture);
    }

    /** GO, pause, resume, a parameter fade, GO again: at irregular moments over the run. */
    private static void consoleUntil(AtomicBoolean done, int port) {
        String[] commands = {"/go", "/pause", "/resume", "/parameter/density/fade", "/go", "/cue/1/start"};
        try (DatagramChannel socket = DatagramChannel.open()) {
            InetSocketAddress control = new InetSocketAddress("127.0.0.1", port);
            Thread.sleep(150);
            for (int i = 0; !done.get() && i < commands.length; i++) {
                ByteBuffer packet = ByteBuffer.allocate(128);
                OscWriter w = new OscWriter().wrap(packet).message(commands[i]);
                if (commands[i].startsWith("/parameter")) {
                    w.f(0.3f).f(6f);
                }
                packet.limit(w.end().length());
                socket.send(packet, control);
                Thread.sleep(97 + 31 * i);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> pngs(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
    }
}
