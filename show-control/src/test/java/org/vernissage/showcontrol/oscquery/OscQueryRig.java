package org.vernissage.showcontrol.oscquery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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

/**
 * Test support: the real pipeline around an OSCQuery server, without GL: an input ring whose
 * conductor ends with the {@link ValueReportStage}, the conductor's outbox drained by a real
 * {@link OutboxAgent} on an agent thread, frame marks every 5 ms from a ticker thread (as the render
 * loop sends them), and the server on 127.0.0.1 with any free ports. Owned by one test.
 */
final class OscQueryRig implements AutoCloseable {

    static final String ID = "tide";
    // Snapshot slots in declaration order.
    static final int LEVEL = 0;
    static final int WAVES = 1;
    static final int CALM = 2;
    static final int CENTRE = 3;
    static final int TINT = 5;

    static final ParameterLayout LAYOUT = new ParameterLayout(List.of(
            new ParameterSpec("level", ParameterType.FLOAT, 0f, 1f, new float[] {0.25f}, "", "how high the tide is"),
            new ParameterSpec("waves", ParameterType.INT, 0f, 10f, new float[] {3f}, "waves", "how many waves"),
            new ParameterSpec("calm", ParameterType.BOOL, 0f, 1f, new float[] {0f}, "", "no wind"),
            new ParameterSpec("centre", ParameterType.VEC2, -1f, 1f, new float[] {0f, 0.5f}, "", "the eye"),
            new ParameterSpec("tint", ParameterType.COLOR, 0f, 1f, new float[] {0.1f, 0.2f, 0.3f, 1f}, "", "colour"),
            new ParameterSpec("flash", ParameterType.EVENT, 0f, 1f, new float[] {0f}, "", "a flash")));

    final ValueDemand demand = new ValueDemand();
    final Outbox outbox = new Outbox(Outbox.DEFAULT_SIZE);
    final InputRing ring;
    final OscQueryServer server;
    private final AgentThread outboxThread = AgentThread.parking("test-outbox", Duration.ofMillis(1));
    private final ScheduledExecutorService frames = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong frameIndex = new AtomicLong();

    OscQueryRig(List<OscQueryMethod> methods) throws Exception {
        this(methods, null);
    }

    /** With {@code followed} (may be null) given to the server before it starts. */
    OscQueryRig(List<OscQueryMethod> methods, OscQueryMethods followed) throws Exception {
        float[] defaults = new float[LAYOUT.slotCount()];
        LAYOUT.copyDefaultsInto(defaults);
        ConductorStages stages = ConductorStages.standard(ChannelConditioner.NONE)
                .then(new ValueReportStage(demand, LAYOUT.slotCount()));
        Conductor conductor = new Conductor(LAYOUT, new SnapshotExchange(defaults), stages, ConductorSettings.DEFAULT,
                outbox, System.getLogger("test"));
        ring = new InputRing(1024, RingWaitStrategy.BLOCKING, runnable -> {
            Thread thread = new Thread(runnable, "test-conductor");
            thread.setDaemon(true);
            return thread;
        }, conductor);
        ring.start();
        OscQueryNamespace namespace = new OscQueryNamespace(ID, "Tide", LAYOUT, methods);
        server = new OscQueryServer(new OscQuerySettings("127.0.0.1", 0, 0, "Vernissage-test"), namespace, LAYOUT,
                new OscQueryHostInfo("Vernissage: Tide", Optional.of("127.0.0.1"), Optional.of(9000)), demand);
        OutboxAgent agent = new OutboxAgent(outbox).listen(EventKinds.PARAMETER_SET, server.outboxListener());
        if (followed != null) {
            server.follow(followed);
        }
        server.start();
        outboxThread.add(new SupervisedAgent(agent, System.getLogger("test")));
        frames.scheduleAtFixedRate(this::frame, 5, 5, TimeUnit.MILLISECONDS);
    }

    private void frame() {
        long now = System.nanoTime();
        ring.offerFrame(frameIndex.incrementAndGet(), now, now + 5_000_000L, 0);
    }

    /** A value for {@code slot}, as a console's OSC message would reach the ring. */
    void set(int slot, float value) {
        if (!ring.offerParameter(slot, value, System.nanoTime())) {
            throw new AssertionError("the ring refused a value");
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() throws Exception {
        frames.shutdownNow();
        frames.awaitTermination(2, TimeUnit.SECONDS);
        server.close();
        outboxThread.close();
        ring.close();
    }
}
