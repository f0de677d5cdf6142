package org.vernissage.models.interact;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.Agent;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;
import org.vernissage.models.declare.ModelType;
import org.vernissage.models.learn.DtwRecognizer;
import org.vernissage.models.learn.ExampleSet;
import org.vernissage.models.learn.MlpTrainer;
import org.vernissage.models.learn.NearestNeighbours;
import org.vernissage.models.learn.TrainedModelFiles;
import org.vernissage.models.learn.TrainingCancelledException;
import org.vernissage.models.learn.TrainingProgress;
import org.vernissage.models.run.WorkerSlot;

/**
 * Training in the room, on its own thread ("vernissage-trainer"), never the conductor's nor the
 * render thread's: it owns each model's {@link ExampleSet}, fed in event order from the
 * conductor's {@link TrainerQueue} (examples, delete all, delete last), trains on {@code train}
 * (the MLP trainer, seeded: the same examples give the same weights), reports progress to a
 * {@link TrainerListener} (terminal bar, OSC percentage) and swaps the new model into the
 * worker's slot, which takes it between two runs. It keeps the model the training replaced, so
 * {@code undo} puts it back; {@code save} writes the examples (and the model, through a
 * {@link ModelArchive}) into the artwork's folder.
 *
 * <p>A training refused (too few examples, NaN in one, a diverging run) or cancelled changes
 * nothing: the model that ran keeps running, and the listener is told why in one line.
 *
 * <p>A model file replaced on disk while the show runs (an artist's retrained ONNX file copied
 * in, {@code vernissage train} run beside the show) is loaded and swapped in like a training's
 * result ({@code undo} puts back the model it replaced; {@link ModelFileWatch} says which). A file
 * that does not load is said once per version of it, and the model that ran keeps running.
 *
 * <p>An Agrona agent run by an {@code AgentThread}; every method but the counters on that thread.
 * Owned by the run's models part.
 */
public final class Trainer implements Agent {

    private static final Logger LOG = System.getLogger(Trainer.class.getName());
    /** Items handled per duty cycle, so a close is never kept waiting long. */
    private static final int BATCH = 256;

    private final TrainerQueue queue;
    private final List<WorkerSlot> slots;
    private final TrainerListener listener;
    private final ModelArchive archive;
    private ModelFileLoader fileLoader = ModelFileLoader.NONE;
    private ParameterLayout layout = new ParameterLayout(List.of()); // set before the thread starts
    private final Kept[] models;
    private final AtomicLong trainings = new AtomicLong();
    private final AtomicLong refusedExamples = new AtomicLong();
    private final AtomicLong fileReloads = new AtomicLong();
    private final ModelFileWatch files;

    /**
     * @param plans one per model of the show, index i at position i
     * @param slots the worker's slots, same order
     */
    public Trainer(List<TrainingPlan> plans, TrainerQueue queue, List<WorkerSlot> slots, TrainerListener listener,
                   ModelArchive archive) {
        this.queue = queue;
        this.slots = List.copyOf(slots);
        this.listener = listener;
        this.archive = archive;
        this.models = new Kept[plans.size()];
        for (int i = 0; i < models.length; i++) {
            models[i] = new Kept(plans.get(i));
        }
        this.files = new ModelFileWatch(plans);
    }

    @Override
    public String roleName() {
        return "trainer";
    }

    /**
     * Reads each model's saved examples, if any (a missing file is an empty set; a corrupt one is
     * said and the set starts empty, the file left as it is). Called once before the thread starts.
     */
    public void loadExamples() {
        for (Kept kept : models) {
            if (kept.plan.examplesFile().isEmpty() || !Files.exists(kept.plan.examplesFile().get())) {
                continue;
            }
            try {
                kept.examples = ExampleSet.load(kept.plan.examplesFile().get());
            } catch (ModelException e) {
                listener.said(kept.plan.name(), e.getMessage() + "; starting with no examples");
            }
        }
    }

    /** The artwork's parameters, for naming outputs that {@code setOutputNames} maps anew; before the thread starts. */
    public void layout(ParameterLayout parameters) {
        this.layout = parameters;
    }

    /** Where artists' files (onnx, torchscript) are loaded from; before {@link #loadModel}. */
    public void fileLoader(ModelFileLoader loader) {
        this.fileLoader = loader;
    }

    /**
     * Loads model {@code index}'s saved model file, if there is one, and hands it to the worker
     * (at start, before the thread runs). A file that does not load is said, and the caller may
     * train from the examples instead.
     *
     * @return whether a model was loaded
     */
    public boolean loadModel(int index) {
        Kept kept = models[index];
        if (kept.plan.modelFile().isEmpty() || !Files.exists(kept.plan.modelFile().get())) {
            return false;
        }
        try {
            Model loaded = loadFile(kept);
            kept.current = loaded;
            slots.get(index).offer(loaded);
            return true;
        } catch (ModelException e) {
            listener.said(kept.plan.name(), e.getMessage() + (kept.plan.type().isTrained()
                    ? "; training from the examples instead" : "; the work runs without it (its outputs keep their values)"));
            return false;
        }
    }

    /** The model in {@code kept}'s file: an artist's file through the file loader, or one this engine trained. */
    private Model loadFile(Kept kept) throws ModelException {
        Path file = kept.plan.modelFile().orElseThrow();
        if (!kept.plan.type().isTrained()) {
            return fileLoader.load(kept.plan.name(), kept.plan.type().manifestName(), file,
                    kept.plan.inputNames().size(), kept.plan.outputNames().size());
        }
        Model loaded = new TrainedModelFiles().load(file, kept.plan.name());
        if (kept.examples != null && !kept.examples.isEmpty() && loaded.inputCount() != kept.examples.inputCount()) {
            loaded.close();
            throw new ModelException(file + ": reads " + loaded.inputCount() + " inputs, its examples have "
                    + kept.examples.inputCount());
        }
        return loaded;
    }

    /** Trains model {@code index} now, on the calling thread (at start, before the thread runs). */
    public void trainNow(int index) {
        train(models[index]);
    }

    /** How many examples model {@code index} holds. Trainer thread (or a test after the thread ended). */
    public int exampleCount(int index) {
        ExampleSet examples = models[index].examples;
        return examples == null ? 0 : examples.count();
    }

    /** The examples of model {@code index}, or null before the first. Trainer thread. */
    public ExampleSet examples(int index) {
        return models[index].examples;
    }

    /** Trainings that ended with a swap. Any thread. */
    public long trainings() {
        return trainings.get();
    }

    /** Model files reloaded because they were replaced on disk. Any thread. */
    public long fileReloads() {
        return fileReloads.get();
    }

    /** Examples refused (a width that does not match the set's, NaN). Any thread. */
    public long refusedExamples() {
        return refusedExamples.get();
    }

    @Override
    public int doWork() {
        int done = 0;
        TrainerWork work;
        while (done < BATCH && (work = queue.poll()) != null) {
            try {
                handle(work);
            } finally {
                queue.recycle(work);
            }
            done++;
        }
        return done + files.look(System.nanoTime(), this::reload);
    }

    /** Model {@code index}'s file was replaced on disk: loads it and swaps it in, or says why not. */
    private void reload(int index) {
        Kept kept = models[index];
        try {
            install(kept, loadFile(kept));
            fileReloads.lazySet(fileReloads.get() + 1);
            listener.said(kept.plan.name(), "reloaded " + kept.plan.modelFile().get() + " (replaced on disk)");
        } catch (ModelException | RuntimeException e) {
            listener.said(kept.plan.name(), "not reloaded: " + e.getMessage() + "; the model that ran keeps running");
        }
    }

    private void handle(TrainerWork work) {
        if (work.model < 0 || work.model >= models.length) {
            return;
        }
        Kept kept = models[work.model];
        if (work.command == null) {
            addExample(kept, work);
            return;
        }
        switch (work.command) {
            case TRAIN -> train(kept);
            case DELETE_ALL -> {
                if (kept.examples != null) {
                    kept.examples.deleteAll();
                }
                listener.said(kept.plan.name(), "deleted every example");
            }
            case DELETE_LAST -> {
                boolean deleted = kept.examples != null && kept.examples.deleteLast();
                listener.said(kept.plan.name(), deleted ? "deleted the last example, " + kept.examples.count() + " left"
                        : "no example to delete");
            }
            case UNDO -> undo(kept);
            case SAVE -> save(kept);
            case RECORD_CLASS -> {
                kept.recordingClass = work.a;
                kept.gesture.clear();
            }
            case RECORD_ON -> {
                kept.recordingClass = 0;
                kept.gesture.clear();
            }
            case RECORD_OFF -> endGesture(kept);
            case OUTPUT -> renameOutput(kept, work.a, work.b, Math.round(work.value));
            default -> { }
        }
    }

    private void addExample(Kept kept, TrainerWork work) {
        float[] inputs = Arrays.copyOf(work.inputs, work.inputCount); // the example set keeps its own copy
        if (kept.plan.type() == ModelType.DTW) {
            kept.gesture.add(inputs); // a frame of the gesture being recorded; the gesture ends with record off
            return;
        }
        boolean classifier = kept.plan.type().isClassifier();
        if (kept.examples == null) {
            kept.examples = new ExampleSet(names(kept.plan.inputNames(), "input", work.inputCount),
                    classifier ? kept.plan.outputNames() : names(kept.outputNames.current(), "output", work.outputCount));
        }
        try {
            if (classifier) {
                int label = kept.recordingClass > 0 ? kept.recordingClass : Math.round(work.outputs[0]);
                kept.examples.addLabelled(inputs, label);
            } else {
                kept.examples.add(inputs, Arrays.copyOf(work.outputs, work.outputCount));
            }
        } catch (IllegalArgumentException e) {
            refusedExamples.lazySet(refusedExamples.get() + 1);
            if (!kept.refusalSaid) {
                kept.refusalSaid = true;
                listener.said(kept.plan.name(), "example refused: " + e.getMessage() + " (further refusals are counted)");
            }
        }
    }

    /**
     * {@code setOutputNames}: output {@code i} of {@code count} is now the parameter at {@code slot}.
     * The outputs come in order; with the last, examples recorded from then on carry those names
     * (saved with them, so a restart keeps the outputs, see {@code ModelShow}). Examples recorded
     * for other outputs stay, and new ones are refused until they are deleted: said.
     */
    private void renameOutput(Kept kept, int i, int slot, int count) {
        if (!kept.outputNames.receive(i, slot, count, layout)) {
            return;
        }
        List<String> names = kept.outputNames.current();
        if (kept.examples == null || kept.examples.isEmpty()) {
            kept.examples = null; // the next example starts a set with these outputs
            listener.said(kept.plan.name(), "outputs are now " + names);
        } else {
            listener.said(kept.plan.name(), "outputs are now " + names + "; the " + kept.examples.count()
                    + " examples recorded for " + kept.examples.outputNames() + " stay, and examples for the new"
                    + " outputs are refused until they are deleted (deleteAllExamples)");
        }
    }

    /** Record off: a DTW model's frames since record on become one gesture of the class recorded. */
    private void endGesture(Kept kept) {
        if (kept.plan.type() != ModelType.DTW || kept.gesture.isEmpty()) {
            return;
        }
        int label = Math.max(1, kept.recordingClass);
        float[][] frames = kept.gesture.toArray(float[][]::new);
        kept.gesture.clear();
        if (kept.examples == null) {
            kept.examples = new ExampleSet(names(kept.plan.inputNames(), "input", frames[0].length), kept.plan.outputNames());
        }
        try {
            kept.examples.addGesture(frames, label);
            listener.said(kept.plan.name(), "recorded a gesture of class " + label + " (" + frames.length + " frames)");
        } catch (IllegalArgumentException e) {
            refusedExamples.lazySet(refusedExamples.get() + 1);
            listener.said(kept.plan.name(), "gesture refused: " + e.getMessage());
        }
    }

    private static List<String> names(List<String> declared, String prefix, int count) {
        if (declared.size() == count) {
            return declared;
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(prefix + "_" + i);
        }
        return names;
    }

    private void train(Kept kept) {
        String name = kept.plan.name();
        if (kept.examples == null || kept.examples.isEmpty()) {
            listener.said(name, "nothing to train: no examples recorded (record some first)");
            return;
        }
        queue.clearCancel();
        long start = System.nanoTime();
        Model trained;
        float[] lastLoss = {Float.NaN};
        try {
            trained = trainOnce(kept, (step, total, loss) -> {
                lastLoss[0] = loss;
                listener.progress(name, step, total, loss);
            });
        } catch (TrainingCancelledException e) {
            listener.said(name, "training cancelled; the model that ran keeps running");
            return;
        } catch (ModelException | RuntimeException e) {
            listener.said(name, "not trained: " + e.getMessage() + "; the model that ran keeps running");
            LOG.log(Level.DEBUG, "training " + name + " failed", e);
            return;
        }
        long took = System.nanoTime() - start;
        long millis = took / 1_000_000;
        kept.trained = new RoomModelArchive.Trained(Instant.now(), took / 1e9, kept.plan.options().seed());
        install(kept, trained);
        trainings.lazySet(trainings.get() + 1);
        listener.trained(name, kept.examples.count(), lastLoss[0], millis);
    }

    /**
     * Hands {@code next} to the worker in place of the current model, which is kept for undo; the
     * model kept for undo before it is closed (unless the worker still runs it).
     */
    private void install(Kept kept, Model next) {
        Model replaced = kept.current;
        if (kept.previous != null && kept.previous != replaced) {
            closeUnlessRunning(kept.previous, slots.get(kept.plan.index()));
        }
        kept.previous = replaced;
        kept.current = next;
        Model skipped = slots.get(kept.plan.index()).offer(next);
        if (skipped != null && skipped != replaced && skipped != kept.previous) {
            skipped.close();
        }
    }

    private Model trainOnce(Kept kept, TrainingProgress progress) throws ModelException {
        TrainingPlan plan = kept.plan;
        Model trained = switch (plan.type()) {
            case MLP -> new MlpTrainer(plan.options()).train(plan.name(), kept.examples, progress, queue::cancelRequested);
            case KNN -> NearestNeighbours.fit(plan.name(), kept.examples, plan.options().k());
            case DTW -> DtwRecognizer.fit(plan.name(), kept.examples, plan.options().window(), plan.options().threshold());
            default -> throw new ModelException(plan.name() + ": a " + plan.type().manifestName()
                    + " model is loaded from its file, not trained in the room (expected mlp, knn or dtw)");
        };
        if (plan.type() != ModelType.MLP) {
            progress.step(1, 1, 0f);
        }
        return trained;
    }

    private void undo(Kept kept) {
        if (kept.previous == null) {
            listener.said(kept.plan.name(), "nothing to undo: no training replaced a model");
            return;
        }
        Model back = kept.previous;
        kept.previous = kept.current;
        kept.current = back;
        slots.get(kept.plan.index()).offer(back);
        listener.said(kept.plan.name(), "undone: the model before the last training runs again");
    }

    private void save(Kept kept) {
        try {
            List<String> written = archive instanceof RoomModelArchive room
                    ? room.save(kept.plan, kept.examples, kept.current, kept.trained)
                    : archive.save(kept.plan, kept.examples, kept.current);
            files.saved(kept.plan.index()); // our own save is not a replaced file
            listener.said(kept.plan.name(), written.isEmpty() ? "nothing to save (no file configured)"
                    : "saved " + String.join(", ", written));
        } catch (ModelException e) {
            listener.said(kept.plan.name(), "not saved: " + e.getMessage());
        }
    }

    private static void closeUnlessRunning(Model model, WorkerSlot slot) {
        if (slot.installed() != model) {
            model.close();
        }
    }


    /** What the trainer keeps of one model. Trainer thread only. */
    private static final class Kept {
        final TrainingPlan plan;
        final OutputNames outputNames;
        ExampleSet examples;
        Model current;
        Model previous;
        int recordingClass;
        boolean refusalSaid;
        final List<float[]> gesture = new ArrayList<>();
        RoomModelArchive.Trained trained;

        Kept(TrainingPlan plan) {
            this.plan = plan;
            this.outputNames = new OutputNames(plan.outputNames());
        }
    }
}
