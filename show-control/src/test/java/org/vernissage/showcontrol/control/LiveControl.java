package org.vernissage.showcontrol.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.param.ParameterLayout;
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
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscStreamEvent;
import org.vernissage.osc.OscWriter;
import org.vernissage.osc.SlipDecoder;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueStage;

/**
 * A running engine pipeline with the control endpoint, as the app wires it: an input ring with
 * its conductor (the cue stage in its place), the outbox agent on its own thread, the endpoint on
 * 127.0.0.1 at a free port, frame marks every 2 ms, and a UDP socket that receives the replies.
 */
final class LiveControl implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One OSC message received: its address and its JSON (or string) argument. */
    record Received(String address, String text) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }
    }

    final SystemClock clock = new SystemClock();
    final SnapshotExchange snapshots;
    final InputRing ring;
    final ControlEndpoint endpoint;
    final DatagramChannel replies;
    private final AgentThread outboxThread;
    private final Thread framePump;
    private final AtomicBoolean stop = new AtomicBoolean();

    LiveControl(ParameterLayout layout, CueList cues, Optional<String> passcode) throws IOException {
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        snapshots = new SnapshotExchange(defaults);
        Outbox outbox = new Outbox(1024);
        CueStage stage = new CueStage(cues, layout, true);
        Conductor conductor = new Conductor(layout, snapshots, ConductorStages.standard(ChannelConditioner.NONE)
                .cuesAndFades(stage), ConductorSettings.DEFAULT, outbox,
                System.getLogger("test"));
        ring = new InputRing(1024, RingWaitStrategy.BLOCKING, r -> {
            Thread t = new Thread(r, "test-conductor");
            t.setDaemon(true);
            return t;
        }, conductor);
        replies = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress("127.0.0.1", 0));
        int replyPort = ((InetSocketAddress) replies.getLocalAddress()).getPort();
        endpoint = new ControlEndpoint(new ControlSettings("127.0.0.1", 0, replyPort, passcode, 4),
                new ControlDictionary("tide", stage.inForce(), layout), ring::offerEvent, clock, System.getLogger("test"));
        OutboxAgent outboxAgent = new OutboxAgent(outbox).listen(EventKinds.CONSOLE_REPLY, endpoint.replies());
        ring.start();
        endpoint.start();
        outboxThread = AgentThread.parking("test-outbox", Duration.ofMillis(1));
        outboxThread.add(new SupervisedAgent(outboxAgent, System.getLogger("test")));
        framePump = new Thread(() -> {
            long frame = 0;
            while (!stop.get()) {
                long now = clock.nanos();
                ring.offerFrame(frame++, now, now, 0);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-frames");
        framePump.setDaemon(true);
        framePump.start();
    }

    int port() {
        return endpoint.port();
    }

    float value(int slot) {
        return snapshots.latch().value(slot);
    }

    /** Runs liblo's oscsend: {@code oscsend 127.0.0.1 PORT address [types args...]}. */
    void oscsend(String address, String... typesAndArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of("oscsend", "127.0.0.1", Integer.toString(port()), address));
        command.addAll(List.of(typesAndArgs));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(command + " failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }

    /** The next message on the UDP reply port, waiting at most 5 s. */
    Received nextReply() throws IOException {
        return next(replies);
    }

    static Received next(DatagramChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        long deadline = System.nanoTime() + 5_000_000_000L;
        channel.configureBlocking(false);
        while (System.nanoTime() < deadline) {
            buffer.clear();
            if (channel.receive(buffer) != null) {
                return decode(buffer, buffer.position());
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }
        throw new AssertionError("no reply within 5 s");
    }

    static Received decode(ByteBuffer buffer, int length) {
        List<Received> out = new ArrayList<>();
        OscPacketReader reader = new OscPacketReader();
        if (!reader.read(buffer, 0, length, 0, (view, tag, arrival) -> {
            ControlMessage m = ControlMessage.of(view);
            out.add(new Received(m.address(), m.text(0).orElse("")));
        })) {
            throw new AssertionError("not OSC: " + reader.rejection());
        }
        return out.get(0);
    }

    /** A TCP console speaking SLIP, as QLab's TCP consoles do. */
    static final class TcpConsole implements AutoCloseable {
        final SocketChannel channel;
        private final SlipDecoder slip = new SlipDecoder(ByteBuffer.allocate(65536));
        private final ByteBuffer in = ByteBuffer.allocate(8192);

        TcpConsole(int port) throws IOException {
            channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.configureBlocking(false);
            in.flip();
        }

        void send(String address, Object... args) throws IOException {
            ByteBuffer packet = ByteBuffer.allocate(4096);
            OscWriter w = new OscWriter().wrap(packet).message(address);
            for (Object a : args) {
                if (a instanceof Integer i) {
                    w.i(i);
                } else if (a instanceof Float f) {
                    w.f(f);
                } else {
                    w.s(a.toString());
                }
            }
            int length = w.end().length();
            ByteBuffer framed = ByteBuffer.allocate(2 * length + 2);
            framed.put(SlipDecoder.END);
            for (int i = 0; i < length; i++) {
                byte b = packet.get(i);
                if (b == SlipDecoder.END) {
                    framed.put(SlipDecoder.ESC).put(SlipDecoder.ESC_END);
                } else if (b == SlipDecoder.ESC) {
                    framed.put(SlipDecoder.ESC).put(SlipDecoder.ESC_ESC);
                } else {
                    framed.put(b);
                }
            }
            framed.put(SlipDecoder.END).flip();
            while (framed.hasRemaining()) {
                channel.write(framed);
            }
        }

        Received next() throws IOException {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (in.hasRemaining()) {
                    OscStreamEvent e = slip.decode(in);
                    if (e == OscStreamEvent.PACKET) {
                        return decode(slip.packet(), slip.packetLength());
                    }
                    continue;
                }
                in.clear();
                int n = channel.read(in);
                in.flip();
                if (n < 0) {
                    throw new AssertionError("the endpoint closed the connection");
                }
                if (n == 0) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException ex) {
                        throw new IOException(ex);
                    }
                }
            }
            throw new AssertionError("no reply within 5 s");
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    @Override
    public void close() throws Exception {
        stop.set(true);
        framePump.join(2000);
        endpoint.close();
        outboxThread.close();
        ring.close();
        replies.close();
    }
}
