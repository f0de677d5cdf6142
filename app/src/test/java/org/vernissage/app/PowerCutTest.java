package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A show that survives a power cut: a real engine process runs Tidewater, takes GO over its
 * control port, and is killed with SIGKILL in the middle of cue 1's four-second fade; a new process
 * with the same {@code --state} resumes at the right cue (playhead on cue 2), from the value the
 * fade had reached, and the fade ends at the cue's value once its remaining time has passed. The
 * saved fade carries its origin, smoothstep curve, length and elapsed time, and cue 1 is saved
 * running, so the restart resumes it on its curve (frame by frame in {@code ShowResumeTest}).
 * Values are read over OSCQuery, as a console would.
 */
class PowerCutTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void kill() {
        processes.forEach(Process::destroyForcibly);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts the engine as its own process and waits for its start line. */
    private List<String> engine(Path state, int control, int oscQuery) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-Dorg.lwjgl.system.memoryBackend=ffm", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "org.vernissage.app.Main", "run", TIDEWATER.toString(),
                "--headless", "--size", "32x18", "--fps", "30", "--osc-host", "127.0.0.1", "--osc-port", "0",
                "--control=" + control, "--control-host", "127.0.0.1", "--oscquery=" + oscQuery, "--oscquery-host",
                "127.0.0.1", "--state", state.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (Exception ignored) {
                // the process was killed
            }
        }, "engine-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (lines.stream().noneMatch(l -> l.startsWith("vernissage: playing"))) {
            assertTrue(process.isAlive(), "the engine ended: " + lines);
            assertTrue(System.nanoTime() < deadline, "no start line within 60 s: " + lines);
            Thread.sleep(20);
        }
        return lines;
    }

    private float energy(int oscQuery) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + oscQuery + "/vernissage/tidewater/energy?VALUE"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return (float) JSON.readTree(answer.body()).path("VALUE").get(0).asDouble();
    }

    private static void go(int control) throws Exception {
        byte[] go = {'/', 'g', 'o', 0, ',', 0, 0, 0};
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.send(new DatagramPacket(go, go.length, InetAddress.getLoopbackAddress(), control));
        }
    }

    @Test
    void killedMidFadeItComesBackAtTheRightCueWithTheRightValueAndTheFadesRemainingTime() throws Exception {
        Path state = temp.resolve("state");
        int control = freePort();
        int oscQuery = freePort();
        engine(state, control, oscQuery);
        assertEquals(0.35f, energy(oscQuery), 1e-6f, "Tidewater's default energy");
        go(control); // cue 1, "Still water": energy to 0.15 over 4 s, smoothstep
        Thread.sleep(2000);
        Process first = processes.get(0);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no last write
        assertTrue(first.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, first.exitValue(), "killed by SIGKILL");

        JsonNode saved = JSON.readTree(Files.readString(state.resolve("tidewater").resolve("show-state.json")));
        float savedEnergy = (float) saved.path("values").path("energy").get(0).asDouble();
        assertTrue(savedEnergy < 0.34f && savedEnergy > 0.16f, "saved mid-fade: " + saved);
        assertEquals("2", saved.path("playhead").asText(), "GO moved the playhead to cue 2: " + saved);
        JsonNode fade = null;
        for (JsonNode f : saved.path("fades")) {
            if (f.path("parameter").asText().equals("energy")) {
                fade = f;
            }
        }
        assertTrue(fade != null, "the energy fade was saved running: " + saved);
        double left = fade.path("secondsLeft").asDouble();
        assertTrue(left > 0.3 && left < 3.9, "with time left: " + left);
        assertEquals(0.15, fade.path("to").asDouble(), 1e-6);
        // Saved so that the fade resumes on its curve: where it started, which curve, how long it
        // is and how much of it was behind, and that cue 1 holds it; the saved value lies on that
        // curve at that point (one snapshot, so no timing enters this check).
        assertEquals("smoothstep", fade.path("curve").asText(), "cue 1's curve is saved: " + fade);
        assertEquals("1", fade.path("cue").asText(), "held by cue 1: " + fade);
        assertEquals(0.35, fade.path("from").asDouble(), 1e-6, "from the default, where cue 1 began: " + fade);
        long total = fade.path("totalNanos").asLong();
        long elapsed = fade.path("elapsedNanos").asLong();
        assertEquals(4_000_000_000L, total, "the cue's whole fade: " + fade);
        assertEquals(left, (total - elapsed) / 1e9, 1e-6, "elapsed and time left agree: " + fade);
        double u = (double) elapsed / total;
        assertEquals(0.35 + (0.15 - 0.35) * (u * u * (3 - 2 * u)), savedEnergy, 1e-6,
                "the saved value is the smoothstep at the saved point: " + fade);
        assertTrue(saved.path("cues").toString().contains("\"cue\":\"1\",\"state\":\"running\""),
                "cue 1 saved as running: " + saved.path("cues"));

        int control2 = freePort();
        int oscQuery2 = freePort();
        long restartFrom = System.nanoTime();
        List<String> restarted = engine(state, control2, oscQuery2);
        assertTrue(restarted.stream().anyMatch(l -> l.contains("resumed:") && l.contains("playhead at cue 2")
                && l.contains("fades resumed") && l.contains("1 cues resumed")), String.join("\n", restarted));
        float resumed = energy(oscQuery2);
        // The fade resumed at its saved point somewhere between the restart and this read, and runs
        // on in real time: the value lies on the curve between the saved point and that point plus
        // the time the restart and the read took (however long a loaded machine makes that).
        double latest = Math.min(1.0, (double) (elapsed + (System.nanoTime() - restartFrom)) / total);
        double lowest = 0.35 + (0.15 - 0.35) * (latest * latest * (3 - 2 * latest));
        assertTrue(resumed <= savedEnergy + 1e-4f && resumed >= lowest - 1e-4,
                "resumes where the fade was (" + savedEnergy + ", at most " + lowest + " by now), not at the default: "
                        + resumed);
        Thread.sleep((long) (left * 1000) + 1500);
        assertEquals(0.15f, energy(oscQuery2), 1e-4f, "the fade ended at cue 1's value after its remaining time");
    }
}
