package org.vernissage.app;

import java.util.List;
import java.util.function.Supplier;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.agent.AgentState;

/**
 * The statistics line of the agent behind one part (an OSC TCP server, the TUIO receiver, the
 * audio input, the MIDI watchdog, the PNG capture writer), said only when something happened: a
 * duty cycle failed, the agent was restarted, it is waiting out a back-off, or it ended while its
 * part is still open. For example {@code "TUIO udp 0.0.0.0:3333: agent errors 3 (IOException 3),
 * restarts 1"}. A quiet, healthy agent adds no line, so a technician's eye goes to what went
 * wrong.
 *
 * <p>Made by a part on the wiring thread; {@link #lines()} is read from any thread (the agent's
 * counters are single-writer, any-reader); {@link #partClosed()} is called by the part's
 * {@code close()}, after which a closed agent is what is expected and says nothing. Owned by its
 * part.
 */
final class AgentHealthLine {

    private final String label;
    private final Supplier<AgentHealth> health;
    private volatile boolean partClosed;

    /**
     * @param label names the agent for people, as its source line does (e.g. "TUIO udp 0.0.0.0:3333")
     * @param health the agent's health; it may give null while the agent is not started
     */
    AgentHealthLine(String label, Supplier<AgentHealth> health) {
        this.label = label;
        this.health = health;
    }

    /** One line when the agent had trouble, none otherwise. */
    List<String> lines() {
        AgentHealth agent = health.get();
        if (agent == null) {
            return List.of();
        }
        long errors = agent.errors();
        long restarts = agent.restarts();
        AgentState state = agent.state();
        boolean backingOff = state == AgentState.BACKING_OFF;
        boolean ended = state == AgentState.CLOSED && !partClosed;
        if (errors == 0 && restarts == 0 && !backingOff && !ended) {
            return List.of();
        }
        StringBuilder line = new StringBuilder(label).append(": agent");
        if (errors > 0 || restarts > 0) {
            line.append(" errors ").append(errors);
            if (errors > 0) {
                line.append(" (").append(CountsByKind.describe(agent.errorsByKind())).append(')');
            }
            line.append(", restarts ").append(restarts).append(backingOff || ended ? "," : "");
        }
        if (backingOff) {
            line.append(" waiting to restart");
        } else if (ended) {
            line.append(" ended");
        }
        return List.of(line.toString());
    }

    /** The part is closing: from now on its agent is closed on purpose. */
    void partClosed() {
        partClosed = true;
    }
}
