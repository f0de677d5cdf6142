package org.vernissage.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;
import org.vernissage.models.declare.DeclaredModels;
import org.vernissage.models.declare.ModelDeclaration;
import org.vernissage.models.declare.ModelDeclarations;
import org.vernissage.models.declare.ModelType;
import org.vernissage.models.learn.ExampleSet;
import org.vernissage.models.learn.MlpNetwork;
import org.vernissage.models.learn.TextProgressBar;
import org.vernissage.models.learn.TrainedModelFiles;
import org.vernissage.models.learn.TrainingOptions;
import org.vernissage.models.run.ModelShow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vernissage train <artwork-folder> --model NAME [--seed S]}: trains one declared model
 * (mlp, knn or dtw) again, offline, from its saved examples, with a progress bar; writes the model
 * file and its card (date, seed, duration, parameter count, measured plain-Java latency, energy
 * estimated from CPU time) atomically beside it. In an artwork that declares no model,
 * {@code --model wekinator} is Wekinator's default model, an MLP between the inputs and outputs its
 * saved examples name (what a run with {@code --wekinator} recorded and loads).
 *
 * <p>Picocli fills the fields and calls {@link #call()} on the main thread, which trains.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a model of an artwork again from its saved examples; writes the model and its card.")
final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ARTWORK-FOLDER", description = "The artwork whose manifest declares the model.")
    private Path artworkFolder;

    @Option(names = "--model", paramLabel = "NAME", required = true, description = "The model's name in \"models\".")
    private String modelName;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the training (default: the manifest's).")
    private Long seed;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ArtworkManifest manifest = ManifestLoader.load(artworkFolder);
        ParameterLayout layout = manifest.layout();
        List<ModelDeclaration> declared = ModelDeclarations.read(artworkFolder, layout);
        Optional<ModelDeclaration> named = ModelDeclarations.named(declared, modelName);
        if (named.isEmpty() && declared.isEmpty()) {
            named = wekinatorDefault();
        }
        ModelDeclaration model = named.orElseThrow(() -> new ModelException(
                artworkFolder.resolve(ArtworkManifest.FILE_NAME) + ": models: no model called \"" + modelName
                        + "\"; declared: " + (declared.isEmpty() ? "none (and no Wekinator examples in "
                        + ModelShow.wekinatorExamples(artworkFolder) + " for --model " + ModelShow.WEKINATOR_MODEL + ")"
                        : declared.stream().map(ModelDeclaration::name).toList())));
        if (seed != null) {
            model = new ModelDeclaration(model.name(), model.type(), model.inputs(), model.outputs(), model.file(),
                    model.examples(), model.training().withSeed(seed), model.run(), model.description());
        }
        ExampleSet examples = DeclaredModels.examples(model);
        out.println("Training \"" + model.name() + "\" (" + model.type().manifestName() + ") on " + examples.count()
                + " examples from " + model.examples());
        out.flush();
        long start = System.nanoTime();
        Model trained = DeclaredModels.train(model, examples, new TextProgressBar(out, model.name()), () -> false);
        double seconds = (System.nanoTime() - start) / 1e9;
        Instant trainedAt = Instant.now();
        DeclaredModels.save(model, trained);
        Long cardSeed = model.type() == ModelType.MLP ? model.training().seed() : null;
        Path card = DeclaredModels.writeCard(model, trained, examples.count(), layout, trainedAt, cardSeed, seconds,
                command(model));
        out.println(String.format(Locale.ROOT, "Trained in %.3f s: %s, %d parameters%s", seconds,
                TrainedModelFiles.architectureOf(trained), TrainedModelFiles.parameterCountOf(trained),
                trained instanceof MlpNetwork network ? String.format(Locale.ROOT, ", final loss %.6f",
                        network.training().finalLoss()) : ""));
        out.println("Wrote " + model.file() + " (digest " + TrainedModelFiles.digestOf(trained) + ")");
        out.println("Wrote " + card);
        trained.close();
        return 0;
    }

    /**
     * Wekinator's default model as a declaration, when it is the one asked for and its examples
     * were saved: the names its examples carry, the defaults a run trains it with.
     *
     * @throws ModelException naming the examples file when it does not read
     */
    private Optional<ModelDeclaration> wekinatorDefault() throws ModelException {
        Path examples = ModelShow.wekinatorExamples(artworkFolder);
        if (!modelName.equals(ModelShow.WEKINATOR_MODEL) || !Files.isRegularFile(examples)) {
            return Optional.empty();
        }
        ExampleSet saved = ExampleSet.load(examples);
        return Optional.of(new ModelDeclaration(ModelShow.WEKINATOR_MODEL, ModelType.MLP, saved.inputNames(),
                saved.outputNames(), ModelShow.wekinatorModelFile(artworkFolder), examples, TrainingOptions.defaults(),
                false,
                "Wekinator's default model: the examples recorded over /wek/inputs, to the outputs they name."));
    }

    private String command(ModelDeclaration model) {
        return "vernissage train " + artworkFolder + " --model " + model.name()
                + (model.type() == ModelType.MLP ? " --seed " + model.training().seed() : "");
    }
}
