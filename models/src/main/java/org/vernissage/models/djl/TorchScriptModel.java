package org.vernissage.models.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.vernissage.models.ComputeDevice;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;

/**
 * An artist's TorchScript model ({@code .pt}, saved by {@code torch.jit.save} or written by
 * {@link TorchScriptNetworkWriter}) run by DJL's PyTorch engine, on the CPU, or on a CUDA GPU when
 * DJL's PyTorch reports one (a CUDA build of libtorch on the class path and a GPU; see
 * {@link ComputeDevice}).
 *
 * <p>The module's {@code forward} takes one float tensor {@code [1, n]} and returns one float
 * tensor {@code [1, m]} (or {@code [m]}), where n and m are the counts of parameters the manifest
 * binds. A TorchScript file does not declare its shapes, so the load runs the module once on zeros
 * and refuses it with the file, the tensor, the expected and the actual shape when they disagree.
 *
 * <p>Native memory is scoped: the model owns one {@link PtNDManager} (from the engine's system
 * manager) holding the module and the one input tensor, which lives over a direct buffer made once
 * (libtorch reads it in place). Each {@link #run} reads the output into the caller's array and
 * frees the output tensor at once, so nothing piles up off-heap between garbage collections; DJL's
 * JNI still makes a few small Java objects per run (measured in bench/).
 *
 * <p>Loaded on any thread, then owned by one model worker: {@link #run} and {@link #close} only on
 * its thread.
 */
public final class TorchScriptModel implements Model {

    private static final System.Logger LOG = System.getLogger(TorchScriptModel.class.getName());
    private static final String ENGINE = "PyTorch";

    private final String name;
    private final Path file;
    private final int inputCount;
    private final int outputCount;
    private final PtNDManager manager;
    private final PtSymbolBlock module;
    private final ByteBuffer inputBytes;
    private final FloatBuffer inputBuffer;
    private final PtNDArray inputTensor;
    /** True on a GPU: the input tensor is a device copy of the buffer, refreshed per run. */
    private final boolean onDevice;
    private final IValue[] forwardArguments;
    private final ComputeDevice device;
    /** The thread on which autograd was last switched off (grad mode is per thread in libtorch). */
    private Thread gradOffOn;
    private boolean closed;

    private TorchScriptModel(String name, Path file, int inputCount, int outputCount, PtNDManager manager,
                             PtSymbolBlock module, ComputeDevice device) {
        this.name = name;
        this.file = file;
        this.inputCount = inputCount;
        this.outputCount = outputCount;
        this.manager = manager;
        this.module = module;
        this.device = device;
        inputBytes = ByteBuffer.allocateDirect(inputCount * Float.BYTES).order(ByteOrder.nativeOrder());
        inputBuffer = inputBytes.asFloatBuffer();
        // A direct buffer on the CPU: libtorch wraps its memory (from_blob) instead of copying, so
        // writing the buffer is writing the tensor. On a GPU the tensor is a device copy, refreshed
        // per run (see run).
        inputTensor = (PtNDArray) manager.create(inputBytes, new Shape(1, inputCount), DataType.FLOAT32);
        onDevice = device == ComputeDevice.CUDA;
        forwardArguments = new IValue[] {IValue.from(inputTensor)};
    }

    /**
     * Loads {@code file} and checks it against the manifest's declaration.
     *
     * @throws ModelException naming the file and what was wrong: missing, not TorchScript, or its
     *                        forward refuses a {@code [1, n]} input or returns another shape than
     *                        {@code [1, m]}
     */
    public static TorchScriptModel load(String name, Path file, int inputCount, int outputCount) throws ModelException {
        String where = "model '" + name + "' (" + file + ")";
        if (!Files.isRegularFile(file)) {
            throw new ModelException(where + ": file not found; expected a TorchScript module (.pt) there");
        }
        DjlSettings.apply();
        Engine engine;
        try {
            engine = Engine.getEngine(ENGINE);
        } catch (EngineException | IllegalArgumentException e) {
            throw new ModelException(where + ": DJL's PyTorch engine did not start (libtorch must be on the class"
                    + " path: pytorch-native-cpu-<version>-<platform>.jar, in lib/ beside the launcher's jar; it is"
                    + " unpacked offline into " + DjlSettings.cacheFolder() + "): " + e.getMessage(), e);
        }
        ComputeDevice device = ComputeDevice.requested().resolve(engine.getGpuCount() > 0);
        Device djlDevice = device == ComputeDevice.CUDA ? Device.gpu() : Device.cpu();
        PtNDManager manager = (PtNDManager) engine.newBaseManager(djlDevice);
        TorchScriptModel model = null;
        try {
            PtSymbolBlock module = loadModule(where, manager, file);
            model = new TorchScriptModel(name, file, inputCount, outputCount, manager, module, device);
            model.checkShapes();
            LOG.log(System.Logger.Level.INFO, "{0}: DJL PyTorch {1} on {2}, [1, {3}] -> [1, {4}]", where,
                    engine.getVersion(), device, inputCount, outputCount);
            return model;
        } catch (ModelException | RuntimeException e) {
            if (model != null) {
                model.close();
            } else {
                manager.close();
            }
            throw e;
        }
    }

    private static PtSymbolBlock loadModule(String where, PtNDManager manager, Path file) throws ModelException {
        try {
            return JniUtils.loadModule(manager, file.toAbsolutePath(), true, new String[0], new String[0], false);
        } catch (EngineException e) {
            throw new ModelException(where + ": not a TorchScript module libtorch can load (" + firstLine(e) + ")", e);
        } catch (RuntimeException e) {
            throw new ModelException(where + ": loading it failed (" + firstLine(e) + ")", e);
        }
    }

    /** Runs the module on zeros and compares what comes out with the declaration. */
    private void checkShapes() throws ModelException {
        String where = "model '" + name + "' (" + file + ")";
        offGrad();
        IValue result;
        try {
            result = module.forward(forwardArguments);
        } catch (EngineException e) {
            throw new ModelException(where + ": input tensor 0: the module's forward refused shape [1, " + inputCount
                    + "] of float (the manifest binds " + inputCount + " inputs): " + firstLine(e), e);
        }
        try {
            if (!result.isTensor()) {
                throw new ModelException(where + ": output 0: expected a tensor [1, " + outputCount + "] of float, the"
                        + " module's forward returned a " + result.getType());
            }
            try (PtNDArray output = result.toTensor(manager)) {
                long[] shape = output.getShape().getShape();
                boolean fits = (shape.length == 2 && shape[0] == 1 && shape[1] == outputCount)
                        || (shape.length == 1 && shape[0] == outputCount);
                if (!fits || output.getDataType() != DataType.FLOAT32) {
                    throw new ModelException(where + ": output tensor 0: expected shape [1, " + outputCount
                            + "] of float (the manifest binds " + outputCount + " outputs), found "
                            + Arrays.toString(shape) + " of " + output.getDataType().toString().toLowerCase());
                }
            }
        } finally {
            result.close();
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

    /** Where libtorch runs this model. */
    public ComputeDevice device() {
        return device;
    }

    @Override
    public void run(float[] in, float[] out) throws ModelException {
        offGrad();
        for (int i = 0; i < inputCount; i++) {
            inputBuffer.put(i, in[i]);
        }
        IValue result = null;
        try {
            if (onDevice) {
                inputTensor.set(inputBytes.rewind()); // host -> device copy (not exercised here: no GPU)
            }
            result = module.forward(forwardArguments);
            try (PtNDArray output = result.toTensor(manager)) {
                ByteBuffer bytes = onDevice ? output.toByteBuffer() : output.toByteBuffer(true);
                FloatBuffer floats = bytes.order(ByteOrder.nativeOrder()).asFloatBuffer();
                for (int i = 0; i < outputCount; i++) {
                    out[i] = floats.get(i);
                }
            }
        } catch (EngineException | IllegalStateException e) {
            throw new ModelException("model '" + name + "' (" + file + "): libtorch failed: " + firstLine(e), e);
        } finally {
            if (result != null) {
                result.close();
            }
        }
    }

    /** libtorch's grad mode is per thread: switch autograd off on the thread that runs the model. */
    private void offGrad() {
        Thread current = Thread.currentThread();
        if (gradOffOn != current) {
            JniUtils.setGradMode(false);
            gradOffOn = current;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        forwardArguments[0].close();
        module.close();
        manager.close(); // frees the input tensor and anything else still attached
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** How many NDArrays the model's manager holds: constant from run to run (tests check it). */
    int managedArrays() {
        return manager.getManagedArrays().size();
    }

}
