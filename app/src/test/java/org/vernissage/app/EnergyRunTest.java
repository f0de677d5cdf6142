package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.energy.GpuTimeTerm;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.models.run.WorkerSlot;
import org.vernissage.osc.OscWriter;

/**
 * The energy meter in real runs, on the estimate path (an empty powercap tree stands for a machine
 * without readable counters, whatever the test machine has): the statistics lines, the figure per
 * model, the daily CSV, and {@code --power-budget} lowering the frame rate.
 */
class EnergyRunTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");
    private static final Path HANDHELD = Path.of("..", "artworks", "handheld");

    @TempDir
    Path temp;

    private EnergyOptions estimating() throws Exception {
        return EnergyOptions.DEFAULTS.withPowercapRoot(Files.createDirectories(temp.resolve("no-powercap")))
                .withSampleEvery(Duration.ofMillis(100));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(20);
        }
    }

    /** Frames drawn in one second of wall time, once the run has played two seconds. */
    private long framesInASecond(EnergyOptions energy, AtomicLong frames, StringBuilder report) throws Exception {
        RunOptions options = RunOptions.defaults(TIDEWATER).withSize(new FrameSize(32, 18)).withFramesPerSecond(30)
                .withSensors(SensorOptions.defaults().withOsc(List.of())).withReload(false).withEnergy(energy);
        FrameListener counter = (frame, parameters, image) -> frames.incrementAndGet();
        try (BackgroundRun playing = BackgroundRun.start(options, List.of(counter))) {
            Thread.sleep(2_000); // the budget judges its first window of draw and lowers the rate
            long before = frames.get();
            Thread.sleep(1_000);
            long drawn = frames.get() - before;
            report.append(playing.run().report().describe());
            return drawn;
        }
    }

    @Test
    void aBudgetFarBelowTheDrawLowersTheFrameRateAndSaysSo() throws Exception {
        StringBuilder free = new StringBuilder();
        long unbudgeted = framesInASecond(estimating(), new AtomicLong(), free);
        StringBuilder held = new StringBuilder();
        long budgeted = framesInASecond(estimating().withPowerBudget(1e-6), new AtomicLong(), held);
        assertTrue(unbudgeted >= 10, "without a budget the run draws its frames: " + unbudgeted + "\n" + free);
        assertTrue(budgeted <= 3, "a budget of a microwatt holds the run near 1 frame a second: " + budgeted + "\n" + held);
        assertTrue(held.toString().contains("power budget 1.00e-06 W (estimated "), held.toString());
        // 1 fps, or a tenth more after a window where the coarse CPU clock (10 ms ticks) read nothing
        assertTrue(held.toString().matches("(?s).*frame rate lowered to 1\\.[0-2] fps \\(of 30\\).*"), held.toString());
        assertTrue(!free.toString().contains("power budget"), free.toString());
    }

    @Test
    void theStatisticsGiveJoulesPerHourPerFrameAndPerModelAndTheLogARowPerHour() throws Exception {
        Path log = temp.resolve("energy-log");
        RunOptions options = RunOptions.defaults(HANDHELD).withSize(new FrameSize(32, 18)).withOsc("127.0.0.1", 0)
                .withFramesPerSecond(30).withReload(false).withEnergy(estimating().withLog(log));
        String report;
        String source;
        try (BackgroundRun playing = BackgroundRun.start(options, List.of());
             DatagramSocket sender = new DatagramSocket()) {
            ArtworkRun run = playing.run();
            WorkerSlot look = run.models().orElseThrow().runtime().slots().getFirst();
            for (int i = 0; i < 20 && look.runs() < 3; i++) {
                send(sender, run.oscPort(), i % 2 == 0 ? -1 : 1, 0);
                Thread.sleep(50);
            }
            await(() -> look.runs() >= 3 && run.report().describe().contains("per 1000 inferences"),
                    "the model ran and the meter sampled");
            report = run.report().describe();
            source = estimateSource(playing.console());
            assertTrue(playing.console().contains("energy estimated (" + source + ")"), playing.console());
        }
        assertTrue(report.matches("(?s).*energy estimated \\(" + Pattern.quote(source) + "\\): [0-9.]+ J in [0-9]+ s,"
                + " [0-9]+ J per hour, [0-9.]+ J per frame, [0-9.]+ W.*"), report);
        assertTrue(report.matches("(?s).*energy of model look: [0-9.]+ J per 1000 inferences \\(estimated, run time x"
                + " 15\\.0 W per busy core\\).*"), report);
        Path today = log.resolve("energy-" + LocalDate.now() + ".csv");
        List<String> rows = Files.readAllLines(today);
        assertEquals("date,hour,joules,kind,source", rows.getFirst());
        assertTrue(rows.get(1).startsWith(LocalDate.now() + ","), rows.toString());
        assertTrue(rows.get(1).contains(",estimated,\"" + source + "\""), rows.toString());
    }

    /**
     * What the estimate says it is made of on the renderer the run printed in its banner: on a
     * software renderer (llvmpipe, as in CI) the GPU's time is the CPU's and is left out, saying so.
     */
    private static String estimateSource(String console) {
        String cpu = "CPU time x 15 W per busy core";
        Optional<String> software = GpuTimeTerm.softwareRenderer(console);
        assertTrue(console.contains("OpenGL"), "the banner names the renderer: " + console);
        return software.map(name -> cpu + "; GPU time left out: " + name + " renders on the CPU and its time is in the"
                + " CPU time").orElse(cpu + " + GPU time x 150 W");
    }

    @Test
    void theConsolesStatusCarriesTheEnergyAndItsKind() throws Exception {
        String token = "an-energy-test-token-for-the-console";
        Path tokenFile = Files.writeString(temp.resolve("token"), token + "\n");
        RunOptions options = RunOptions.defaults(TIDEWATER).withSize(new FrameSize(32, 18)).withFramesPerSecond(30)
                .withSensors(SensorOptions.defaults().withOsc(List.of())).withReload(false).withEnergy(estimating())
                .withConsole(new ConsoleOptions(0, "127.0.0.1", Optional.of(tokenFile)));
        ObjectMapper json = new ObjectMapper();
        try (BackgroundRun playing = BackgroundRun.start(options, List.of());
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            int port = playing.run().consolePort().orElseThrow();
            HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).GET().build();
            JsonNode[] energy = new JsonNode[1];
            await(() -> {
                try {
                    energy[0] = json.readTree(http.send(status, HttpResponse.BodyHandlers.ofString()).body()).path("energy");
                    return energy[0].path("joules").asDouble() > 0;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "the console's status gives the joules counted");
            assertEquals("estimated", energy[0].path("kind").asText());
            assertEquals(estimateSource(playing.console()), energy[0].path("source").asText());
            assertTrue(energy[0].path("joulesPerHour").asDouble() > 0, energy[0].toString());
        }
    }

    private static void send(DatagramSocket socket, int port, float x, float y) throws Exception {
        ByteBuffer packet = ByteBuffer.allocate(128);
        OscWriter writer = new OscWriter().wrap(packet);
        writer.message("/vernissage/handheld/tilt").f(x).f(y).end();
        socket.send(new DatagramPacket(packet.array(), writer.length(), InetAddress.getLoopbackAddress(), port));
    }
}
