package org.vernissage.showcontrol.control;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.agrona.concurrent.Agent;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscMessageView;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscStreamEvent;
import org.vernissage.osc.OscWriter;
import org.vernissage.osc.SlipDecoder;
import org.vernissage.showcontrol.control.ControlAction.Local;
import org.vernissage.showcontrol.control.ControlAction.Refused;
import org.vernissage.showcontrol.control.ControlAction.StageCommand;
import org.vernissage.showcontrol.control.ControlAction.ToStage;
import org.vernissage.showcontrol.cue.ControlCommands;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueState;

/**
 * The OSC control port ({@code --control[=PORT]}, QLab's 53000 by default): UDP and TCP (SLIP
 * framing, as QLab) on the same port number. Each message is read by the {@link ControlDictionary};
 * commands for the show enter the input ring as {@code CONSOLE_COMMAND} envelopes (so they are
 * journalled and replayed like any input, and ordered with everything else); the cue stage answers
 * through the conductor's outbox, the outbox agent hands the answers to {@link #replies()} (a
 * {@link ReplyRelay}), and this endpoint sends each console its reply on
 * {@code /reply/{address}} with JSON {@code {"workspace_id", "address", "status", "data"}}: on TCP
 * on the same connection; on UDP to the sender's host at the reply port (53001) unless that host
 * sent {@code /udpReplyPort}. Consoles that sent {@code /updates 1} get {@code /update/...} pushes
 * when the playhead or a cue's state changes.
 *
 * <p>Threads: one agent thread, "vernissage-control-PORT", owns the sockets, the pending requests,
 * the subscribers and the passcode state; {@link #start}, {@link #close} on the wiring thread;
 * {@link #replies()} is called by the outbox agent's thread. Commands, replies and JSON allocate:
 * this path runs at a person's pace, never per frame (the conductor's side allocates nothing).
 */
public final class ControlEndpoint implements AutoCloseable {

    /** Where commands enter the engine: the input ring's {@code offerEvent}. */
    @FunctionalInterface
    public interface CommandSink {
        boolean offerEvent(InputEvent event);
    }

    private static final int PACKET_BYTES = 65_536;
    private static final int MAX_PENDING = 4096;
    /** A command the stage has not answered by then is answered with an error (a stage disabled, say). */
    private static final long ANSWER_TIMEOUT_NANOS = 2_000_000_000L;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final ControlSettings settings;
    private final ControlDictionary dictionary;
    private final CommandSink sink;
    private final Clock clock;
    private final Logger log;
    private final ReplyRelay relay = new ReplyRelay(1024);
    private final ControlStats stats = new ControlStats();
    private final OscPacketReader reader = new OscPacketReader();
    private final OscWriter writer = new OscWriter();
    private final ByteBuffer received = ByteBuffer.allocate(PACKET_BYTES);
    private final ByteBuffer outgoing = ByteBuffer.allocate(PACKET_BYTES);
    private final InputEvent envelope = new InputEvent();
    private final ConsoleCommandFlyweight command = new ConsoleCommandFlyweight();
    private final List<ControlMessage> messages = new ArrayList<>();
    private final OscMessageHandler collect = (view, tag, arrival) -> messages.add(ControlMessage.of(view));
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private final Map<InetAddress, Integer> replyPorts = new HashMap<>();
    private final Set<InetAddress> connectedHosts = new HashSet<>();
    private final Set<Console> subscribers = new LinkedHashSet<>();
    private final List<Connection> connections = new ArrayList<>();
    private final Consumer<SelectionKey> onReady = this::ready;
    private final Set<String> loggedOnce = new HashSet<>();
    private final java.util.concurrent.atomic.AtomicReference<CueList> offered =
            new java.util.concurrent.atomic.AtomicReference<>();

    private DatagramChannel udp;
    private ServerSocketChannel tcp;
    private Selector selector;
    private AgentThread thread;
    private SupervisedAgent agent;
    private int boundPort;
    private long nextRequest = 1;
    private int nextConsole = 1;

    public ControlEndpoint(ControlSettings settings, ControlDictionary dictionary, CommandSink sink, Clock clock,
                           Logger log) {
        this.settings = settings;
        this.dictionary = dictionary;
        this.sink = sink;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Any thread (the cue file's watcher): the list the cue stage will swap in at its next
     * {@code RELOAD}; the endpoint reads cue numbers against it once the stage says it swapped.
     */
    public void offer(CueList next) {
        offered.set(next);
    }

    /** The outbox listener to register for {@code CONSOLE_REPLY} before the outbox agent starts. */
    public ReplyRelay replies() {
        return relay;
    }

    /** Binds UDP and TCP on the port and starts the endpoint's thread. */
    public synchronized void start() throws IOException {
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        if (address.isUnresolved()) {
            throw new IOException("control host '" + settings.host() + "' cannot be resolved");
        }
        tcp = ServerSocketChannel.open();
        try {
            tcp.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            tcp.bind(address);
            boundPort = ((InetSocketAddress) tcp.getLocalAddress()).getPort();
            udp = DatagramChannel.open(address.getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            udp.bind(new InetSocketAddress(address.getAddress(), boundPort));
        } catch (IOException e) {
            closeQuietly(tcp);
            closeQuietly(udp);
            throw new IOException("control port " + settings.host() + ":" + settings.port() + " cannot be bound: "
                    + e.getMessage(), e);
        }
        tcp.configureBlocking(false);
        udp.configureBlocking(false);
        thread = AgentThread.selecting("vernissage-control-" + boundPort, Duration.ofMillis(250));
        selector = thread.selector();
        relay.wakeWith(thread::wake);
        agent = new SupervisedAgent(new Serving(), log);
        thread.add(agent);
    }

    /** The port bound (UDP and TCP); 0 before start. */
    public synchronized int port() {
        return boundPort;
    }

    public ControlStats stats() {
        return stats;
    }

    /** The agent's errors and restarts; null before start. */
    public synchronized AgentHealth health() {
        return agent;
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.close();
            thread = null;
        }
        closeQuietly(udp);
        closeQuietly(tcp);
    }

    private final class Serving implements Agent {
        @Override
        public void onStart() {
            try {
                udp.register(selector, SelectionKey.OP_READ);
                tcp.register(selector, SelectionKey.OP_ACCEPT);
            } catch (IOException e) {
                throw new IllegalStateException("control port " + boundPort + ": cannot register: " + e, e);
            }
        }

        @Override
        public int doWork() throws IOException {
            int work = selector.selectNow(onReady);
            work += receiveDatagrams();
            work += sendReplies();
            return work;
        }

        @Override
        public void onClose() {
            for (Connection c : List.copyOf(connections)) {
                drop(c);
            }
        }

        @Override
        public String roleName() {
            return "control-" + boundPort;
        }
    }

    // ---- receiving ------------------------------------------------------------------------

    private void ready(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept();
        } else if (key.isReadable() && key.attachment() instanceof Connection connection) {
            read(connection);
        }
    }

    private int receiveDatagrams() throws IOException {
        int n = 0;
        for (; n < 256; n++) {
            received.clear();
            SocketAddress from = udp.receive(received);
            if (from == null) {
                break;
            }
            InetSocketAddress sender = (InetSocketAddress) from;
            if (!allowed(sender.getAddress(), "a datagram")) {
                continue; // dropped with no reply: a stranger learns nothing, not even that we listen
            }
            packet(received, received.position(), new UdpConsole(sender.getAddress()));
        }
        return n;
    }

    private void accept() {
        SocketChannel accepted;
        try {
            accepted = tcp.accept();
            if (accepted == null) {
                return;
            }
        } catch (IOException e) {
            logOnce("accept", "control port " + boundPort + ": accepting a console failed: " + e);
            return;
        }
        if (!allowed(remoteAddress(accepted), "a TCP connection")) {
            closeQuietly(accepted); // closed at accept: not one byte of it is read
            return;
        }
        if (connections.size() >= settings.maxConnections()) {
            stats.connectionsRefused.incrementAndGet();
            closeQuietly(accepted);
            return;
        }
        try {
            accepted.configureBlocking(false);
            Connection connection = new Connection(accepted, nextConsole++);
            accepted.register(selector, SelectionKey.OP_READ, connection);
            connections.add(connection);
        } catch (IOException e) {
            closeQuietly(accepted);
        }
    }

    /** True when {@code peer} is in {@code --control-allow}; otherwise counted, the first logged. */
    private boolean allowed(InetAddress peer, String what) {
        if (settings.allow().permits(peer)) {
            return true;
        }
        stats.notAllowed.incrementAndGet();
        if (loggedOnce.add("not allowed")) {
            log.log(Level.WARNING, "control port " + boundPort + ": refused " + what + " from "
                    + (peer == null ? "an unknown address" : peer.getHostAddress()) + ", which is not in --control-allow "
                    + settings.allow() + " (logged once; further refusals are counted in the control statistics)");
        }
        return false;
    }

    private static InetAddress remoteAddress(SocketChannel channel) {
        try {
            return channel.getRemoteAddress() instanceof InetSocketAddress remote ? remote.getAddress() : null;
        } catch (IOException e) {
            return null; // already gone: refused as unknown
        }
    }

    private void read(Connection c) {
        ByteBuffer in = c.in;
        in.clear();
        int read;
        try {
            read = c.channel.read(in);
        } catch (IOException e) {
            drop(c); // the console went away
            return;
        }
        if (read < 0) {
            drop(c);
            return;
        }
        in.flip();
        while (in.hasRemaining()) {
            OscStreamEvent event = c.slip.decode(in);
            if (event == OscStreamEvent.PACKET) {
                packet(c.slip.packet(), c.slip.packetLength(), c);
            } else if (event != OscStreamEvent.NEED_MORE) {
                stats.malformed.incrementAndGet();
                logOnce("slip " + event, "control port " + boundPort + ": a console's TCP stream: " + event
                        + " (a frame was discarded; expected OSC packets framed with SLIP, as QLab sends)");
            }
        }
    }

    /** One OSC packet from {@code console}: every message in it, in order. */
    private void packet(ByteBuffer buffer, int length, Console console) {
        messages.clear();
        if (!reader.read(buffer, 0, length, clock.nanos(), collect)) {
            stats.malformed.incrementAndGet();
            logOnce("osc " + reader.rejection(), "control port " + boundPort + ": a packet was refused: "
                    + reader.rejection() + " (expected an OSC 1.0 message or bundle)");
            return;
        }
        for (ControlMessage message : List.copyOf(messages)) {
            handle(message, console);
        }
    }

    private void handle(ControlMessage message, Console console) {
        stats.commands.incrementAndGet();
        if (message.address().startsWith("/reply/") || message.address().startsWith("/update/")) {
            return; // another console's echo: never answer a reply
        }
        ControlAction action = dictionary.read(message);
        if (action instanceof Local local && local.kind() == ControlAction.LocalKind.CONNECT) {
            connect(local.argument(), message.address(), console);
            return;
        }
        if (action instanceof Local local && local.kind() == ControlAction.LocalKind.UDP_REPLY_PORT) {
            // Before the passcode check: a console must be able to hear that it is refused.
            if (console instanceof UdpConsole u) {
                replyPorts.put(u.host, Integer.parseInt(local.argument()));
            }
            reply(console, message.address(), "ok", local.argument());
            return;
        }
        if (!connected(console)) {
            stats.badPasscodes.incrementAndGet();
            reply(console, message.address(), "badpass", "connect first: /workspace/" + dictionary.workspaceId()
                    + "/connect {passcode}");
            return;
        }
        switch (action) {
            case Refused refused -> {
                stats.refused.incrementAndGet();
                reply(console, message.address(), "error", refused.message());
            }
            case Local local -> local(local, message.address(), console);
            case ToStage toStage -> toStage(toStage, message.address(), console);
        }
    }

    private void connect(String passcode, String address, Console console) {
        if (settings.passcode().isPresent() && !settings.passcode().get().equals(passcode)) {
            stats.badPasscodes.incrementAndGet();
            reply(console, address, "badpass", "wrong passcode for workspace " + dictionary.workspaceId());
            return;
        }
        console.connect(this);
        reply(console, address, "ok", "ok:control");
    }

    private boolean connected(Console console) {
        return settings.passcode().isEmpty() || console.connected(this);
    }

    private void local(Local local, String address, Console console) {
        switch (local.kind()) {
            case THUMP -> reply(console, address, "ok", "thump");
            case ANSWER -> reply(console, address, "ok", local.argument());
            case UPDATES -> {
                if (local.argument().equals("1")) {
                    subscribers.add(console);
                } else {
                    subscribers.remove(console);
                }
                reply(console, address, "ok", Integer.parseInt(local.argument()));
            }
            default -> reply(console, address, "error", "unexpected " + local.kind());
        }
    }

    private void toStage(ToStage action, String address, Console console) {
        if (pending.size() >= MAX_PENDING) {
            stats.ringFull.incrementAndGet();
            reply(console, address, "error", "the engine is not answering; try again");
            return;
        }
        long request = nextRequest++;
        long now = clock.nanos();
        Pending p = new Pending(address, console, action);
        pending.put(request, p);
        for (StageCommand c : action.commands()) {
            command.wrap(envelope.begin(EventKinds.CONSOLE_COMMAND, now, InputBatch.IMMEDIATELY, false))
                    .reset(console.id(), c.code(), request);
            for (int i = 0; i < c.arguments().length; i++) {
                command.argument(i, c.arguments()[i]);
            }
            if (!sink.offerEvent(envelope)) {
                stats.ringFull.incrementAndGet();
                p.expected--; // this one never reaches the stage
                p.failure = "the engine's input is full; try again";
            }
        }
        p.check();
        flush();
    }

    // ---- replies --------------------------------------------------------------------------

    private int sendReplies() {
        flush(); // answers that timed out
        int n = 0;
        for (ReplyRelay.Note note; (note = relay.poll()) != null; n++) {
            try {
                if (note.request == ControlCommands.UPDATE_REQUEST) {
                    update(note);
                } else {
                    Pending p = pending.get(note.request);
                    if (p != null && !p.ready) {
                        p.answered(note);
                        p.check();
                    }
                }
            } finally {
                relay.recycle(note);
            }
        }
        if (n > 0) {
            flush();
        }
        return n;
    }

    private void update(ReplyRelay.Note note) {
        if (note.command == ControlCommands.UPDATE_LIST) {
            CueList next = offered.getAndSet(null);
            if (next != null) {
                dictionary.replace(next, note.intArg(0)); // the stage has swapped: read numbers against it
            }
        }
        if (subscribers.isEmpty()) {
            return;
        }
        String base = "/update/workspace/" + dictionary.workspaceId();
        String address;
        String value;
        if (note.command == ControlCommands.UPDATE_LIST) {
            address = base;
            value = "cue list reloaded";
        } else if (note.command == ControlCommands.UPDATE_PLAYHEAD) {
            address = base + "/cueList/main/playbackPosition";
            value = dictionary.cues().numberOf(note.intArg(0));
        } else {
            address = base + "/cue_id/" + dictionary.cues().numberOf(note.intArg(0));
            value = CueState.ofCode(note.intArg(1)).word();
        }
        for (Console console : List.copyOf(subscribers)) {
            if (send(console, address, value)) {
                stats.updatesSent.incrementAndGet();
            }
        }
    }

    /** A command's answer in waiting: for the stage (a wildcard sends several commands), or ready. */
    private final class Pending {
        final String address;
        final Console console;
        final ToStage action;
        final long createdNanos = System.nanoTime();
        int expected;
        final List<float[]> answers = new ArrayList<>();
        String failure;
        boolean ready;
        String status;
        Object data;

        Pending(String address, Console console, ToStage action) {
            this.address = address;
            this.console = console;
            this.action = action;
            this.expected = action == null ? 0 : action.commands().size();
        }

        void answered(ReplyRelay.Note note) {
            float[] args = new float[note.count];
            System.arraycopy(note.args, 0, args, 0, note.count);
            answers.add(args);
        }

        void finish(String status, Object data) {
            this.status = status;
            this.data = data;
            this.ready = true;
        }

        /** Once every command was answered: the reply's status and data. */
        void check() {
            if (ready || answers.size() < expected) {
                return;
            }
            if (failure != null) { // some commands never entered the ring: say so, even if the rest ran
                stats.refused.incrementAndGet();
                finish("error", failure);
                return;
            }
            for (float[] a : answers) {
                if (Math.round(a[0]) != ControlCommands.OK) {
                    stats.refused.incrementAndGet();
                    finish("error", ControlCommands.reason(Math.round(a[1])));
                    return;
                }
            }
            finish("ok", data(action.shape(), answers));
        }
    }

    private Object data(ControlAction.Shape shape, List<float[]> answers) {
        float[] last = answers.get(answers.size() - 1);
        int playhead = Math.round(last[2]);
        return switch (shape) {
            case GO -> {
                ObjectNode go = JSON.createObjectNode();
                go.put("cue", dictionary.cues().numberOf(Math.round(last[3])));
                go.put("playhead", dictionary.cues().numberOf(playhead));
                yield go;
            }
            case PLAYHEAD -> dictionary.cues().numberOf(playhead);
            case PLAYHEAD_NAME -> playhead < 0 ? "" : dictionary.cues().cue(playhead).name();
            case CUE_STATE -> CueState.ofCode(Math.round(last[4])).word();
            case CUES -> {
                ArrayNode numbers = JSON.createArrayNode();
                answers.forEach(a -> numbers.add(dictionary.cues().numberOf(Math.round(a[3]))));
                yield numbers;
            }
            case VALUES -> {
                ArrayNode values = JSON.createArrayNode();
                answers.forEach(a -> values.add(a[4]));
                yield answers.size() == 1 ? values.get(0) : values;
            }
            case NONE -> null;
        };
    }

    /**
     * Answers {@code console} in turn: the answer waits behind every earlier command's (a refusal
     * found at once is not sent before the reply to a GO that went through the ring), so each
     * console hears its answers in the order it sent the commands.
     */
    private void reply(Console console, String address, String status, Object data) {
        Pending p = new Pending(address, console, null);
        p.finish(status, data);
        pending.put(nextRequest++, p);
        flush();
    }

    /** Sends the answers that are ready, oldest first, stopping at the first still waiting for the stage. */
    private void flush() {
        long now = System.nanoTime();
        for (var it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (!p.ready && now - p.createdNanos > ANSWER_TIMEOUT_NANOS) {
                stats.refused.incrementAndGet();
                p.finish("error", "the engine did not answer within 2 s");
            }
            if (!p.ready) {
                return;
            }
            it.remove();
            sendReply(p.console, p.address, p.status, p.data);
        }
    }

    private void sendReply(Console console, String address, String status, Object data) {
        ObjectNode json = JSON.createObjectNode();
        json.put("workspace_id", dictionary.workspaceId());
        json.put("address", address);
        json.put("status", status);
        json.set("data", JSON.valueToTree(data));
        if (send(console, "/reply" + address, json.toString())) {
            stats.repliesSent.incrementAndGet();
        } else {
            stats.repliesLost.incrementAndGet();
        }
    }

    /** Writes one message with one string argument and sends it; false when it could not be sent. */
    private boolean send(Console console, String address, String value) {
        int length;
        try {
            length = writer.wrap(outgoing).message(address).s(value).end().length();
        } catch (RuntimeException e) {
            logOnce("write", "control port " + boundPort + ": a reply could not be written (" + e.getMessage() + ")");
            return false;
        }
        return console.send(this, outgoing, length);
    }

    // ---- consoles -------------------------------------------------------------------------

    /** Who sent a command: a host over UDP or one TCP connection. */
    private sealed interface Console permits UdpConsole, Connection {
        int id();

        boolean send(ControlEndpoint endpoint, ByteBuffer packet, int length);

        void connect(ControlEndpoint endpoint);

        boolean connected(ControlEndpoint endpoint);
    }

    /** A UDP console, known by its host (its source port changes with every oscsend). */
    private record UdpConsole(InetAddress host) implements Console {
        @Override
        public int id() {
            return host.hashCode();
        }

        @Override
        public boolean send(ControlEndpoint endpoint, ByteBuffer packet, int length) {
            int port = endpoint.replyPorts.getOrDefault(host, endpoint.settings.replyPort());
            ByteBuffer out = packet.duplicate().position(0).limit(length);
            try {
                return endpoint.udp.send(out, new InetSocketAddress(host, port)) == length;
            } catch (IOException e) {
                endpoint.logOnce("udp send", "control port " + endpoint.boundPort + ": a UDP reply to " + host + ":"
                        + port + " failed: " + e);
                return false;
            }
        }

        @Override
        public void connect(ControlEndpoint endpoint) {
            endpoint.connectedHosts.add(host);
        }

        @Override
        public boolean connected(ControlEndpoint endpoint) {
            return endpoint.connectedHosts.contains(host);
        }
    }

    /** A TCP console: SLIP in, SLIP out, on the same connection. */
    private static final class Connection implements Console {
        final SocketChannel channel;
        final int id;
        final ByteBuffer in = ByteBuffer.allocate(8192);
        final SlipDecoder slip = new SlipDecoder(ByteBuffer.allocate(PACKET_BYTES));
        final ByteBuffer out = ByteBuffer.allocate(2 * PACKET_BYTES + 2);
        boolean connected;

        Connection(SocketChannel channel, int id) {
            this.channel = channel;
            this.id = id;
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public boolean send(ControlEndpoint endpoint, ByteBuffer packet, int length) {
            out.clear();
            out.put(SlipDecoder.END);
            for (int i = 0; i < length; i++) {
                byte b = packet.get(i);
                if (b == SlipDecoder.END) {
                    out.put(SlipDecoder.ESC).put(SlipDecoder.ESC_END);
                } else if (b == SlipDecoder.ESC) {
                    out.put(SlipDecoder.ESC).put(SlipDecoder.ESC_ESC);
                } else {
                    out.put(b);
                }
            }
            out.put(SlipDecoder.END);
            out.flip();
            try {
                // A console's replies are small and few; a socket buffer that cannot take one
                // means the console stopped reading: drop it rather than queue without bound.
                for (int tries = 0; out.hasRemaining() && tries < 100; tries++) {
                    if (channel.write(out) == 0) {
                        Thread.onSpinWait();
                    }
                }
            } catch (IOException e) {
                endpoint.drop(this);
                return false;
            }
            if (out.hasRemaining()) {
                endpoint.drop(this);
                return false;
            }
            return true;
        }

        @Override
        public void connect(ControlEndpoint endpoint) {
            connected = true;
        }

        @Override
        public boolean connected(ControlEndpoint endpoint) {
            return connected;
        }
    }

    private void drop(Connection c) {
        connections.remove(c);
        subscribers.remove(c);
        SelectionKey key = c.channel.keyFor(selector);
        if (key != null) {
            key.cancel();
        }
        closeQuietly(c.channel);
    }

    private void logOnce(String kind, String message) {
        if (loggedOnce.add(kind)) {
            log.log(Level.WARNING, message + " (logged once; counted in the control statistics)");
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing: nothing more to do
            }
        }
    }
}
