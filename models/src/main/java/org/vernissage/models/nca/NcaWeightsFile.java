package org.vernissage.models.nca;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.vernissage.models.ModelException;

/**
 * Reads and writes an NCA's weights file ({@code models/NAME.nca.json}): the grid it was trained
 * on, the shape, the three weight arrays as JSON numbers (a float's shortest decimal form, which
 * reads back to the same bits), how it was trained, and a SHA-256 digest of the weights' bits, so
 * that a damaged or hand-edited file is refused with a message saying so rather than growing
 * something else. Written atomically (a temporary file, then a rename).
 *
 * <p>Stateless; any thread.
 */
public final class NcaWeightsFile {

    public static final String FORMAT = "vernissage-nca-weights";
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An NCA as its file holds it.
     *
     * @param weights the rule
     * @param grid the grid side it was trained on, in cells
     * @param seed the training seed
     * @param iterations optimiser steps
     * @param finalLoss mean loss over the last tenth of the training
     * @param trainingCommand the command that made the file
     */
    public record NcaModel(NcaWeights weights, int grid, long seed, int iterations, double finalLoss,
                           String trainingCommand) {
    }

    private NcaWeightsFile() {
    }

    public static void write(Path file, NcaModel model) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("grid", model.grid());
        root.put("channels", model.weights().channels());
        root.put("hidden", model.weights().hidden());
        root.put("rule", "perceive each channel and its Sobel x and y gradients (kernels / 8, zero outside the grid);"
                + " hidden = relu(w1 p + b1); delta = w2 hidden; a living cell (alpha > 0.1 in its 3x3) fires with"
                + " probability 0.5; dead cells are zero. Layouts: see NcaWeights.");
        root.put("seed", model.seed());
        root.put("iterations", model.iterations());
        root.put("finalLoss", model.finalLoss());
        root.put("trainingCommand", model.trainingCommand());
        putFloats(root.putArray("w1"), model.weights().w1());
        putFloats(root.putArray("b1"), model.weights().b1());
        putFloats(root.putArray("w2"), model.weights().w2());
        root.put("digest", digest(model.weights()));
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        try {
            // A temporary file is private to its owner; the weights are for anyone who plays the piece.
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults stand
        }
    }

    private static void putFloats(ArrayNode array, float[] values) {
        for (float v : values) {
            array.add(v);
        }
    }

    /**
     * @throws ModelException naming the file and, where one is at fault, the field, and what was
     *         expected: a missing file, not JSON, another format, a wrong shape, a number missing,
     *         a digest that does not match
     */
    public static NcaModel read(Path file) throws ModelException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ModelException("NCA weights file " + file + " does not exist (train it with the command in"
                    + " the artwork's README)");
        } catch (IOException e) {
            throw new ModelException("NCA weights file " + file + " could not be read: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ModelException("NCA weights file " + file + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelException("NCA weights file " + file + ": expected a JSON object");
        }
        String format = root.path("format").asText("");
        if (!FORMAT.equals(format) || root.path("version").asInt(-1) != VERSION) {
            throw new ModelException("NCA weights file " + file + ": expected \"format\": \"" + FORMAT
                    + "\" and \"version\": " + VERSION + ", got " + root.get("format") + " and " + root.get("version"));
        }
        int grid = integer(file, root, "grid", 8, 1024);
        int channels = integer(file, root, "channels", 4, 32);
        int hidden = integer(file, root, "hidden", 4, 256);
        if (channels % 4 != 0 || hidden % 4 != 0) {
            throw new ModelException("NCA weights file " + file + ": \"channels\" and \"hidden\" must be multiples"
                    + " of 4, got " + channels + " and " + hidden);
        }
        float[] w1 = floats(file, root, "w1", 3 * channels * hidden, "(3 x " + channels + " channels) x " + hidden + " hidden");
        float[] b1 = floats(file, root, "b1", hidden, "one per hidden unit");
        float[] w2 = floats(file, root, "w2", channels * hidden, hidden + " hidden x " + channels + " channels");
        NcaWeights weights = new NcaWeights(channels, hidden, w1, b1, w2);
        String expected = digest(weights);
        String actual = root.path("digest").asText("");
        if (!expected.equals(actual)) {
            throw new ModelException("NCA weights file " + file + ": the weights do not match their \"digest\""
                    + " (the file was damaged or edited by hand; expected " + expected + ", the file says '"
                    + actual + "'); train it again with its training command");
        }
        return new NcaModel(weights, grid, root.path("seed").asLong(), root.path("iterations").asInt(),
                root.path("finalLoss").asDouble(Double.NaN), root.path("trainingCommand").asText(""));
    }

    private static int integer(Path file, JsonNode root, String field, int min, int max) throws ModelException {
        JsonNode node = root.get(field);
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()
                || node.intValue() < min || node.intValue() > max) {
            throw new ModelException("NCA weights file " + file + ": \"" + field + "\" must be a whole number from "
                    + min + " to " + max + ", got " + node);
        }
        return node.intValue();
    }

    private static float[] floats(Path file, JsonNode root, String field, int length, String shape) throws ModelException {
        JsonNode node = root.get(field);
        if (node == null || !node.isArray()) {
            throw new ModelException("NCA weights file " + file + ": \"" + field + "\" must be an array of "
                    + length + " numbers (" + shape + "), got " + (node == null ? "nothing" : node.getNodeType()));
        }
        if (node.size() != length) {
            throw new ModelException("NCA weights file " + file + ": \"" + field + "\" has " + node.size()
                    + " numbers, expected " + length + " (" + shape + ")");
        }
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            JsonNode item = node.get(i);
            if (!item.isNumber() || !Float.isFinite(item.floatValue())) {
                throw new ModelException("NCA weights file " + file + ": \"" + field + "\"[" + i
                        + "] must be a finite number, got " + item);
            }
            values[i] = item.floatValue();
        }
        return values;
    }

    /** {@code sha256:} and the hex digest of every weight's bits, little-endian, w1 then b1 then w2. */
    public static String digest(NcaWeights weights) {
        float[] all = weights.packed();
        ByteBuffer bytes = ByteBuffer.allocate(all.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : all) {
            bytes.putFloat(v);
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
