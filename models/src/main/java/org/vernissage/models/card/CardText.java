package org.vernissage.models.card;

import java.util.List;
import java.util.Locale;

/**
 * A model card as readable text for a terminal (the {@code vernissage models} command): one
 * labelled line per fact, "not recorded" where the card says nothing.
 *
 * <p>Stateless (static methods); any thread.
 */
public final class CardText {

    private static final String NOT_RECORDED = "not recorded";

    private CardText() {
    }

    /** The card as indented lines, ending with a new line. */
    public static String describe(ModelCard card) {
        StringBuilder text = new StringBuilder();
        line(text, "purpose", card.purpose());
        line(text, "architecture", card.architecture() + ", " + card.parameterCount() + " parameters");
        line(text, "inputs", ports(card.inputs()));
        line(text, "outputs", ports(card.outputs()));
        ModelCard.TrainingData data = card.trainingData();
        if (data == null) {
            line(text, "training data", "none (not trained on data)");
        } else {
            line(text, "training data", or(data.what()) + (data.examples() == null ? "" : " (" + data.examples()
                    + " examples)"));
            line(text, "  source", or(data.source()));
            line(text, "  recorded by", or(data.recordedBy()));
            line(text, "  consent", or(data.consent()));
            line(text, "  licence", or(data.licence()));
        }
        line(text, "datasheet", or(card.datasheet()));
        line(text, "trained", or(card.trainedAt()) + (card.seed() == null ? "" : ", seed " + card.seed())
                + (card.trainingSeconds() == null ? "" : String.format(Locale.ROOT, ", %.3f s", card.trainingSeconds())));
        line(text, "command", or(card.trainingCommand()));
        ModelCard.Latency latency = card.inferenceLatency();
        line(text, "latency", latency == null ? NOT_RECORDED : String.format(Locale.ROOT,
                "p50 %.2f us, p99 %.2f us (%s)", latency.p50Micros(), latency.p99Micros(), or(latency.measuredOn())));
        ModelCard.Energy energy = card.energy();
        line(text, "energy", energy.joulesPerThousandInferences() == null ? energy.kind() : String.format(Locale.ROOT,
                "%.4g J per 1000 runs, %s%s", energy.joulesPerThousandInferences(), energy.kind(),
                energy.basis() == null ? "" : " (" + energy.basis() + ")"));
        for (ModelCard.CardFile file : card.files()) {
            line(text, "file", file.path() + (file.bytes() == null ? "" : ", " + file.bytes() + " bytes")
                    + (file.sha256() == null ? "" : ", sha256 " + file.sha256()));
        }
        return text.toString();
    }

    private static String ports(List<ModelCard.Port> ports) {
        if (ports.isEmpty()) {
            return NOT_RECORDED;
        }
        StringBuilder text = new StringBuilder();
        for (ModelCard.Port port : ports) {
            text.append(text.isEmpty() ? "" : "; ").append(port.name())
                    .append(port.description().isEmpty() ? "" : ": " + port.description());
        }
        return text.toString();
    }

    private static String or(String value) {
        return value == null || value.isBlank() ? NOT_RECORDED : value;
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append("    ").append(String.format(Locale.ROOT, "%-15s", label + ":")).append(value).append('\n');
    }
}
