package org.vernissage.models.wekinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.ConductorStages;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.Outbox;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.models.Model;
import org.vernissage.models.interact.TrainerInbox;
import org.vernissage.models.run.ModelResultListener;
import org.vernissage.models.run.ModelRuntime;
import org.vernissage.models.run.ModelShow;
import org.vernissage.osc.OscWriter;

/**
 * The Wekinator endpoint over real UDP into a real ring and conductor: a 40-float {@code /wek/inputs}
 * (three MODEL_INPUT events of one group) reaches the default model whole; messages that are not
 * Wekinator's, or not OSC at all, are counted and the endpoint goes on.
 */
class WekinatorEndpointTest {

    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final ParameterLayout layout = new ParameterLayout(List.of(
            new ParameterSpec("a", ParameterType.FLOAT, 0, 10, new float[] {0f}, "", ""),
            new ParameterSpec("b", ParameterType.FLOAT, 0, 1, new float[] {0f}, "", "")));
    private InputRing ring;
    private ModelRuntime runtime;
    private WekinatorEndpoint endpoint;

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (ring != null) {
            ring.close();
        }
    }

    @Test
    void longInputVectorsArriveWholeAndBadPacketsAreCounted() throws Exception {
        ModelShow show = ModelShow.of(List.of(), layout, Path.of("unused"), true);
        assertEquals(List.of(0, 1), java.util.Arrays.stream(show.bindings().get(0).outputSlots()).boxed().toList(),
                "the default model's outputs: every float parameter in manifest order");
        runtime = new ModelRuntime(show.bindings(), 1);
        float[] defaults = new float[layout.slotCount()];
        SnapshotExchange snapshots = new SnapshotExchange(defaults);
        Conductor conductor = new Conductor(layout, snapshots, ConductorStages.standard(ChannelConditioner.NONE)
                .modelResults(runtime.stage(layout, TrainerInbox.NONE)), ConductorSettings.DEFAULT, new Outbox(64),
                System.getLogger("test"));
        ring = new InputRing(1024, RingWaitStrategy.BLOCKING, task -> {
            Thread t = new Thread(task, "wek-test-conductor");
            t.setDaemon(true);
            return t;
        }, conductor);
        ring.start();
        AtomicInteger lastLength = new AtomicInteger();
        float[] seen = new float[40];
        runtime.slot(0).offer(new Model() {
            @Override
            public String name() {
                return "sum";
            }

            @Override
            public int inputCount() {
                return 40;
            }

            @Override
            public int outputCount() {
                return 2;
            }

            @Override
            public void run(float[] in, float[] out) {
                System.arraycopy(in, 0, seen, 0, 40);
                lastLength.incrementAndGet();
                out[0] = in[39] / 39f;
                out[1] = in[0];
            }

            @Override
            public void close() {
            }
        });
        runtime.start(ring::offerEvent, ModelResultListener.NONE, new SystemClock());
        endpoint = new WekinatorEndpoint("127.0.0.1", 0, "wek", show.bindings().get(0), show.bindings(),
                new WekinatorOutputMap(show.bindings().get(0)), layout, ring, new SystemClock());
        endpoint.start();
        try (DatagramSocket socket = new DatagramSocket()) {
            send(socket, w -> w.message("/wekinator/control/startRunning").end());
            send(socket, w -> {
                w.message("/wek/inputs");
                for (int i = 0; i < 40; i++) {
                    w.f(i);
                }
                w.end();
            });
            await(() -> lastLength.get() > 0, "the model ran on the 40 inputs");
            for (int i = 0; i < 40; i++) {
                assertEquals(i, seen[i], "input " + i);
            }
            await(() -> snapshots.latch().value(0) == 10f, "output 0 (1.0) mapped onto a's 0..10");
            send(socket, w -> w.message("/wek/nothing").f(1).end());
            socket.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, InetAddress.getLoopbackAddress(), endpoint.port()));
            send(socket, w -> w.message("/wekinator/control/outputs").f(0.5f).end()); // 1 value, 2 outputs
            await(() -> endpoint.badMessages() == 2 && endpoint.malformedPackets() == 1, "bad input counted: "
                    + endpoint.describe());
            send(socket, w -> w.message("/wekinator/control/outputs").f(0.5f).f(0.25f).end());
            await(() -> snapshots.latch().value(1) == 0.25f, "the endpoint goes on after bad input");
        }
    }

    private void send(DatagramSocket socket, java.util.function.Consumer<OscWriter> message) throws Exception {
        ByteBuffer packet = ByteBuffer.allocate(1024);
        OscWriter writer = new OscWriter().wrap(packet);
        message.accept(writer);
        socket.send(new DatagramPacket(packet.array(), writer.length(), InetAddress.getLoopbackAddress(), endpoint.port()));
        Thread.sleep(3);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what);
            }
            Thread.yield();
        }
    }
}
