package org.vernissage.models.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.vernissage.models.ModelException;

/**
 * The examples one model learns from: input vectors (named by the input parameters) with the
 * outputs they should give (named by the output parameters), or with a class label, or gestures
 * (sequences of input vectors) with a class label. Added, deleted one at a time or all at once,
 * counted, and saved beside the manifest as {@code models/NAME.examples.json} (atomically).
 *
 * <p>Every example is checked when added or loaded: widths must match the set's names and every
 * value must be finite, so a NaN can never reach a training. Not thread-safe: owned by one thread
 * at a time (the trainer's, or the loading thread's), handed over through a safe publication.
 */
public final class ExampleSet {

    /** The value of the files' {@code "format"} field. */
    public static final String FORMAT = "vernissage-examples/1";

    private final List<String> inputNames;
    private final List<String> outputNames;
    private final List<Example> examples = new ArrayList<>();

    /**
     * An empty set.
     *
     * @param inputNames the input parameters, in the order of each input vector
     * @param outputNames the output parameters (a classifier or gesture set: the one parameter
     *        that receives the class number)
     */
    public ExampleSet(List<String> inputNames, List<String> outputNames) {
        this.inputNames = List.copyOf(inputNames);
        this.outputNames = List.copyOf(outputNames);
        if (this.inputNames.isEmpty()) {
            throw new IllegalArgumentException("an example set needs at least one input");
        }
    }

    public List<String> inputNames() {
        return inputNames;
    }

    public List<String> outputNames() {
        return outputNames;
    }

    public int inputCount() {
        return inputNames.size();
    }

    public int outputCount() {
        return outputNames.size();
    }

    /** How many examples the set holds. */
    public int count() {
        return examples.size();
    }

    public boolean isEmpty() {
        return examples.isEmpty();
    }

    /** Example {@code index} (0 = oldest). */
    public Example get(int index) {
        return examples.get(index);
    }

    /** Every example, oldest first (an unmodifiable view). */
    public List<Example> examples() {
        return Collections.unmodifiableList(examples);
    }

    /**
     * Adds one example after checking it.
     *
     * @throws IllegalArgumentException naming the example's number and the bad value when a width
     *         does not match or a value is not finite
     */
    public void add(Example example) {
        String problem = problemWith(example);
        if (problem != null) {
            throw new IllegalArgumentException("example " + examples.size() + ": " + problem);
        }
        examples.add(example);
    }

    /** Adds a regression example: {@code inputs} should give {@code outputs}. */
    public void add(float[] inputs, float[] outputs) {
        add(Example.regression(inputs, outputs));
    }

    /** Adds a classification example of class {@code label} (1..n). */
    public void addLabelled(float[] inputs, int label) {
        add(Example.labelled(inputs, label));
    }

    /** Adds a gesture of class {@code label} (1..n). */
    public void addGesture(float[][] frames, int label) {
        add(Example.gesture(frames, label));
    }

    /** Deletes example {@code index}. */
    public void delete(int index) {
        examples.remove(index);
    }

    /** Deletes the newest example; false when there was none. */
    public boolean deleteLast() {
        if (examples.isEmpty()) {
            return false;
        }
        examples.remove(examples.size() - 1);
        return true;
    }

    /** Deletes every example. */
    public void deleteAll() {
        examples.clear();
    }

    /** A copy holding the same names and examples (examples are immutable, so shared). */
    public ExampleSet copy() {
        ExampleSet copy = new ExampleSet(inputNames, outputNames);
        copy.examples.addAll(examples);
        return copy;
    }

    /** The highest class label among the examples (0 when none has a label). */
    public int classCount() {
        int highest = 0;
        for (Example example : examples) {
            highest = Math.max(highest, example.label());
        }
        return highest;
    }

    /**
     * What is wrong with {@code example} for this set, or null when nothing is: a width that does
     * not match the names, or a value that is not finite (named by its place).
     */
    public String problemWith(Example example) {
        Objects.requireNonNull(example, "example");
        if (example.isGesture()) {
            for (int f = 0; f < example.frameCount(); f++) {
                float[] frame = example.sequence()[f];
                if (frame.length != inputCount()) {
                    return "frame " + f + " has " + frame.length + " values, expected " + inputCount() + " "
                            + inputNames;
                }
                String bad = firstNonFinite(frame, "frame " + f + " value ");
                if (bad != null) {
                    return bad;
                }
            }
            return null;
        }
        if (example.inputs().length != inputCount()) {
            return "has " + example.inputs().length + " inputs, expected " + inputCount() + " " + inputNames;
        }
        if (example.label() == 0 && example.outputs().length != outputCount()) {
            return "has " + example.outputs().length + " outputs, expected " + outputCount() + " " + outputNames;
        }
        String bad = firstNonFinite(example.inputs(), "input ");
        return bad != null ? bad : firstNonFinite(example.outputs(), "output ");
    }

    private String firstNonFinite(float[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                return what + i + " is " + values[i] + ", expected a finite number";
            }
        }
        return null;
    }

    /** Writes the set to {@code file} as JSON, atomically (temporary file + rename). */
    public void save(Path file) throws ModelException {
        JsonFiles files = new JsonFiles();
        ObjectNode root = files.mapper().createObjectNode();
        root.put("format", FORMAT);
        names(root.putArray("inputs"), inputNames);
        names(root.putArray("outputs"), outputNames);
        ArrayNode array = root.putArray("examples");
        for (Example example : examples) {
            ObjectNode item = array.addObject();
            if (example.isGesture()) {
                ArrayNode frames = item.putArray("sequence");
                for (float[] frame : example.sequence()) {
                    floats(frames.addArray(), frame);
                }
            } else {
                floats(item.putArray("in"), example.inputs());
                if (example.label() == 0) {
                    floats(item.putArray("out"), example.outputs());
                }
            }
            if (example.label() > 0) {
                item.put("label", example.label());
            }
        }
        files.write(file, root);
    }

    /**
     * Reads a set written by {@link #save}. Errors name the file and the field, e.g.
     * {@code models/pose.examples.json: examples[3].in[1]: expected a finite number, found "NaN"}.
     */
    public static ExampleSet load(Path file) throws ModelException {
        JsonNode tree = new JsonFiles().read(file, "an example set (" + FORMAT + ")");
        ModelFields root = ModelFields.of(file, "", tree, "an object with inputs, outputs and examples");
        root.allowOnly(List.of("format", "inputs", "outputs", "examples"));
        String format = root.optionalNonBlankText("format", FORMAT, "\"" + FORMAT + "\"");
        if (!format.equals(FORMAT)) {
            throw root.error("format", "\"" + FORMAT + "\"");
        }
        List<String> inputs = root.requiredTexts("inputs");
        if (inputs.isEmpty()) {
            throw root.error("inputs", "at least one input name");
        }
        ExampleSet set = new ExampleSet(inputs, root.requiredTexts("outputs"));
        root.required("examples", "an array of examples");
        List<Example> read = root.optionalObjects("examples", "an array of examples",
                "an example object {\"in\", \"out\"} or {\"in\", \"label\"} or {\"sequence\", \"label\"}",
                item -> set.read(item));
        set.examples.addAll(read);
        return set;
    }

    private Example read(ModelFields item) throws ModelException {
        item.allowOnly(List.of("in", "out", "label", "sequence"));
        int label = item.optionalInt("label", 1, Integer.MAX_VALUE, 0, "a class number from 1");
        if (item.has("sequence")) {
            if (label == 0) {
                throw item.error("label", "a class number from 1 (a gesture needs its class)");
            }
            float[][] frames = item.requiredRows("sequence", inputCount());
            if (frames.length == 0) {
                throw item.error("sequence", "at least one frame");
            }
            return Example.gesture(frames, label);
        }
        float[] in = item.requiredFloats("in", inputCount());
        if (label > 0) {
            return Example.labelled(in, label);
        }
        return Example.regression(in, item.requiredFloats("out", outputCount()));
    }

    /** Loads {@code file} when it exists, else an empty set with the given names. */
    public static ExampleSet loadOrEmpty(Path file, List<String> inputNames, List<String> outputNames)
            throws ModelException {
        return Files.exists(file) ? load(file) : new ExampleSet(inputNames, outputNames);
    }

    private static void names(ArrayNode array, List<String> names) {
        names.forEach(array::add);
    }

    private static void floats(ArrayNode array, float[] values) {
        for (float value : values) {
            array.add(value);
        }
    }
}
