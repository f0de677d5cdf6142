package org.vernissage.models.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.vernissage.models.ComputeDevice;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;

/**
 * An artist's ONNX model run by ONNX Runtime's own Java API (not DJL's ONNX Runtime engine: the
 * direct API lets the model feed ONNX Runtime tensors that live over direct buffers made once, and
 * bind the output to one too, which DJL's Predictor does not; see docs/performance.md, models, for the
 * figures).
 *
 * <p>The model must have one float input of shape {@code [n]}, {@code [1, n]} or
 * {@code [batch, n]} and a float first output of shape {@code [m]}, {@code [1, m]} or
 * {@code [batch, m]}, where n and m are the counts of parameters the manifest binds: checked at
 * load, and once more by running the model on zeros, with an error naming the file, the tensor, the
 * expected and the actual shape.
 *
 * <p>Loaded on any thread, then owned by one model worker: {@link #run} and {@link #close} only on
 * its thread. {@link #run} writes into the input tensor's buffer and reads the pinned output
 * tensor's buffer: nothing is copied through Java arrays; ONNX Runtime's Java binding still makes a
 * small result object per run (measured in bench/).
 */
public final class OnnxModel implements Model {

    private static final System.Logger LOG = System.getLogger(OnnxModel.class.getName());

    private final String name;
    private final Path file;
    private final int inputCount;
    private final int outputCount;
    private final OrtSession session;
    private final OrtSession.SessionOptions options;
    private final FloatBuffer inputBuffer;
    private final FloatBuffer outputBuffer;
    private final OnnxTensor inputTensor;
    private final OnnxTensor outputTensor;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> pinnedOutputs;
    private final ComputeDevice device;

    private OnnxModel(String name, Path file, int inputCount, int outputCount, OrtSession session,
                      OrtSession.SessionOptions options, String inputName, long[] inputShape, String outputName,
                      long[] outputShape, ComputeDevice device) throws OrtException {
        this.name = name;
        this.file = file;
        this.inputCount = inputCount;
        this.outputCount = outputCount;
        this.session = session;
        this.options = options;
        this.device = device;
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        inputBuffer = ByteBuffer.allocateDirect(inputCount * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        outputBuffer = ByteBuffer.allocateDirect(outputCount * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        // Direct native-order buffers: ONNX Runtime reads and writes them in place, no copy.
        inputTensor = OnnxTensor.createTensor(environment, inputBuffer, inputShape);
        outputTensor = OnnxTensor.createTensor(environment, outputBuffer, outputShape);
        inputs = Map.of(inputName, inputTensor);
        pinnedOutputs = Map.of(outputName, outputTensor);
    }

    /**
     * Loads {@code file} and checks it against the manifest's declaration.
     *
     * @param name        the model's name in the manifest, for messages
     * @param inputCount  how many input parameters the manifest binds
     * @param outputCount how many output parameters the manifest binds
     * @throws ModelException naming the file and what was wrong: missing, not ONNX, wrong tensor
     *                        count, type or shape, or failing on a zero input
     */
    public static OnnxModel load(String name, Path file, int inputCount, int outputCount) throws ModelException {
        String where = "model '" + name + "' (" + file + ")";
        if (!Files.isRegularFile(file)) {
            throw new ModelException(where + ": file not found; expected an ONNX model (.onnx) there");
        }
        OnnxNatives.prepare();
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = null;
        OrtSession session = null;
        try {
            ComputeDevice device = ComputeDevice.requested()
                    .resolve(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA));
            options = sessionOptions(device);
            try {
                session = environment.createSession(file.toString(), options);
            } catch (OrtException e) {
                throw new ModelException(where + ": not a model ONNX Runtime can load (" + firstLine(e) + ")", e);
            }
            Map<String, NodeInfo> inputInfo = session.getInputInfo();
            Map<String, NodeInfo> outputInfo = session.getOutputInfo();
            if (inputInfo.size() != 1) {
                throw new ModelException(where + ": expected one input tensor, found " + inputInfo.size()
                        + " " + inputInfo.keySet());
            }
            if (outputInfo.isEmpty()) {
                throw new ModelException(where + ": the model has no output tensor");
            }
            NodeInfo in = inputInfo.values().iterator().next();
            NodeInfo out = outputInfo.values().iterator().next();
            long[] inShape = checkedShape(where, "input", in, inputCount);
            long[] outShape = checkedShape(where, "output", out, outputCount);
            OnnxModel model = new OnnxModel(name, file, inputCount, outputCount, session, options, in.getName(),
                    inShape, out.getName(), outShape, device);
            model.trialRun(in.getName(), inShape, out.getName(), outShape);
            LOG.log(System.Logger.Level.INFO, "{0}: ONNX Runtime on {1}, {2} -> {3}", where, device,
                    Arrays.toString(inShape), Arrays.toString(outShape));
            return model;
        } catch (OrtException e) {
            closeQuietly(session, options);
            throw new ModelException(where + ": ONNX Runtime failed while loading (" + firstLine(e) + ")", e);
        } catch (ModelException | RuntimeException e) {
            closeQuietly(session, options);
            throw e;
        }
    }

    private static OrtSession.SessionOptions sessionOptions(ComputeDevice device) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        // One thread each: a model worker is one thread among the engine's agents, on machines
        // with few cores; ONNX Runtime's thread pools would spin against the render thread.
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        if (device == ComputeDevice.CUDA) {
            options.addCUDA(0);
        }
        return options;
    }

    /**
     * The shape of the tensor to bind: {@code [n]} stays {@code [n]}, {@code [batch or 1, n]}
     * becomes {@code [1, n]}; anything else, or a type other than float, is refused.
     */
    private static long[] checkedShape(String where, String role, NodeInfo node, int expected) throws ModelException {
        String tensor = role + " tensor '" + node.getName() + "'";
        String wanted = "[" + expected + "], [1, " + expected + "] or [batch, " + expected + "] of float";
        if (!(node.getInfo() instanceof TensorInfo info)) {
            throw new ModelException(where + ": " + tensor + ": expected a tensor " + wanted + ", found "
                    + node.getInfo());
        }
        long[] shape = info.getShape();
        boolean floats = info.type == OnnxJavaType.FLOAT;
        boolean rank1 = shape.length == 1 && matches(shape[0], expected);
        boolean rank2 = shape.length == 2 && (shape[0] == 1 || shape[0] < 0) && matches(shape[1], expected);
        if (!floats || !(rank1 || rank2)) {
            throw new ModelException(where + ": " + tensor + ": expected shape " + wanted + " (the manifest binds "
                    + expected + " " + role + (expected == 1 ? "" : "s") + "), found " + describe(shape) + " of "
                    + info.type.toString().toLowerCase(java.util.Locale.ROOT));
        }
        return shape.length == 1 ? new long[] {expected} : new long[] {1, expected};
    }

    private static boolean matches(long dimension, int expected) {
        return dimension == expected || dimension < 0; // negative: symbolic, checked by the trial run
    }

    private static String describe(long[] shape) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shape[i] < 0 ? "?" : Long.toString(shape[i]));
        }
        return text.append(']').toString();
    }

    /** Runs the model once on zeros, so that a symbolic dimension that disagrees fails at load. */
    private void trialRun(String inputName, long[] inShape, String outputName, long[] outShape) throws ModelException {
        try {
            run(new float[inputCount], new float[outputCount]);
        } catch (ModelException e) {
            throw new ModelException("model '" + name + "' (" + file + "): running it on " + describe(inShape)
                    + " zeros into output '" + outputName + "' " + describe(outShape) + " failed (input '"
                    + inputName + "'): " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputCount() {
        return inputCount;
    }

    @Override
    public int outputCount() {
        return outputCount;
    }

    /** Where ONNX Runtime runs this model. */
    public ComputeDevice device() {
        return device;
    }

    @Override
    public void run(float[] in, float[] out) throws ModelException {
        for (int i = 0; i < inputCount; i++) {
            inputBuffer.put(i, in[i]);
        }
        try (OrtSession.Result ignored = session.run(inputs, pinnedOutputs)) {
            for (int i = 0; i < outputCount; i++) {
                out[i] = outputBuffer.get(i);
            }
        } catch (OrtException e) {
            throw new ModelException("model '" + name + "' (" + file + "): ONNX Runtime failed: " + firstLine(e), e);
        }
    }

    @Override
    public void close() {
        inputTensor.close();
        outputTensor.close();
        closeQuietly(session, options);
    }

    private static void closeQuietly(OrtSession session, OrtSession.SessionOptions options) {
        try {
            if (session != null) {
                session.close();
            }
        } catch (OrtException e) {
            LOG.log(System.Logger.Level.WARNING, "closing an ONNX Runtime session failed: " + firstLine(e));
        }
        if (options != null) {
            options.close();
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
