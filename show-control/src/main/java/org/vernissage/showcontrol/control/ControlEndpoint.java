package org.vernissage.showcontrol.control;

import java.io.IOException;
import java.lang.System.Logger;
import java.nio.channels.Selector;
import java.time.Duration;
import org.agrona.concurrent.Agent;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputEvent;

/**
 * The OSC control port ({@code --control[=PORT]}, QLab's 53000 by default): UDP and TCP (SLIP
 * framing, as QLab) on the same port number. Each message is read by the {@link ControlDictionary};
 * commands for the show enter the input ring as {@code CONSOLE_COMMAND} envelopes; the cue stage
 * answers through the conductor's outbox, the outbox agent hands the answers to {@link #replies()}
 * (a {@link ReplyRelay}), and each console gets its reply on {@code /reply/{address}}; consoles
 * that sent {@code /updates 1} get {@code /update/...} pushes when the playhead or a cue's state
 * changes.
 *
 * <p>This class hosts the port and its thread; the work is done by one class per role:
 * {@link ControlTransport} (sockets, SLIP, the allow list, reading packets), {@link ControlDispatch}
 * (what each message asks: passcode, local answers, commands into the ring) and
 * {@link ControlReplies} (the JSON replies and update pushes, in order, per peer).
 *
 * <p>Threads: one agent thread, "vernissage-control-PORT", runs all three and owns their state;
 * {@link #start}, {@link #close} on the wiring thread; {@link #replies()} is called by the outbox
 * agent's thread; {@link #offer} by any. Commands, replies and JSON allocate: this path runs at a
 * person's pace, never per frame (the conductor's side allocates nothing).
 */
public final class ControlEndpoint implements AutoCloseable {

    /** Where commands enter the engine: the input ring's {@code offerEvent}. */
    @FunctionalInterface
    public interface CommandSink {
        boolean offerEvent(InputEvent event);
    }

    private final Logger logger;
    private final ControlLog log;
    private final ReplyRelay relay = new ReplyRelay(1024);
    private final ControlStats stats = new ControlStats();
    private final Serving serving = new Serving();
    private final ControlTransport transport;
    private final ControlReplies replies;
    private final ControlDispatch dispatch;

    private Selector selector;
    private AgentThread thread;
    private SupervisedAgent agent;
    private int boundPort;

    public ControlEndpoint(ControlSettings settings, ControlDictionary dictionary, CommandSink sink, Clock clock,
                           Logger log) {
        this.logger = log;
        this.log = new ControlLog(log);
        this.transport = new ControlTransport(settings, stats, this.log, clock, serving);
        this.replies = new ControlReplies(settings, dictionary, stats, this.log, relay, transport);
        this.dispatch = new ControlDispatch(settings, dictionary, sink, clock, stats, replies);
    }

    /** The outbox listener to register for {@code CONSOLE_REPLY} before the outbox agent starts. */
    public ReplyRelay replies() {
        return relay;
    }

    /** Binds UDP and TCP on the port and starts the endpoint's thread. */
    public synchronized void start() throws IOException {
        boundPort = transport.bind();
        log.port(boundPort);
        thread = AgentThread.selecting("vernissage-control-" + boundPort, Duration.ofMillis(250));
        selector = thread.selector();
        relay.wakeWith(thread::wake);
        agent = new SupervisedAgent(serving, logger);
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
        transport.close();
    }

    /** The endpoint's agent: the sockets, then the stage's answers; and where messages and drops go. */
    private final class Serving implements Agent, ControlTransport.Receiver {
        @Override
        public void onStart() {
            transport.register(selector);
        }

        @Override
        public int doWork() throws IOException {
            int work = transport.poll();
            work += replies.drain();
            return work;
        }

        @Override
        public void onClose() {
            transport.dropAll();
        }

        @Override
        public String roleName() {
            return "control-" + boundPort;
        }

        @Override
        public void received(ControlMessage message, ControlPeer from) {
            dispatch.handle(message, from);
        }

        @Override
        public void dropped(ControlPeer peer) {
            dispatch.forget(peer);
            replies.forget(peer);
        }
    }
}
