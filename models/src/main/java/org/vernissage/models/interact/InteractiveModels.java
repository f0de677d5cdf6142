package org.vernissage.models.interact;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.System.Logger;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ConductorStage;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.models.run.ModelResultListener;
import org.vernissage.models.run.ModelRuntime;
import org.vernissage.models.run.ModelShow;
import org.vernissage.models.run.ModelStage;
import org.vernissage.models.wekinator.WekinatorEndpoint;
import org.vernissage.models.wekinator.WekinatorOutputMap;
import org.vernissage.models.wekinator.WekinatorOutputs;

/**
 * The models of one live run, wired: the worker ({@link ModelRuntime}), the conductor's
 * {@link ModelStage}, the trainer on "vernissage-trainer" fed by a {@link TrainerQueue}, and with
 * {@code --wekinator} the {@link WekinatorEndpoint} (and {@code /wek/outputs} with
 * {@code --wekinator-out}). Two steps, because the stage must be in the conductor before the ring
 * exists and the rest offers into the ring: {@link #prepare} (then {@link #stage()} goes into
 * {@code ConductorStages.modelResults}), and {@link #start} once the ring runs.
 *
 * <p>At start each model's saved examples are read; a model whose manifest says {@code "run"}
 * (or, for Wekinator's default model, one with saved examples) is trained from them on the
 * assembling thread (seeded: the same examples give the same model, in well under a second) and
 * runs from the first input.
 *
 * <p>Made, started and closed on the thread assembling the run; {@link #statistics} from any.
 */
public final class InteractiveModels implements AutoCloseable {

    private static final Logger LOG = System.getLogger(InteractiveModels.class.getName());
    private static final int QUEUE_CAPACITY = 1024;

    /**
     * @param wekinatorHost where the Wekinator endpoint listens (with {@code wekinatorPort})
     * @param wekinatorPort absent: no Wekinator endpoint; 0 picks a free port
     * @param wekinatorOut where {@code /wek/outputs} and training progress go, if anywhere
     * @param provenance who records examples in the room and under what consent: their datasheets say so
     */
    public record Settings(String artworkId, String wekinatorHost, Optional<Integer> wekinatorPort,
                           Optional<InetSocketAddress> wekinatorOut, ModelFileLoader fileLoader,
                           RoomModelArchive.Provenance provenance) {

        /** With the default wording of {@link RoomModelArchive.Provenance#inTheRoom()}. */
        public Settings(String artworkId, String wekinatorHost, Optional<Integer> wekinatorPort,
                        Optional<InetSocketAddress> wekinatorOut, ModelFileLoader fileLoader) {
            this(artworkId, wekinatorHost, wekinatorPort, wekinatorOut, fileLoader,
                    RoomModelArchive.Provenance.inTheRoom());
        }

        /** Without a runtime for artists' files (onnx, torchscript). */
        public Settings(String artworkId, String wekinatorHost, Optional<Integer> wekinatorPort,
                        Optional<InetSocketAddress> wekinatorOut) {
            this(artworkId, wekinatorHost, wekinatorPort, wekinatorOut, ModelFileLoader.NONE);
        }
    }

    private final ModelShow show;
    private final ParameterLayout layout;
    private final Settings settings;
    private final PrintWriter out;
    private final ModelRuntime runtime;
    private final TrainerQueue queue;
    private final ModelStage stage;
    private final List<AutoCloseable> started = new ArrayList<>();
    private Trainer trainer;
    private ModelOscControl oscControl;
    private WekinatorEndpoint wekinator;
    private WekinatorOutputs wekinatorOut;

    private InteractiveModels(ModelShow show, ParameterLayout layout, Settings settings, PrintWriter out) {
        this.show = show;
        this.layout = layout;
        this.settings = settings;
        this.out = out;
        this.runtime = new ModelRuntime(show.bindings(), 1);
        int maxInputs = show.bindings().stream().mapToInt(b -> b.maxInputs()).max().orElse(1);
        this.queue = new TrainerQueue(QUEUE_CAPACITY, maxInputs, org.vernissage.models.run.ModelBinding.MAX_OUTPUTS);
        this.stage = runtime.stage(layout, queue);
    }

    /** The models of {@code show}, not started; {@code out} is the run's console (progress bar, messages). */
    public static InteractiveModels prepare(ModelShow show, ParameterLayout layout, Settings settings, PrintWriter out) {
        return new InteractiveModels(show, layout, settings, out);
    }

    /** A replay's stage: results come from the journal, nothing runs or trains. */
    public static ConductorStage replayStage(ModelShow show, ParameterLayout layout, List<Boolean> runFromStart) {
        ModelStage replay = new ModelStage(show.bindings(), layout, List.of(), TrainerInbox.NONE, () -> { });
        for (int i = 0; i < runFromStart.size(); i++) {
            if (runFromStart.get(i)) {
                replay.runFromStart(i);
            }
        }
        return replay;
    }

    /** The conductor's stage for these models: {@code ConductorStages.modelResults(stage())}. */
    public ConductorStage stage() {
        return stage;
    }

    /** The worker side, for tests and statistics. */
    public ModelRuntime runtime() {
        return runtime;
    }

    /** The trainer, once started. */
    public Trainer trainer() {
        return trainer;
    }

    /**
     * The models' commands on the run's OSC ports ({@code /vernissage/<id>/model/<name>/<command>}),
     * offering into {@code sink}; made once. For the sensors' OSC router.
     */
    public ModelOscControl oscControl(InputSink sink) {
        if (oscControl == null) {
            oscControl = new ModelOscControl(settings.artworkId(), show.bindings(), sink);
        }
        return oscControl;
    }

    /** The Wekinator endpoint's port, when it runs. */
    public Optional<Integer> wekinatorPort() {
        return Optional.ofNullable(wekinator).map(WekinatorEndpoint::port);
    }

    /**
     * Reads saved examples, trains what runs at start, then starts the worker, the trainer and the
     * Wekinator endpoint, all offering into {@code ring}.
     *
     * @param runAtStart per model, whether it runs from the start (the manifest's {@code "run"})
     * @throws IOException when the Wekinator port cannot be bound (the message says which and why)
     */
    public void start(InputRing ring, Clock clock, List<Boolean> runAtStart) throws IOException {
        try {
            startAll(ring, clock, runAtStart);
        } catch (IOException | RuntimeException e) {
            close(); // threads already started end before the failure goes on
            throw e;
        }
    }

    private void startAll(InputRing ring, Clock clock, List<Boolean> runAtStart) throws IOException {
        ModelResultListener listener = ModelResultListener.NONE;
        if (settings.wekinatorOut().isPresent() && !show.isEmpty()) {
            wekinatorOut = new WekinatorOutputs(settings.wekinatorOut().get(), 0, settings.artworkId());
            started.add(wekinatorOut);
            listener = wekinatorOut;
        }
        WekinatorOutputs progressOut = wekinatorOut;
        TrainerListener console = new TerminalProgress(out, (model, percent) -> {
            if (progressOut != null) {
                progressOut.progress(model, percent);
            }
        });
        trainer = new Trainer(show.plans(), queue, runtime.slots(), console,
                new RoomModelArchive(settings.provenance()));
        trainer.fileLoader(settings.fileLoader());
        trainer.layout(layout);
        trainer.loadExamples();
        for (int i = 0; i < show.bindings().size(); i++) {
            boolean run = i < runAtStart.size() && runAtStart.get(i);
            if (run && !trainer.loadModel(i) && trainer.exampleCount(i) > 0) {
                trainer.trainNow(i); // no saved model (or a damaged one): the saved examples make it again, seeded
            }
            if (run) {
                stage.runFromStart(i);
            }
        }
        runtime.start(ring::offerEvent, listener, clock);
        started.add(runtime);
        AgentThread trainerThread = AgentThread.parking("vernissage-trainer", Duration.ofMillis(10));
        trainerThread.add(new SupervisedAgent(trainer, LOG));
        started.add(trainerThread);
        if (settings.wekinatorPort().isPresent() && !show.isEmpty()) {
            WekinatorOutputMap outputs = new WekinatorOutputMap(show.bindings().get(0));
            wekinator = new WekinatorEndpoint(settings.wekinatorHost(), settings.wekinatorPort().get(),
                    settings.artworkId(), show.bindings().get(0), show.bindings(), outputs, layout, ring, clock);
            wekinator.start();
            started.add(wekinator);
        }
    }

    /** One line per model, the stage's and trainer's counts, and the endpoint's. Any thread. */
    public List<String> statistics() {
        List<String> lines = new ArrayList<>(runtime.statistics());
        lines.add(String.format("models: %,d examples recorded, %,d refused, %,d results applied, %,d trainings, "
                        + "%,d bad model events", stage.examplesRecorded(), stage.examplesRefused() + queue.refused(),
                stage.resultsApplied(), trainer == null ? 0 : trainer.trainings(), stage.badEvents()));
        if (oscControl != null && oscControl.taken() + oscControl.unknown() > 0) {
            lines.add(String.format("models over OSC: %,d commands, %,d unknown addresses, %,d lost (ring full)",
                    oscControl.taken(), oscControl.unknown(), oscControl.refused()));
        }
        if (wekinator != null) {
            lines.add(wekinator.describe());
        }
        return lines;
    }

    /** Stops the endpoint, the trainer, the worker (in that order), then closes the models. */
    @Override
    public void close() {
        for (AutoCloseable part : started.reversed()) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.log(Logger.Level.WARNING, "closing models: " + e);
            }
        }
        started.clear();
    }
}
