package org.vernissage.app;

import java.time.Duration;
import java.util.List;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.pipeline.Outbox;
import org.vernissage.engine.pipeline.OutboxAgent;
import org.vernissage.engine.pipeline.OutboxListener;
import org.vernissage.engine.pipeline.event.EventKinds;

/**
 * THE place a run makes its one {@link OutboxAgent}, the single consumer of the conductor's
 * outbox (a second drainer would steal envelopes). Every part that takes envelopes from the
 * outbox (OSCQuery's values; the control port's replies; persistence) registers with
 * {@link #listen} while the run is assembled; {@link #startDraining()} then starts the agent on
 * its thread, "vernissage-outbox" (a parked agent thread: the outbox is drained within a
 * millisecond or two). A run where nobody listened starts no thread.
 *
 * <p>Same threads and owner as every {@link RunPart}: made right after the pipeline, listened to
 * by the parts started after it, started once they are all there, closed after them.
 */
final class OutboxPart implements RunPart {

    static final String THREAD = "vernissage-outbox";
    private static final Duration PARK = Duration.ofMillis(1);

    private final Outbox outbox;
    private final OutboxAgent agent;
    private AgentThread thread;
    private SupervisedAgent supervised;
    private boolean heard;

    private OutboxPart(Outbox outbox) {
        this.outbox = outbox;
        this.agent = new OutboxAgent(outbox);
    }

    /** The one outbox agent of the run over {@code outbox} (the conductor's), not yet draining. */
    static OutboxPart create(Outbox outbox) {
        return new OutboxPart(outbox);
    }

    /** Before {@link #startDraining()}: {@code listener} gets every envelope of {@code kind}. */
    void listen(int kind, OutboxListener listener) {
        agent.listen(kind, listener);
        heard = true;
    }

    /** Starts draining, once every listener is registered; nothing when none was. */
    void startDraining() {
        if (!heard || thread != null) {
            return;
        }
        thread = AgentThread.parking(THREAD, PARK);
        supervised = new SupervisedAgent(agent, System.getLogger(OutboxAgent.class.getName()));
        thread.add(supervised);
        // A console waits for its reply: the conductor wakes the agent for those, not for the rest.
        outbox.wakeOn(EventKinds.CONSOLE_REPLY, thread::wake);
    }

    @Override
    public List<String> statistics() {
        if (outbox.refused() == 0 && outbox.faults().total() == 0 && (supervised == null || healthy(supervised))) {
            return List.of();
        }
        return List.of("outbox: " + outbox.posted() + " posted, " + outbox.refused() + " refused (full), "
                + agent.unheard() + " unheard" + (supervised == null ? "" : ", agent " + supervised.describe()));
    }

    private static boolean healthy(AgentHealth health) {
        return health.errors() == 0 && health.restarts() == 0;
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.close();
            thread = null;
        }
    }
}
