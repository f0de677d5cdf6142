package org.vernissage.models.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.event.ModelInputFlyweight;
import org.vernissage.models.ModelException;
import org.vernissage.models.declare.ModelDeclaration;
import org.vernissage.models.declare.ModelType;
import org.vernissage.models.interact.TrainingPlan;
import org.vernissage.models.learn.ExampleSet;
import org.vernissage.models.learn.TrainingOptions;

/**
 * The models of one artwork as a run needs them: for each, how it meets the parameters
 * ({@link ModelBinding}) and how it is trained and kept ({@link TrainingPlan}), index i at
 * position i. Made from the manifest's declarations, plus, when Wekinator is asked for and the
 * artwork declares no model, Wekinator's default model: a regression named "wekinator" whose
 * inputs come from {@code /wek/inputs} (their count fixed by the first example) and whose outputs
 * are every float parameter in manifest order (at most {@link ModelBinding#MAX_OUTPUTS}; Wekinator's
 * {@code setOutputNames} changes them), or, when its saved examples name float parameters as their
 * outputs (a {@code setOutputNames} before they were recorded), those: a restart keeps the outputs
 * the examples and the model were made for.
 *
 * <p>Immutable; made on the thread assembling the run.
 */
public record ModelShow(List<ModelBinding> bindings, List<TrainingPlan> plans, List<String> warnings) {

    /** The default model's name (its files: models/wekinator.examples.json, models/wekinator.model.json). */
    public static final String WEKINATOR_MODEL = "wekinator";

    public ModelShow {
        bindings = List.copyOf(bindings);
        plans = List.copyOf(plans);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return bindings.isEmpty();
    }

    /**
     * @param artworkFolder where a default model's files go (models/)
     * @param wekinator whether the Wekinator endpoint runs (then a default model is made if none is declared)
     */
    public static ModelShow of(List<ModelDeclaration> declared, ParameterLayout layout, Path artworkFolder,
                               boolean wekinator) {
        List<ModelBinding> bindings = new ArrayList<>();
        List<TrainingPlan> plans = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (ModelDeclaration d : declared) {
            int index = bindings.size();
            bindings.add(binding(index, d, layout));
            plans.add(new TrainingPlan(index, d.name(), d.type(), d.inputs(), d.outputs(), d.training(),
                    Optional.ofNullable(d.examples()), Optional.of(d.file())));
        }
        if (wekinator && declared.isEmpty()) {
            Path examples = wekinatorExamples(artworkFolder);
            List<String> names = savedOutputNames(examples, layout);
            if (names.isEmpty()) {
                names = floatParameters(layout, warnings);
            }
            int[] slots = names.stream().mapToInt(n -> layout.offset(layout.indexOf(n).orElseThrow())).toArray();
            bindings.add(new ModelBinding(0, WEKINATOR_MODEL, ModelBinding.Kind.REGRESSION, new int[0],
                    ModelInputFlyweight.MAX_TOTAL, slots, mins(slots, layout), maxs(slots, layout)));
            plans.add(new TrainingPlan(0, WEKINATOR_MODEL, ModelType.MLP, List.of(), names, TrainingOptions.defaults(),
                    Optional.of(examples), Optional.of(wekinatorModelFile(artworkFolder))));
        }
        return new ModelShow(bindings, plans, warnings);
    }

    /** Where Wekinator's default model keeps its examples in {@code artworkFolder}. */
    public static Path wekinatorExamples(Path artworkFolder) {
        return artworkFolder.resolve("models").resolve(WEKINATOR_MODEL + ".examples.json");
    }

    /** Where Wekinator's default model keeps its trained model in {@code artworkFolder}. */
    public static Path wekinatorModelFile(Path artworkFolder) {
        return artworkFolder.resolve("models").resolve(WEKINATOR_MODEL + ".model.json");
    }

    /** The default model's default outputs: the float parameters, at most {@link ModelBinding#MAX_OUTPUTS}. */
    private static List<String> floatParameters(ParameterLayout layout, List<String> warnings) {
        List<String> names = new ArrayList<>();
        for (ParameterSpec spec : layout.specs()) {
            if (spec.type() != ParameterType.FLOAT) {
                continue;
            }
            if (names.size() == ModelBinding.MAX_OUTPUTS) {
                warnings.add("Wekinator's default model drives the first " + ModelBinding.MAX_OUTPUTS
                        + " float parameters; '" + spec.name() + "' and later ones are left out"
                        + " (name the outputs with /wekinator/control/setOutputNames)");
                break;
            }
            names.add(spec.name());
        }
        return names;
    }

    /**
     * The outputs the default model's saved examples name, when every one is a float parameter of
     * the artwork (at most {@link ModelBinding#MAX_OUTPUTS}); empty otherwise (no file, a file the
     * trainer will report, or generic names): the default outputs then.
     */
    private static List<String> savedOutputNames(Path examples, ParameterLayout layout) {
        if (!Files.isRegularFile(examples)) {
            return List.of();
        }
        List<String> names;
        try {
            names = ExampleSet.load(examples).outputNames();
        } catch (ModelException e) {
            return List.of(); // said by the trainer when it loads the examples
        }
        boolean floats = !names.isEmpty() && names.size() <= ModelBinding.MAX_OUTPUTS && names.stream()
                .allMatch(n -> layout.indexOf(n).map(p -> layout.specs().get(p).type() == ParameterType.FLOAT)
                        .orElse(false));
        return floats && names.stream().distinct().count() == names.size() ? names : List.of();
    }

    private static ModelBinding binding(int index, ModelDeclaration d, ParameterLayout layout) {
        int[] inputs = slots(d.inputs(), layout, Integer.MAX_VALUE);
        boolean classifier = d.type().isClassifier();
        int[] outputs = slots(d.outputs(), layout, classifier ? 1 : ModelBinding.MAX_OUTPUTS);
        return new ModelBinding(index, d.name(), classifier ? ModelBinding.Kind.CLASSIFIER : ModelBinding.Kind.REGRESSION,
                inputs, inputs.length, outputs, mins(outputs, layout), maxs(outputs, layout));
    }

    /** Every component's slot of the named parameters, in order (the declarations checked the names). */
    private static int[] slots(List<String> names, ParameterLayout layout, int most) {
        List<Integer> slots = new ArrayList<>();
        for (String name : names) {
            int p = layout.indexOf(name).orElseThrow(() -> new IllegalArgumentException("no parameter " + name));
            for (int c = 0; c < layout.specs().get(p).type().components() && slots.size() < most; c++) {
                slots.add(layout.offset(p) + c);
            }
        }
        return slots.stream().mapToInt(Integer::intValue).toArray();
    }

    private static float[] mins(int[] slots, ParameterLayout layout) {
        float[] min = new float[slots.length];
        for (int i = 0; i < slots.length; i++) {
            min[i] = layout.slotMin(slots[i]);
        }
        return min;
    }

    private static float[] maxs(int[] slots, ParameterLayout layout) {
        float[] max = new float[slots.length];
        for (int i = 0; i < slots.length; i++) {
            max[i] = layout.slotMax(slots[i]);
        }
        return max;
    }
}
