package org.vernissage.models.run;

import java.lang.System.Logger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.models.Model;
import org.vernissage.models.interact.TrainerInbox;

/**
 * The models of one run: a {@link WorkerSlot} per declared model, the conductor's
 * {@link ModelStage} over them, and the {@link ModelWorker} on its own thread
 * ("vernissage-models", parked when idle and woken by the conductor with each input).
 *
 * <p>Made and started on the thread assembling the run, in two steps because the stage must be
 * in the conductor before the ring exists, and the worker offers into the ring:
 * {@link #stage} before the pipeline starts, {@link #start} after. {@link #wake} from the
 * conductor thread; {@link #statistics} from any. Closed by its owner (the run's models part)
 * after the conductor stopped: ends the thread, then closes every model it ran.
 */
public final class ModelRuntime implements AutoCloseable {

    private static final Logger LOG = System.getLogger(ModelRuntime.class.getName());
    /** How long the worker parks when no input came: inputs wake it at once, this only bounds a lost wake-up. */
    private static final Duration IDLE_PARK = Duration.ofMillis(20);

    private final List<ModelBinding> bindings;
    private final List<WorkerSlot> slots = new ArrayList<>();
    private volatile AgentThread thread;
    private ModelWorker worker;

    public ModelRuntime(List<ModelBinding> bindings, int maxInputs) {
        this.bindings = List.copyOf(bindings);
        for (ModelBinding binding : bindings) {
            slots.add(new WorkerSlot(binding.index(), binding.name(), Math.max(binding.maxInputs(), maxInputs),
                    ModelBinding.MAX_OUTPUTS));
        }
    }

    public List<ModelBinding> bindings() {
        return bindings;
    }

    public List<WorkerSlot> slots() {
        return List.copyOf(slots);
    }

    /** The slot of model {@code index}. */
    public WorkerSlot slot(int index) {
        return slots.get(index);
    }

    /** The conductor's stage for these models, handing examples and commands to {@code trainer}. */
    public ModelStage stage(ParameterLayout layout, TrainerInbox trainer) {
        return new ModelStage(bindings, layout, slots, trainer, this::wake);
    }

    /** Starts the worker thread, offering results to {@code sink}. */
    public void start(ResultSink sink, ModelResultListener listener, Clock clock) {
        worker = new ModelWorker(slots, sink, listener, clock);
        AgentThread started = AgentThread.parking("vernissage-models", IDLE_PARK);
        started.add(new SupervisedAgent(worker, LOG));
        thread = started;
    }

    /** Ends the worker's idle at once (an input waits). Conductor thread; allocates nothing. */
    public void wake() {
        AgentThread running = thread;
        if (running != null) {
            running.wake();
        }
    }

    /** The worker, once started (its fault counts). */
    public ModelWorker worker() {
        return worker;
    }

    /** One line per model. Any thread; allocates. */
    public List<String> statistics() {
        return slots.stream().map(WorkerSlot::describe).toList();
    }

    @Override
    public void close() {
        AgentThread running = thread;
        if (running != null) {
            running.close();
        }
        for (WorkerSlot slot : slots) {
            closeQuietly(slot.installed());
            closeQuietly(slot.offer(null));
        }
    }

    private static void closeQuietly(Model model) {
        if (model != null) {
            try {
                model.close();
            } catch (RuntimeException e) {
                LOG.log(Logger.Level.WARNING, "closing model " + model.name() + " failed: " + e);
            }
        }
    }
}
