package org.vernissage.engine.agent;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.vernissage.engine.fault.FaultCounts;

/**
 * Our error policy around one Agrona {@link Agent}: nothing it throws stops its thread.
 *
 * <ul>
 *   <li>A duty cycle ({@link Agent#doWork()}) that throws is counted, per agent and per kind
 *       (exception class); the first of each kind is logged as one WARNING line naming the agent
 *       and the error, with the stack trace at DEBUG ({@link FaultCounts}); the agent goes on with
 *       its next duty cycle.</li>
 *   <li>After {@link RestartPolicy#failuresBeforeRestart()} failed cycles in a row (no successful
 *       cycle between them), the agent is restarted: {@link Agent#onClose()} (it releases its
 *       socket or device), a back-off that doubles with each restart not followed by a successful
 *       cycle, then {@link Agent#onStart()} (it opens them again). A start that throws is counted
 *       like a failed cycle and tried again after the next back-off. Restarts are counted; the
 *       first is logged, later ones only counted.</li>
 *   <li>{@link AgentTerminationException} is the agent's own way to end (a file played to its
 *       end): it is passed on to the runner, which stops.</li>
 * </ul>
 *
 * <p>While backing off, {@link #doWork()} returns 0 at once, so agents sharing a thread (an Agrona
 * {@code DynamicCompositeAgent}, see {@link AgentThread}) keep running. The counters follow
 * Agrona's counter conventions (one writer with release stores, any reader, no allocation) without
 * its off-heap {@code CountersManager}, which needs {@code jdk.internal.misc} exported to run;
 * they are read through {@link AgentHealth}.
 *
 * <p>Threads: built on the wiring thread; {@code onStart}, {@code doWork} and {@code onClose} are
 * called on the agent's thread only, which writes every counter; any thread reads. Owned by the
 * component whose agent it wraps (a receiver), which adds it to an {@link AgentThread}.
 */
public final class SupervisedAgent implements Agent, AgentHealth {

    /** What happens after a failure, for the log line of the first of its kind. */
    static final String GOES_ON = "the agent goes on";

    private final Agent agent;
    private final String name;
    private final RestartPolicy policy;
    private final Logger logger;
    private final FaultCounts kinds;
    // Written by the agent's thread alone (release stores), read by any: no CAS, no lock.
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private final AtomicLong state = new AtomicLong(AgentState.NEW.ordinal());

    private int failuresInRow;     // agent thread only
    private int backoffStep;       // agent thread only
    private long restartAtNanos;   // agent thread only
    private boolean restarted;     // agent thread only: a restart has not yet had a good cycle
    private boolean restartLogged; // agent thread only

    public SupervisedAgent(Agent agent, RestartPolicy policy, Logger logger) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.name = agent.roleName();
        this.policy = Objects.requireNonNull(policy, "policy");
        this.logger = Objects.requireNonNull(logger, "logger");
        this.kinds = new FaultCounts(name, GOES_ON, logger);
    }

    /** With the default policy. */
    public SupervisedAgent(Agent agent, Logger logger) {
        this(agent, RestartPolicy.DEFAULT, logger);
    }

    // ---- Agent: the agent's thread ----------------------------------------------------------

    @Override
    public void onStart() {
        startAgent();
    }

    @Override
    public int doWork() {
        if (state.get() == AgentState.BACKING_OFF.ordinal() && !restartIfDue()) {
            return 0;
        }
        try {
            int work = agent.doWork();
            succeeded();
            return work;
        } catch (AgentTerminationException end) {
            throw end;
        } catch (Exception | LinkageError | AssertionError e) {
            failed(e, "a duty cycle");
            return 0;
        }
    }

    @Override
    public void onClose() {
        if (state.get() != AgentState.BACKING_OFF.ordinal()) {
            closeAgent();
        }
        setState(AgentState.CLOSED);
    }

    @Override
    public String roleName() {
        return name;
    }

    // ---- AgentHealth: any thread ------------------------------------------------------------

    @Override
    public String name() {
        return name;
    }

    @Override
    public long errors() {
        return errors.get();
    }

    @Override
    public long restarts() {
        return restarts.get();
    }

    @Override
    public AgentState state() {
        return AgentState.of(state.get());
    }

    @Override
    public Map<String, Long> errorsByKind() {
        return kinds.byKind();
    }

    /** Failures of one kind (exception class); 0 when never seen. Any thread. */
    public long errors(Class<? extends Throwable> kind) {
        return kinds.count(kind);
    }

    @Override
    public String toString() {
        return describe();
    }

    // ---- the policy -------------------------------------------------------------------------

    private void succeeded() {
        failuresInRow = 0;
        if (restarted) {
            restarted = false;
            backoffStep = 0; // it works again: the next trouble starts from the shortest wait
        }
    }

    private void failed(Throwable error, String doing) {
        errors.setRelease(errors.getPlain() + 1);
        kinds.record(error, doing);
        if (++failuresInRow >= policy.failuresBeforeRestart()) {
            closeAgent();
            backOff();
        }
    }

    private boolean restartIfDue() {
        if (System.nanoTime() - restartAtNanos < 0) {
            return false;
        }
        restarts.setRelease(restarts.getPlain() + 1);
        if (!restartLogged) {
            restartLogged = true;
            logger.log(Level.WARNING, name + ": restarted after " + policy.failuresBeforeRestart()
                    + " failures in a row; further restarts are only counted");
        }
        restarted = true;
        return startAgent();
    }

    /** Starts the agent; a start that throws is a failure and waits for the next back-off. */
    private boolean startAgent() {
        try {
            agent.onStart();
        } catch (Exception | LinkageError | AssertionError e) {
            errors.setRelease(errors.getPlain() + 1);
            kinds.record(e, "starting");
            closeAgent(); // release whatever the failed start had opened
            backOff();
            return false;
        }
        failuresInRow = 0;
        setState(AgentState.RUNNING);
        return true;
    }

    private void backOff() {
        failuresInRow = 0;
        restartAtNanos = System.nanoTime() + policy.backoffNanos(backoffStep);
        backoffStep = Math.min(backoffStep + 1, 62);
        setState(AgentState.BACKING_OFF);
    }

    private void closeAgent() {
        try {
            agent.onClose();
        } catch (Exception | LinkageError | AssertionError e) {
            errors.setRelease(errors.getPlain() + 1);
            kinds.record(e, "closing");
        }
    }

    private void setState(AgentState next) {
        state.setRelease(next.ordinal());
    }
}
