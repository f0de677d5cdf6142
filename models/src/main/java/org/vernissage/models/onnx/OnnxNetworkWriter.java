package org.vernissage.models.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Path;
import org.vernissage.models.AtomicFiles;
import org.vernissage.models.DenseNetwork;
import org.vernissage.models.learn.Activation;

/**
 * Writes a {@link DenseNetwork} as an ONNX model, from Java, with the ONNX protobuf classes (no
 * Python): one {@code Gemm} per layer followed by its activation ({@code Tanh}, {@code Relu},
 * {@code Sigmoid}). The graph has one input {@code input} of shape {@code [batch, inputs]} and one
 * output {@code output} of shape {@code [batch, outputs]}, floats. Opset 13, IR version 8: read by
 * ONNX Runtime 1.x and by most tools.
 *
 * <p>Stateless; any thread. Used for the project's own test files and benchmarks, and to hand a
 * network trained in the room to another tool.
 */
public final class OnnxNetworkWriter {

    /** The graph's input name. */
    public static final String INPUT = "input";
    /** The graph's output name. */
    public static final String OUTPUT = "output";

    private static final long IR_VERSION = 8;
    private static final long OPSET = 13;

    private OnnxNetworkWriter() {
    }

    /** Writes the network to {@code file}, atomically. */
    public static void write(DenseNetwork network, Path file) throws IOException {
        AtomicFiles.write(file, toBytes(network));
    }

    /** The network as ONNX model bytes. */
    public static byte[] toBytes(DenseNetwork network) {
        return model(network).toByteArray();
    }

    static ModelProto model(DenseNetwork network) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("vernissage_mlp");
        graph.addInput(floatMatrix(INPUT, network.inputCount()));
        graph.addOutput(floatMatrix(OUTPUT, network.outputCount()));
        int[] sizes = network.sizes();
        String previous = INPUT;
        for (int layer = 0; layer < network.layerCount(); layer++) {
            String w = "w" + layer;
            String b = "b" + layer;
            graph.addInitializer(tensor(w, network.layerWeights(layer), sizes[layer], sizes[layer + 1]));
            graph.addInitializer(tensor(b, network.layerBiases(layer), sizes[layer + 1]));
            Activation activation = network.activation(layer);
            boolean last = layer == network.layerCount() - 1;
            String linear = (last && activation == Activation.LINEAR) ? OUTPUT : "linear" + layer;
            graph.addNode(NodeProto.newBuilder().setName("gemm" + layer).setOpType("Gemm")
                    .addInput(previous).addInput(w).addInput(b).addOutput(linear)
                    .addAttribute(AttributeProto.newBuilder().setName("alpha").setF(1f)
                            .setType(AttributeProto.AttributeType.FLOAT))
                    .addAttribute(AttributeProto.newBuilder().setName("beta").setF(1f)
                            .setType(AttributeProto.AttributeType.FLOAT)));
            previous = linear;
            if (activation != Activation.LINEAR) {
                String activated = last ? OUTPUT : "hidden" + layer;
                graph.addNode(NodeProto.newBuilder().setName("act" + layer).setOpType(opType(activation))
                        .addInput(linear).addOutput(activated));
                previous = activated;
            }
        }
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("vernissage")
                .setProducerVersion("1")
                .setDocString("A dense network written by Vernissage's OnnxNetworkWriter: " + network.parameterCount()
                        + " parameters, layer sizes " + java.util.Arrays.toString(sizes))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph)
                .build();
    }

    private static String opType(Activation activation) {
        return switch (activation) {
            case TANH -> "Tanh";
            case RELU -> "Relu";
            case SIGMOID -> "Sigmoid";
            case LINEAR -> throw new IllegalArgumentException("identity needs no node");
        };
    }

    private static ValueInfoProto floatMatrix(String name, int columns) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(columns))
                .build();
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    private static TensorProto tensor(String name, float[] values, long... dims) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        for (float value : values) {
            tensor.addFloatData(value);
        }
        return tensor.build();
    }
}
