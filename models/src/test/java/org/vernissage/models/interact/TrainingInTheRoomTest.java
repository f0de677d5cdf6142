package org.vernissage.models.interact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ManifestException;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.artwork.ManifestPrivacy;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.ConductorStages;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.Outbox;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ModelCommandFlyweight;
import org.vernissage.models.Model;
import org.vernissage.models.declare.ModelDeclaration;
import org.vernissage.models.declare.ModelType;
import org.vernissage.models.learn.ExampleSet;
import org.vernissage.models.learn.NearestNeighbours;
import org.vernissage.models.learn.TrainedModelFiles;
import org.vernissage.models.learn.TrainingOptions;
import org.vernissage.models.run.ModelShow;

/**
 * Training in the room through the real pieces: a ring, the conductor with the model stage, the
 * trainer's thread and the worker's. Examples are taken at the moment of their events (inputs ->
 * the output parameters' values then), training swaps the model in, undo puts the previous one
 * back, delete last and delete all change the examples, save writes the examples, their
 * datasheet, the model and its card; too few examples and a cancel leave the running model alone.
 */
class TrainingInTheRoomTest {

    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);
    // Slots: 0 hand_x, 1 hand_y (control-only inputs), 2 hue 0..360, 3 energy 0..1
    private static final int HAND_X = 0;
    private static final int HAND_Y = 1;
    private static final int HUE = 2;
    private static final int ENERGY = 3;

    @TempDir
    Path folder;

    private final ParameterLayout layout = new ParameterLayout(List.of(
            new ParameterSpec("hand_x", ParameterType.FLOAT, 0, 1, new float[] {0.5f}, "", "", false),
            new ParameterSpec("hand_y", ParameterType.FLOAT, 0, 1, new float[] {0.5f}, "", "", false),
            new ParameterSpec("hue", ParameterType.FLOAT, 0, 360, new float[] {0f}, "deg", ""),
            new ParameterSpec("energy", ParameterType.FLOAT, 0, 1, new float[] {0f}, "", "")));
    private final StringWriter console = new StringWriter();
    private InteractiveModels models;
    private SnapshotExchange snapshots;
    private InputRing ring;

    private void start(ModelType type, int steps) throws Exception {
        start(type, steps, RoomModelArchive.Provenance.inTheRoom());
    }

    private void start(ModelType type, int steps, RoomModelArchive.Provenance provenance) throws Exception {
        start(type, steps, provenance, type.isClassifier() ? List.of("energy") : List.of("hue", "energy"),
                List.of(false));
    }

    private void start(ModelType type, int steps, RoomModelArchive.Provenance provenance, List<String> outputs,
                       List<Boolean> runAtStart) throws Exception {
        Path modelsFolder = folder.resolve("models");
        ModelDeclaration pose = new ModelDeclaration("pose", type, List.of("hand_x", "hand_y"), outputs,
                modelsFolder.resolve("pose.model.json"), modelsFolder.resolve("pose.examples.json"),
                TrainingOptions.defaults().withSteps(steps).withK(1), false);
        ModelShow show = ModelShow.of(List.of(pose), layout, folder, false);
        models = InteractiveModels.prepare(show, layout, new InteractiveModels.Settings("room", "127.0.0.1",
                Optional.empty(), Optional.empty(), ModelFileLoader.NONE, provenance), new PrintWriter(console, true));
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        snapshots = new SnapshotExchange(defaults);
        Conductor conductor = new Conductor(layout, snapshots, ConductorStages.standard(ChannelConditioner.NONE)
                .modelResults(models.stage()), ConductorSettings.DEFAULT, new Outbox(64), System.getLogger("test"));
        ring = new InputRing(4096, RingWaitStrategy.BLOCKING, task -> {
            Thread t = new Thread(task, "room-test-conductor");
            t.setDaemon(true);
            return t;
        }, conductor);
        ring.start();
        models.start(ring, new SystemClock(), runAtStart);
    }

    @AfterEach
    void stop() {
        if (models != null) {
            models.close();
        }
        if (ring != null) {
            ring.close();
        }
    }

    private void command(ModelCommand command, int a) {
        InputEvent event = new InputEvent();
        event.begin(EventKinds.MODEL_COMMAND, ModelCommandFlyweight.LENGTH, 0, InputBatch.IMMEDIATELY, false);
        ModelCommandFlyweight.encode(event, 0, command.code(), a, 0, 0f);
        assertTrue(ring.offerEvent(event));
    }

    private void command(ModelCommand command) {
        command(command, 0);
    }

    private void set(int slot, float value) {
        assertTrue(ring.offerParameter(slot, value, System.nanoTime()));
    }

    private void hands(float x, float y) {
        InputBatch batch = new InputBatch(2);
        batch.addParameter(HAND_X, x, InputBatch.IMMEDIATELY);
        batch.addParameter(HAND_Y, y, InputBatch.IMMEDIATELY);
        assertTrue(ring.offer(batch));
    }

    private void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what + "; " + models.statistics() + "\n" + console);
            }
            Thread.yield();
        }
    }

    /** Records {@code n} examples around (x, y) with the outputs set to (hue, energy). */
    private void record(float x, float y, float hue, float energy, int n) {
        set(HUE, hue);
        set(ENERGY, energy);
        command(ModelCommand.RECORD_ON);
        for (int i = 0; i < n; i++) {
            hands(x + (x < 0.5f ? 1 : -1) * i * 0.002f, y);
        }
        command(ModelCommand.RECORD_OFF);
    }

    private boolean near(float hue, float energy, float tolerance) {
        var s = snapshots.latch();
        return Math.abs(s.value(HUE) - hue) <= 360 * tolerance && Math.abs(s.value(ENERGY) - energy) <= tolerance;
    }

    private void recordFourPoses() {
        record(0f, 0f, 36f, 0.9f, 10);
        record(1f, 0f, 324f, 0.1f, 10);
        record(0f, 1f, 180f, 0.5f, 10);
        record(1f, 1f, 324f, 0.9f, 10);
    }

    @Test
    void examplesAreTakenAtTheirEventsTrainedAndSwappedInLive() throws Exception {
        start(ModelType.MLP, 600);
        recordFourPoses();
        await(() -> models.statistics().toString().contains("40 examples recorded"), "40 examples recorded");
        command(ModelCommand.TRAIN);
        await(() -> models.trainer().trainings() == 1, "one training");
        command(ModelCommand.RUN_ON);
        hands(1f, 0f);
        await(() -> near(324f, 0.1f, 0.1f), "the model answers pose (1, 0) as its examples say");
        hands(0f, 1f);
        await(() -> near(180f, 0.5f, 0.1f), "and pose (0, 1)");
        // the trainer counts the training before it tells the terminal: wait for the line, do not race it
        await(() -> console.toString().contains("trained pose on 40 examples"), "the training announced");
        assertTrue(console.toString().contains("100%"), "the progress bar reached 100%: " + console);
    }

    @Test
    void undoPutsBackTheModelTheLastTrainingReplaced() throws Exception {
        start(ModelType.MLP, 300);
        recordFourPoses();
        command(ModelCommand.TRAIN);
        await(() -> models.trainer().trainings() == 1, "first training");
        await(() -> models.runtime().slot(0).installed() != null, "first model installed");
        Model first = models.runtime().slot(0).installed();
        record(0.5f, 0.5f, 0f, 0f, 10);
        command(ModelCommand.TRAIN);
        await(() -> models.trainer().trainings() == 2, "second training");
        await(() -> models.runtime().slot(0).installed() != first, "second model installed");
        assertNotSame(first, models.runtime().slot(0).installed());
        command(ModelCommand.UNDO);
        await(() -> models.runtime().slot(0).installed() == first, "the first model back after undo");
        assertSame(first, models.runtime().slot(0).installed());
    }

    @Test
    void deleteLastDeleteAllAndTooFewExamplesKeepTheRunningModel() throws Exception {
        start(ModelType.MLP, 100);
        record(0f, 0f, 36f, 0.9f, 3);
        command(ModelCommand.DELETE_LAST);
        await(() -> console.toString().contains("deleted the last example, 2 left"), "delete last said");
        command(ModelCommand.DELETE_ALL);
        await(() -> console.toString().contains("deleted every example"), "delete all said");
        command(ModelCommand.TRAIN);
        await(() -> console.toString().contains("nothing to train"), "an empty training refused");
        record(0f, 0f, 36f, 0.9f, 1);
        command(ModelCommand.TRAIN);
        await(() -> console.toString().contains("too few examples"), "one example refused: " + console);
        assertEquals(0, models.trainer().trainings());
        assertEquals(null, models.runtime().slot(0).installed(), "nothing swapped in");
    }

    @Test
    void cancelStopsATrainingAndTheModelThatRanKeepsRunning() throws Exception {
        start(ModelType.MLP, 5_000_000); // far longer than the test waits
        recordFourPoses();
        command(ModelCommand.TRAIN);
        await(() -> console.toString().contains("training pose ["), "the training under way");
        command(ModelCommand.CANCEL);
        await(() -> console.toString().contains("training cancelled"), "the cancel heard");
        assertEquals(0, models.trainer().trainings());
    }

    @Test
    void theShowsRecorderAndConsentGoIntoTheDatasheetAndTheCard() throws Exception {
        start(ModelType.MLP, 50, RoomModelArchive.Provenance.inTheRoom().recordedBy(
                Optional.of("Studio Mira, opening night"), Optional.of("visitors signed the studio's form, 2026-12-05")));
        recordFourPoses();
        command(ModelCommand.TRAIN);
        await(() -> models.trainer().trainings() == 1, "trained");
        command(ModelCommand.SAVE);
        Path card = folder.resolve("models/pose.card.json");
        await(() -> Files.exists(card), "the card written");
        JsonNode sheet = JsonMapper.builder().build().readTree(folder.resolve("models/pose.datasheet.json").toFile());
        assertEquals("Studio Mira, opening night", sheet.get("recordedBy").asText());
        assertEquals("visitors signed the studio's form, 2026-12-05", sheet.get("consent").asText());
        JsonNode json = JsonMapper.builder().build().readTree(card.toFile());
        assertEquals("Studio Mira, opening night", json.get("trainingData").get("recordedBy").asText());
        assertEquals("visitors signed the studio's form, 2026-12-05", json.get("trainingData").get("consent").asText());
        assertTrue(sheet.get("what").asText().contains("recorded in the room"), "what was recorded keeps its wording");
    }

    @Test
    void theManifestsPrivacyBlockGoesIntoTheDatasheetTheCommandLineOverridingIt() throws Exception {
        Files.writeString(folder.resolve("room.frag"), "#version 330 core\nout vec4 c;\nvoid main() { c = vec4(0); }\n");
        Files.writeString(folder.resolve("artwork.json"), """
                { "title": "Room", "artist": "Studio Mira", "year": 2026, "description": "a test room",
                  "shader": "room.frag",
                  "parameters": [ { "name": "hue", "type": "float", "min": 0, "max": 360, "default": 0 } ],
                  "privacy": { "recordedBy": "Studio Mira's mediators, at the gallery",
                               "consent": "visitors signed the gallery's form at the door" } }
                """);
        ManifestPrivacy privacy = ManifestPrivacy.read(ManifestLoader.load(folder));
        // As a run gives it: the manifest's texts, then the command line's (here --consent only).
        start(ModelType.MLP, 50, RoomModelArchive.Provenance.inTheRoom().recordedBy(privacy)
                .recordedBy(Optional.empty(), Optional.of("the mediators' consent form, 2026-12-05")));
        recordFourPoses();
        command(ModelCommand.TRAIN);
        await(() -> models.trainer().trainings() == 1, "trained");
        command(ModelCommand.SAVE);
        Path card = folder.resolve("models/pose.card.json");
        await(() -> Files.exists(card), "the card written");
        JsonNode sheet = JsonMapper.builder().build().readTree(folder.resolve("models/pose.datasheet.json").toFile());
        assertEquals("Studio Mira's mediators, at the gallery", sheet.get("recordedBy").asText(), "the manifest's");
        assertEquals("the mediators' consent form, 2026-12-05", sheet.get("consent").asText(), "the command line's");
        JsonNode json = JsonMapper.builder().build().readTree(card.toFile());
        assertEquals("Studio Mira's mediators, at the gallery", json.get("trainingData").get("recordedBy").asText());
    }

    @Test
    void aPrivacyBlockOfTheWrongTypeIsRefusedNamingItsField() throws Exception {
        Files.writeString(folder.resolve("room.frag"), "#version 330 core\nout vec4 c;\nvoid main() { c = vec4(0); }\n");
        Files.writeString(folder.resolve("artwork.json"), """
                { "title": "Room", "artist": "Studio Mira", "year": 2026, "description": "a test room",
                  "shader": "room.frag", "parameters": [],
                  "privacy": { "recordedBy": ["Mira", "Jo"] } }
                """);
        ManifestException e = org.junit.jupiter.api.Assertions.assertThrows(ManifestException.class,
                () -> ManifestLoader.load(folder));
        assertEquals("privacy.recordedBy", e.fieldPath());
        assertTrue(e.getMessage().contains("who records the training examples") && e.getMessage().contains("[\"Mira\""),
                e.getMessage());
    }

    @Test
    void saveWritesExamplesDatasheetModelAndCard() throws Exception {
        start(ModelType.MLP, 200);
        recordFourPoses();
        command(ModelCommand.TRAIN);
        await(() -> models.trainer().trainings() == 1, "trained");
        command(ModelCommand.SAVE);
        Path card = folder.resolve("models/pose.card.json");
        await(() -> Files.exists(card), "the card written");
        ExampleSet saved = ExampleSet.load(folder.resolve("models/pose.examples.json"));
        assertEquals(40, saved.count());
        assertEquals(List.of("hand_x", "hand_y"), saved.inputNames());
        assertEquals(0.9f, saved.get(0).output(1), 1e-6f, "energy as set at the event");
        assertEquals(0.1f, saved.get(0).output(0), 1e-6f, "hue 36 of 0..360 recorded as 0.1");
        assertTrue(Files.exists(folder.resolve("models/pose.model.json")));
        JsonNode json = JsonMapper.builder().build().readTree(card.toFile());
        for (String field : List.of("name", "purpose", "architecture", "parameterCount", "inputs", "outputs",
                "trainingData", "datasheet", "trainedAt", "seed", "trainingSeconds", "trainingCommand",
                "inferenceLatency", "energy", "files")) {
            assertTrue(json.has(field), "the card has " + field + ": " + json);
        }
        assertEquals(40, json.get("trainingData").get("examples").asInt());
        assertTrue(json.get("inferenceLatency").get("p99Micros").asDouble() > 0);
        assertTrue(json.get("energy").has("kind"), "energy says measured, estimated or not measured: " + json);
        JsonNode sheet = JsonMapper.builder().build().readTree(folder.resolve("models/pose.datasheet.json").toFile());
        assertEquals(40, sheet.get("examples").asInt());
        assertTrue(json.get("trainingData").get("consent").asText().contains("own movements"), "the datasheet's consent");
    }

    @Test
    void aNearestNeighbourClassifierLearnsClassesRecordedWithTheirNumber() throws Exception {
        // energy (0..1) receives the class number: 1 = left, 2 = right... clamped to energy's range,
        // so this uses classes 0 and 1 recorded through RECORD_CLASS's own class.
        start(ModelType.KNN, 1);
        command(ModelCommand.RECORD_CLASS, 1);
        for (int i = 0; i < 5; i++) {
            hands(0.1f + i * 0.01f, 0.2f);
        }
        command(ModelCommand.RECORD_OFF);
        command(ModelCommand.RECORD_CLASS, 2);
        for (int i = 0; i < 5; i++) {
            hands(0.9f - i * 0.01f, 0.8f);
        }
        command(ModelCommand.RECORD_OFF);
        command(ModelCommand.TRAIN);
        await(() -> models.trainer().trainings() == 1, "k-NN fitted");
        command(ModelCommand.RUN_ON);
        hands(0.85f, 0.75f);
        await(() -> models.runtime().slot(0).runs() > 0 && snapshots.latch().value(ENERGY) == 1f,
                "class 2, clamped to energy's max 1");
        hands(0.12f, 0.25f);
        await(() -> models.runtime().slot(0).runs() > 1 && snapshots.latch().value(ENERGY) == 1f,
                "class 1 reaches energy as 1 too");
    }

    /** A one-example k-NN classifier of hand poses: everything is class {@code label}. */
    private static Model classOf(int label) throws Exception {
        ExampleSet examples = new ExampleSet(List.of("hand_x", "hand_y"), List.of("hue"));
        examples.addLabelled(new float[] {0.5f, 0.5f}, label);
        return NearestNeighbours.fit("pose", examples, 1);
    }

    /** Saves {@code model} as {@code file}, in one rename, a second later than the file's time, as a later copy has. */
    private static void replace(Path file, Model model) throws Exception {
        Path next = file.resolveSibling("next.model.json");
        new TrainedModelFiles().save(next, model);
        moveInPlace(next, file);
    }

    /** Moves {@code next} over {@code file} at once, its time a second past the file's (or now). */
    private static void moveInPlace(Path next, Path file) throws Exception {
        long before = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : System.currentTimeMillis();
        Files.setLastModifiedTime(next, java.nio.file.attribute.FileTime.fromMillis(before + 1000));
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aModelFileReplacedOnDiskIsSwappedInAndABrokenOneLeavesTheModelRunning() throws Exception {
        Path file = folder.resolve("models/pose.model.json");
        Files.createDirectories(file.getParent());
        replace(file, classOf(1));
        start(ModelType.KNN, 1, RoomModelArchive.Provenance.inTheRoom(), List.of("hue"), List.of(true));
        hands(0.5f, 0.5f);
        await(() -> snapshots.latch().value(HUE) == 1f, "the file's model runs at start: class 1");

        replace(file, classOf(2)); // retrained elsewhere and copied in while the show runs
        await(() -> models.trainer().fileReloads() == 1, "the replaced file reloaded");
        hands(0.5f, 0.51f);
        await(() -> snapshots.latch().value(HUE) == 2f, "the new file's model runs: class 2");
        await(() -> console.toString().contains("reloaded " + file), "the reload said");

        moveInPlace(Files.writeString(file.resolveSibling("broken.json"), "{ \"not\": \"a model\""), file);
        await(() -> console.toString().contains("not reloaded"), "the broken file said");
        hands(0.5f, 0.5f);
        long runs = models.runtime().slot(0).runs();
        await(() -> models.runtime().slot(0).runs() > runs, "the model ran on");
        assertEquals(2f, snapshots.latch().value(HUE), "the model that ran keeps running");
        assertEquals(1, models.trainer().fileReloads());

        command(ModelCommand.UNDO);
        hands(0.5f, 0.49f);
        await(() -> snapshots.latch().value(HUE) == 1f, "undo puts back the model the reload replaced");
    }
}
