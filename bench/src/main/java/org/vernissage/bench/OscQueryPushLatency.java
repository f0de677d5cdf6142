package org.vernissage.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.ConductorStages;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.Outbox;
import org.vernissage.engine.pipeline.OutboxAgent;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ParameterSetFlyweight;
import org.vernissage.showcontrol.oscquery.OscQueryHostInfo;
import org.vernissage.showcontrol.oscquery.OscQueryNamespace;
import org.vernissage.showcontrol.oscquery.OscQueryServer;
import org.vernissage.showcontrol.oscquery.OscQuerySettings;
import org.vernissage.showcontrol.oscquery.ValueDemand;
import org.vernissage.showcontrol.oscquery.ValueReportStage;

/**
 * End-to-end benchmark of OSCQuery's value push: a frame mark offered to the input ring (as the
 * render thread offers it, right after a new value was set) to the moment a WebSocket client that
 * LISTENs holds the value as an OSC frame. Path: ring -> conductor -> {@link ValueReportStage} ->
 * outbox -> outbox agent -> mirror -> the server's Netty loop -> loopback TCP -> the JDK's
 * WebSocket client. Baseline, in the same run and for the same frames: the same frame mark to the
 * moment the outbox agent's thread holds the envelope (a second listener on the same agent), i.e.
 * the engine's own hand-offs without the server and the network.
 *
 * <p>Frames at 60 per second by default; one value change per frame. Run:
 * {@code bench/run-oscquery-latency.sh [--seconds S] [--fps F]}. Runs on the main thread (frames)
 * plus the pipeline's, the agent's, the server's and the WebSocket client's threads.
 */
public final class OscQueryPushLatency {

    private static final long HIGHEST_NANOS = 10_000_000_000L;

    private OscQueryPushLatency() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = 10;
        double fps = 60;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--fps" -> fps = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + ": --seconds S, --fps F");
            }
        }
        int frames = (int) Math.round(seconds * fps);
        int warmUp = (int) Math.round(2 * fps);
        run(frames, warmUp, Math.round(1e9 / fps));
    }

    private static void run(int frames, int warmUp, long periodNanos) throws Exception {
        ParameterLayout layout = new ParameterLayout(List.of(
                new ParameterSpec("level", ParameterType.FLOAT, 0f, 1e7f, new float[] {0f}, "", "")));
        int total = frames + warmUp + 1;
        AtomicLongArray offeredAt = new AtomicLongArray(total + 1);
        AtomicLongArray agentAt = new AtomicLongArray(total + 1);
        AtomicLongArray clientAt = new AtomicLongArray(total + 1);
        ValueDemand demand = new ValueDemand();
        Outbox outbox = new Outbox(Outbox.DEFAULT_SIZE);
        Conductor conductor = new Conductor(layout, new SnapshotExchange(new float[1]),
                ConductorStages.standard(ChannelConditioner.NONE).then(new ValueReportStage(demand, 1)),
                ConductorSettings.DEFAULT, outbox, System.getLogger("bench"));
        InputRing ring = new InputRing(InputRing.DEFAULT_SIZE, RingWaitStrategy.BLOCKING, r -> {
            Thread thread = new Thread(r, "bench-conductor");
            thread.setDaemon(true);
            return thread;
        }, conductor);
        ring.start();
        OscQueryServer server = new OscQueryServer(new OscQuerySettings("127.0.0.1", 0, OscQuerySettings.NO_MDNS,
                "bench"), new OscQueryNamespace("bench", "Bench", layout, List.of()), layout,
                new OscQueryHostInfo("bench", Optional.empty(), Optional.empty()), demand);
        ParameterSetFlyweight parameter = new ParameterSetFlyweight();
        OutboxAgent agent = new OutboxAgent(outbox)
                .listen(EventKinds.PARAMETER_SET, envelope -> {
                    long now = System.nanoTime();
                    int n = Math.round(parameter.wrap(envelope).value());
                    if (parameter.slot() == 0 && n > 0 && n <= total) {
                        agentAt.compareAndSet(n, 0, now);
                    }
                })
                .listen(EventKinds.PARAMETER_SET, server.outboxListener());
        server.start();
        AgentThread agentThread = AgentThread.parking("bench-outbox", Duration.ofMillis(1));
        agentThread.add(new SupervisedAgent(agent, System.getLogger("bench")));
        CountDownLatch last = new CountDownLatch(1);
        HttpClient http = HttpClient.newHttpClient();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/"),
                new WebSocket.Listener() {
                    private ByteBuffer partial = ByteBuffer.allocate(64);

                    @Override
                    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean lastPart) {
                        long now = System.nanoTime();
                        partial.put(data); // the JDK may hand one frame over in parts
                        if (lastPart) {
                            // "/vernissage/bench/level" (23 chars, padded to 24), ",f" padded to 4: the float at 28.
                            int n = Math.round(partial.getFloat(28));
                            partial.clear();
                            if (n > 0 && n <= total) {
                                clientAt.compareAndSet(n, 0, now);
                                if (n == total) {
                                    last.countDown();
                                }
                            }
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                        System.out.println("  the server closed the WebSocket: " + statusCode + " " + reason);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        System.out.println("  the WebSocket failed: " + error);
                    }
                }).get(5, TimeUnit.SECONDS);
        socket.sendText("{\"COMMAND\":\"LISTEN\",\"DATA\":\"/vernissage/bench/level\"}", true).get(5, TimeUnit.SECONDS);
        Thread.sleep(200);

        long next = System.nanoTime() + periodNanos;
        for (int n = 1; n <= total; n++) {
            while (System.nanoTime() < next) {
                long left = next - System.nanoTime();
                if (left > 200_000) {
                    Thread.sleep(0, (int) Math.min(999_999, left - 100_000));
                } else {
                    Thread.onSpinWait();
                }
            }
            ring.offerParameter(0, n, System.nanoTime());
            long now = System.nanoTime();
            offeredAt.set(n, now);
            ring.offerFrame(n, now, now + periodNanos, 0);
            next += periodNanos;
        }
        boolean complete = last.await(15, TimeUnit.SECONDS);

        Histogram toAgent = new Histogram(HIGHEST_NANOS, 3);
        Histogram toClient = new Histogram(HIGHEST_NANOS, 3);
        int missing = 0;
        int missingAtAgent = 0;
        for (int n = warmUp + 1; n <= total; n++) {
            if (agentAt.get(n) == 0) {
                missingAtAgent++;
            }
            if (agentAt.get(n) == 0 || clientAt.get(n) == 0) {
                missing++;
                continue;
            }
            toAgent.recordValue(Math.max(0, agentAt.get(n) - offeredAt.get(n)));
            toClient.recordValue(Math.max(0, clientAt.get(n) - offeredAt.get(n)));
        }
        System.out.println("  at the end: values wanted " + demand.wanted() + ", outbox posted " + outbox.posted()
                + " refused " + outbox.refused() + ", agent unheard " + agent.unheard() + "; server "
                + server.stats().describe() + "; client closed " + socket.isInputClosed());
        socket.abort();
        // The JDK closes a client's WebSockets when the HttpClient is collected: keep it to here.
        java.lang.ref.Reference.reachabilityFence(http);
        server.close();
        agentThread.close();
        ring.close();

        System.out.printf("oscquery push latency, %d frames at %.0f fps (after %d warm-up), %d not measured (coalesced: the server pushes the newest value, a busy machine skips some)"
                + " (%d of them never reached the outbox agent)%s%n", frames, 1e9 / periodNanos, warmUp, missing,
                missingAtAgent, complete ? "" : " (the last frame never arrived)");
        System.out.println("  path                                   p50 us    p99 us  p99.9 us");
        line("frame mark -> outbox agent (baseline)", toAgent);
        line("frame mark -> WebSocket client        ", toClient);
        System.out.printf("  ratio client / baseline:             p50 %.1fx   p99 %.1fx%n",
                ratio(toClient, toAgent, 50), ratio(toClient, toAgent, 99));
    }

    private static void line(String name, Histogram histogram) {
        System.out.printf("  %s %9.1f %9.1f %9.1f%n", name, histogram.getValueAtPercentile(50) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3);
    }

    private static double ratio(Histogram a, Histogram b, double percentile) {
        return (double) a.getValueAtPercentile(percentile) / Math.max(1, b.getValueAtPercentile(percentile));
    }
}
