package org.vernissage.models.djl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.vernissage.models.AtomicFiles;
import org.vernissage.models.DenseNetwork;
import org.vernissage.models.learn.Activation;

/**
 * Writes a {@link DenseNetwork} as a TorchScript module file ({@code .pt}) from Java, without Python
 * or libtorch: the same zip archive {@code torch.jit.save} writes, holding
 * <ul>
 * <li>{@code archive/code/__torch__.py}: the module's TorchScript source, a class {@code Mlp} with
 *     one weight {@code [in, out]} and one bias {@code [out]} parameter per layer and a
 *     {@code forward(input: Tensor) -> Tensor} of {@code torch.addmm} and activations;</li>
 * <li>{@code archive/data.pkl}: the module object, pickled (protocol 2) the way TorchScript's
 *     pickler writes it (class global, {@code NEWOBJ}, attribute dict, {@code BUILD}; tensors as
 *     {@code torch._utils._rebuild_tensor_v2} of a persistent storage id);</li>
 * <li>{@code archive/data/N}: the raw little-endian float storage of each tensor;</li>
 * <li>{@code archive/constants.pkl} (an empty tuple), {@code archive/version},
 *     {@code archive/byteorder}.</li>
 * </ul>
 * Entries are stored uncompressed, as PyTorch does. libtorch compiles the source when it loads the
 * file, so the file runs in DJL PyTorch (and in Python's {@code torch.jit.load}) like one scripted
 * from Python. The input is {@code [batch, inputs]} floats, the output {@code [batch, outputs]}.
 *
 * <p>Stateless; any thread.
 */
public final class TorchScriptNetworkWriter {

    /** The class name of the written module. */
    static final String CLASS_NAME = "Mlp";
    /**
     * The archive format version: 3 is the oldest that PyTorch 1.x and 2.x read without rewriting
     * operators (no operator used here has an upgrader).
     */
    private static final String FORMAT_VERSION = "3";

    private TorchScriptNetworkWriter() {
    }

    /** Writes the network to {@code file}, atomically. */
    public static void write(DenseNetwork network, Path file) throws IOException {
        AtomicFiles.write(file, toBytes(network));
    }

    /** The network as TorchScript archive bytes. */
    public static byte[] toBytes(DenseNetwork network) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            stored(zip, "archive/data.pkl", modulePickle(network));
            stored(zip, "archive/code/__torch__.py", source(network).getBytes(StandardCharsets.UTF_8));
            stored(zip, "archive/constants.pkl", new Pickle().emptyTuple().stop());
            int storage = 0;
            for (int layer = 0; layer < network.layerCount(); layer++) {
                stored(zip, "archive/data/" + storage++, littleEndian(network.layerWeights(layer)));
                stored(zip, "archive/data/" + storage++, littleEndian(network.layerBiases(layer)));
            }
            stored(zip, "archive/version", (FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
            stored(zip, "archive/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        }
        return bytes.toByteArray();
    }

    /** The TorchScript source of the module, in the form {@code torch.jit.save} prints it. */
    static String source(DenseNetwork network) {
        StringBuilder code = new StringBuilder();
        code.append("class ").append(CLASS_NAME).append("(Module):\n");
        code.append("  __parameters__ = [");
        for (int layer = 0; layer < network.layerCount(); layer++) {
            code.append("\"w").append(layer).append("\", \"b").append(layer).append("\", ");
        }
        code.append("]\n");
        code.append("  __buffers__ = []\n");
        for (int layer = 0; layer < network.layerCount(); layer++) {
            code.append("  w").append(layer).append(" : Tensor\n");
            code.append("  b").append(layer).append(" : Tensor\n");
        }
        code.append("  training : bool\n");
        code.append("  def forward(self: __torch__.").append(CLASS_NAME).append(",\n");
        code.append("    input: Tensor) -> Tensor:\n");
        String previous = "input";
        for (int layer = 0; layer < network.layerCount(); layer++) {
            String linear = "torch.addmm(self.b" + layer + ", " + previous + ", self.w" + layer + ")";
            code.append("    x").append(layer).append(" = ").append(activated(network.activation(layer), linear))
                    .append('\n');
            previous = "x" + layer;
        }
        code.append("    return ").append(previous).append('\n');
        return code.toString();
    }

    private static String activated(Activation activation, String expression) {
        return switch (activation) {
            case LINEAR -> expression;
            case TANH -> "torch.tanh(" + expression + ")";
            case RELU -> "torch.relu(" + expression + ")";
            case SIGMOID -> "torch.sigmoid(" + expression + ")";
        };
    }

    private static byte[] modulePickle(DenseNetwork network) {
        int[] sizes = network.sizes();
        Pickle pickle = new Pickle();
        pickle.global("__torch__", CLASS_NAME).emptyTuple().newObject().emptyDict().mark();
        int storage = 0;
        for (int layer = 0; layer < network.layerCount(); layer++) {
            pickle.string("w" + layer);
            pickle.floatTensor(storage++, sizes[layer], sizes[layer + 1]);
            pickle.string("b" + layer);
            pickle.floatTensor(storage++, sizes[layer + 1]);
        }
        pickle.string("training").bool(false);
        return pickle.setItems().build().stop();
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        entry.setTime(0L); // same network, same bytes
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * The few pickle (protocol 2) opcodes TorchScript's own pickler emits for a module of tensors.
     * Integers little-endian, as the pickle format says.
     */
    static final class Pickle {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pickle() {
            out.write(0x80); // PROTO
            out.write(2);
        }

        Pickle global(String module, String name) {
            out.write('c'); // GLOBAL
            out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Pickle emptyTuple() {
            out.write(')');
            return this;
        }

        Pickle newObject() {
            out.write(0x81); // NEWOBJ
            return this;
        }

        Pickle emptyDict() {
            out.write('}');
            return this;
        }

        Pickle mark() {
            out.write('(');
            return this;
        }

        Pickle tuple() {
            out.write('t');
            return this;
        }

        Pickle setItems() {
            out.write('u');
            return this;
        }

        Pickle build() {
            out.write('b');
            return this;
        }

        Pickle reduce() {
            out.write('R');
            return this;
        }

        Pickle persistentId() {
            out.write('Q'); // BINPERSID
            return this;
        }

        Pickle bool(boolean value) {
            out.write(value ? 0x88 : 0x89); // NEWTRUE / NEWFALSE
            return this;
        }

        Pickle string(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            out.write('X'); // BINUNICODE
            int32(utf8.length);
            out.writeBytes(utf8);
            return this;
        }

        Pickle integer(int value) {
            if (value >= 0 && value < 256) {
                out.write('K'); // BININT1
                out.write(value);
            } else {
                out.write('J'); // BININT
                int32(value);
            }
            return this;
        }

        /**
         * {@code torch._utils._rebuild_tensor_v2(storage, 0, size, stride, False, OrderedDict())}
         * with the storage {@code ('storage', torch.FloatStorage, key, 'cpu', numel)} read from
         * {@code data/key}; contiguous (row-major) strides.
         */
        Pickle floatTensor(int key, int... size) {
            int numel = 1;
            for (int dimension : size) {
                numel *= dimension;
            }
            global("torch._utils", "_rebuild_tensor_v2").mark();
            mark().string("storage").global("torch", "FloatStorage").string(Integer.toString(key)).string("cpu")
                    .integer(numel).tuple().persistentId();
            integer(0);
            mark();
            for (int dimension : size) {
                integer(dimension);
            }
            tuple();
            mark();
            int stride = numel;
            for (int dimension : size) {
                stride /= dimension;
                integer(stride);
            }
            tuple();
            bool(false); // requires_grad: a file for inference builds no autograd graph
            global("collections", "OrderedDict").emptyTuple().reduce();
            return tuple().reduce();
        }

        byte[] stop() {
            out.write('.');
            return out.toByteArray();
        }

        private void int32(int value) {
            out.write(value & 0xff);
            out.write((value >>> 8) & 0xff);
            out.write((value >>> 16) & 0xff);
            out.write((value >>> 24) & 0xff);
        }
    }
}
