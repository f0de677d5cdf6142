package org.vernissage.models.card;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.vernissage.models.ModelException;

/**
 * Finds the cards of model files: every model file {@code MODEL.*} has a card
 * {@code MODEL.card.json} beside it. In a models folder, every regular file is a model file except
 * cards, datasheets ({@code .datasheet.json}), example sets ({@code .examples.json}), notes and
 * scripts ({@code .md}, {@code .txt}, {@code .py}, {@code .sh}, {@code .java}) and hidden files.
 *
 * <p>Stateless (static methods); any thread.
 */
public final class ModelCards {

    /** The suffix of a card file. */
    public static final String CARD_SUFFIX = ".card.json";
    /** The suffix of a datasheet file. */
    public static final String DATASHEET_SUFFIX = ".datasheet.json";
    /** The suffix of an example set. */
    public static final String EXAMPLES_SUFFIX = ".examples.json";
    private static final List<String> NOT_MODELS = List.of(CARD_SUFFIX, DATASHEET_SUFFIX, EXAMPLES_SUFFIX, ".md",
            ".txt", ".py", ".sh", ".java");

    private ModelCards() {
    }

    /**
     * The card beside {@code modelFile}: its name up to the first dot, plus {@code .card.json}
     * ({@code pose.model.json} and {@code pose.onnx} both have {@code pose.card.json}).
     */
    public static Path cardFileFor(Path modelFile) {
        return modelFile.resolveSibling(stem(modelFile) + CARD_SUFFIX);
    }

    /** The datasheet beside an example set: {@code pose.examples.json} has {@code pose.datasheet.json}. */
    public static Path datasheetFileFor(Path examplesFile) {
        return examplesFile.resolveSibling(stem(examplesFile) + DATASHEET_SUFFIX);
    }

    /** True for a file of a models folder that is a model (not a card, datasheet, examples, note...). */
    public static boolean isModelFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            return false;
        }
        for (String suffix : NOT_MODELS) {
            if (name.endsWith(suffix)) {
                return false;
            }
        }
        return true;
    }

    /** Every model file directly in {@code folder}, sorted by name; empty when there is no folder. */
    public static List<Path> modelFiles(Path folder) throws ModelException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).filter(ModelCards::isModelFile).sorted().toList();
        } catch (IOException e) {
            throw new ModelException(folder + ": cannot list the models folder: " + e, e);
        }
    }

    /** Every model file directly in {@code folder} that has no card beside it (empty: all have one). */
    public static List<Path> check(Path folder) throws ModelException {
        List<Path> lacking = new ArrayList<>();
        for (Path model : modelFiles(folder)) {
            if (!Files.isRegularFile(cardFileFor(model))) {
                lacking.add(model);
            }
        }
        return lacking;
    }

    /** The file's SHA-256, as lower-case hex. */
    public static String sha256(Path file) throws ModelException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new ModelException(file + ": cannot read to digest it: " + e, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The entry of a card's {@code files} for {@code file}, relative to the card's folder. */
    public static ModelCard.CardFile cardFile(Path cardFolder, Path file) throws ModelException {
        try {
            return new ModelCard.CardFile(cardFolder.toAbsolutePath().relativize(file.toAbsolutePath()).toString(),
                    sha256(file), Files.size(file));
        } catch (IOException e) {
            throw new ModelException(file + ": cannot read its size: " + e, e);
        }
    }

    private static String stem(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.indexOf('.', 1);
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }
}
