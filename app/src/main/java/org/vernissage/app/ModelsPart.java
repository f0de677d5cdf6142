package org.vernissage.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestPrivacy;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ConductorStage;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.models.ModelException;
import org.vernissage.models.declare.ModelDeclaration;
import org.vernissage.models.declare.ModelDeclarations;
import org.vernissage.models.interact.InteractiveModels;
import org.vernissage.models.interact.RoomModelArchive;
import org.vernissage.models.run.ModelShow;

/**
 * The artwork's models in a run (the manifest's {@code "models"}, and Wekinator's default model
 * with {@code --wekinator}): the conductor's model stage, and in a live run the model worker, the
 * trainer and the Wekinator endpoint ({@link InteractiveModels}). Made in two steps around the
 * pipeline: {@link #prepare} before it (its stage goes into the conductor), then started as a part
 * once the ring runs ({@link #start}), so it closes before the ring does.
 *
 * <p>Same threads and owner as every {@link RunPart}.
 */
final class ModelsPart implements RunPart {

    private final ModelShow show;
    private final List<Boolean> runAtStart;
    private final ConductorStage stage;
    private final Optional<InteractiveModels> live;

    private ModelsPart(ModelShow show, List<Boolean> runAtStart, ConductorStage stage, Optional<InteractiveModels> live) {
        this.show = show;
        this.runAtStart = runAtStart;
        this.stage = stage;
        this.live = live;
    }

    /**
     * Reads the manifest's models and makes their stage; nothing is started yet.
     *
     * @return empty when the artwork has no model and Wekinator was not asked for
     * @throws ArtworkException when the models section is wrong (the message names the file, model and field)
     */
    static Optional<ModelsPart> prepare(RunOptions options, ArtworkManifest manifest, ParameterLayout layout,
                                        boolean replaying, PrintWriter out) throws ArtworkException {
        // A lone ISF file (run FILE.fs) has no manifest, so no models section; Wekinator's files go beside it.
        boolean lone = !Files.isDirectory(options.artworkFolder());
        Path folder = lone ? options.artworkFolder().toAbsolutePath().getParent() : options.artworkFolder();
        List<ModelDeclaration> declared;
        try {
            declared = lone ? List.of() : ModelDeclarations.read(options.artworkFolder(), layout);
        } catch (ModelException e) {
            throw new ArtworkException(e.getMessage());
        }
        // A replay keeps Wekinator's default model's stage whatever the options say: a journal recorded
        // with --wekinator holds its results, which only that stage applies (and nothing else uses it).
        boolean wekinator = options.models().wekinatorPort().isPresent() || replaying;
        ModelShow show = ModelShow.of(declared, layout, folder, wekinator);
        if (show.isEmpty()) {
            return Optional.empty();
        }
        // A declared model runs from the start when its manifest says so; Wekinator's default waits for startRunning.
        List<Boolean> runAtStart = declared.isEmpty() ? List.of(false) : declared.stream().map(ModelDeclaration::run).toList();
        if (replaying) {
            return Optional.of(new ModelsPart(show, runAtStart, InteractiveModels.replayStage(show, layout, runAtStart),
                    Optional.empty()));
        }
        InteractiveModels models = InteractiveModels.prepare(show, layout, new InteractiveModels.Settings(manifest.id(),
                options.sensors().host(), options.models().wekinatorPort(), options.models().wekinatorOut(),
                org.vernissage.models.ModelLoader::load, // artists' ONNX and TorchScript files
                provenance(options.privacy(), ManifestPrivacy.read(manifest))), out);
        return Optional.of(new ModelsPart(show, runAtStart, models.stage(), Optional.of(models)));
    }

    /**
     * What the datasheets of examples recorded in the room say of who recorded them and under what
     * consent: the command line's ({@code --recorded-by}, {@code --consent}), else the manifest's
     * {@code "privacy"}, else the models' default wording, each text on its own.
     */
    static RoomModelArchive.Provenance provenance(PrivacyOptions privacy, ManifestPrivacy manifest) {
        return RoomModelArchive.Provenance.inTheRoom().recordedBy(manifest)
                .recordedBy(privacy.recordedBy(), privacy.consent());
    }

    /** The conductor's model stage: {@code ConductorStages.modelResults(stage())}. */
    ConductorStage stage() {
        return stage;
    }

    /** Starts the worker, trainer and Wekinator endpoint offering into {@code ring} (a live run). */
    ModelsPart start(InputRing ring, Clock clock) throws IOException {
        if (live.isPresent()) {
            live.get().start(ring, clock, runAtStart);
        }
        return this;
    }

    /** The live models, for tests (the Wekinator port, the worker's counters). */
    Optional<InteractiveModels> live() {
        return live;
    }

    @Override
    public Optional<String> banner() {
        if (live.isEmpty()) {
            return Optional.empty(); // a replay: its models' results come from the journal
        }
        String names = String.join(", ", show.bindings().stream().map(b -> b.name()).toList());
        String wekinator = live.flatMap(InteractiveModels::wekinatorPort).map(p -> ", Wekinator on UDP " + p).orElse("");
        return Optional.of("models " + names + wekinator);
    }

    @Override
    public List<String> statistics() {
        return live.map(InteractiveModels::statistics).orElse(List.of());
    }

    @Override
    public void close() {
        live.ifPresent(InteractiveModels::close);
    }
}
