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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.energy.FakeNvml;
import org.vernissage.engine.energy.GpuTimeTerm;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.models.run.WorkerSlot;
import org.vernissage.osc.OscWriter;

/**
 * The energy meter in real runs, on the estimate path (an empty powercap tree stands for a machine
 * without readable counters, whatever the test machine has): the statistics lines, the figure per
 * model, the daily CSV, and {@code --power-budget} lowering the frame rate; and with a GPU side read
 * from a fake NVML library compiled with gcc ({@link FakeNvml}).
 */
class EnergyRunTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");
    private static final Path HANDHELD = Path.of("..", "artworks", "handheld");

    @TempDir
    Path temp;

    private EnergyOptions estimating() throws Exception {
        return EnergyOptions.DEFAULTS.withPowercapRoot(Files.createDirectories(temp.resolve("no-powercap")))
                .withNvmlPlaces(List.of()) // whatever GPU the test machine has
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

    @Test
    void aGpuReadThroughNvmlIsAddedAndTheTotalIsLabelledEstimatedEverywhere() throws Exception {
        FakeNvml gpu = FakeNvml.compile(Files.createDirectories(temp.resolve("nvml")));
        gpu.answers("init 0", "gpu 1000000 0 NVIDIA Fake H100");
        String token = "an-energy-test-token-for-the-gpu";
        Path tokenFile = Files.writeString(temp.resolve("token"), token + "\n");
        Path log = temp.resolve("energy-log");
        RunOptions options = RunOptions.defaults(TIDEWATER).withSize(new FrameSize(32, 18)).withFramesPerSecond(30)
                .withSensors(SensorOptions.defaults().withOsc(List.of())).withReload(false)
                .withEnergy(estimating().withNvmlPlaces(List.of(gpu.library())).withLog(log))
                .withConsole(new ConsoleOptions(0, "127.0.0.1", Optional.of(tokenFile)));
        ObjectMapper json = new ObjectMapper();
        String report;
        String source;
        try (BackgroundRun playing = BackgroundRun.start(options, List.of());
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            await(() -> playing.console().contains("energy: NVML: 1 GPU (NVIDIA Fake H100), measured"),
                    "the run says what NVML reads");
            // the banner names the renderer, which decides the CPU side's words: read it once printed
            await(() -> playing.console().contains("OpenGL"), "the banner names the renderer");
            source = estimateSourceBesideNvml(playing.console()) + ", estimated + NVML: 1 GPU (NVIDIA Fake H100), measured";
            gpu.answers("init 0", "gpu 1500000 0 NVIDIA Fake H100"); // the GPU used 500 J since the meter opened
            int port = playing.run().consolePort().orElseThrow();
            HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).GET().build();
            JsonNode[] energy = new JsonNode[1];
            await(() -> {
                try {
                    energy[0] = json.readTree(http.send(status, HttpResponse.BodyHandlers.ofString()).body()).path("energy");
                    return energy[0].path("joules").asDouble() >= 500;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "the console's status counts the GPU's 500 J");
            assertEquals("estimated", energy[0].path("kind").asText());
            assertEquals(source, energy[0].path("source").asText());
            await(() -> statedJoules(playing.run().report().describe(), source) >= 500,
                    "the statistics count the GPU's joules");
            report = playing.run().report().describe();
        }
        assertTrue(statedJoules(report, source) >= 500, report);
        List<String> rows = Files.readAllLines(log.resolve("energy-" + LocalDate.now() + ".csv"));
        assertTrue(rows.stream().anyMatch(row -> row.endsWith(",estimated,\"" + source + "\"")), rows.toString());
        assertEquals(List.of("nvmlInit_v2", "nvmlShutdown"), gpu.calls()); // NVML let go when the run closed
    }

    /**
     * The CPU side's words when NVML measures the GPU: on a software renderer the GPU time is left
     * out as always; on a hardware GPU it is left out because NVML measures it (never counted twice).
     */
    private static String estimateSourceBesideNvml(String console) {
        String cpu = "CPU time x 15 W per busy core";
        return GpuTimeTerm.softwareRenderer(console).isPresent() ? estimateSource(console)
                : cpu + "; GPU time left out: NVML measures the GPU";
    }

    /** The joules of the statistics line {@code energy estimated (SOURCE): N J in ...}, or -1 when there is none. */
    private static double statedJoules(String report, String source) {
        Matcher line = Pattern.compile("energy estimated \\(" + Pattern.quote(source) + "\\): ([0-9.]+) J in").matcher(report);
        return line.find() ? Double.parseDouble(line.group(1)) : -1;
    }

    private static void send(DatagramSocket socket, int port, float x, float y) throws Exception {
        ByteBuffer packet = ByteBuffer.allocate(128);
        OscWriter writer = new OscWriter().wrap(packet);
        writer.message("/vernissage/handheld/tilt").f(x).f(y).end();
        socket.send(new DatagramPacket(packet.array(), writer.length(), InetAddress.getLoopbackAddress(), port));
    }
}
