package org.vernissage.models.card;

import java.nio.file.Path;

/**
 * Finds the cards of model files: every model file {@code MODEL.*} has a card
 * {@code MODEL.card.json} beside it.
 *
 * <p>Stateless (static methods); any thread.
 */
public final class ModelCards {

    /** The suffix of a card file. */
    public static final String CARD_SUFFIX = ".card.json";

    private ModelCards() {
    }

    /**
     * The card beside {@code modelFile}: its name up to the first dot, plus {@code .card.json}
     * ({@code pose.model.json} and {@code pose.onnx} both have {@code pose.card.json}).
     */
    public static Path cardFileFor(Path modelFile) {
        String fileName = modelFile.getFileName().toString();
        int dot = fileName.indexOf('.', 1);
        String stem = dot < 0 ? fileName : fileName.substring(0, dot);
        return modelFile.resolveSibling(stem + CARD_SUFFIX);
    }
}
