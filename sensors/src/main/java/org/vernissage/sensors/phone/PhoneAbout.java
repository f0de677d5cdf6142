package org.vernissage.sensors.phone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * What the phones' page tells its holder in its "About this work" panel, served as
 * {@code GET /about.json} ({@link PhonePage#ABOUT_PATH}): the work's title, what the show keeps of
 * what the phone sends (nothing, unless it records: then the run says how), and a summary of each
 * AI model the work uses, from its model card. What the page sends is said by the page itself, which
 * is the code that sends it.
 *
 * <p>Immutable; its JSON is made once, on the thread that makes the server, and served as is.
 *
 * @param title the work's title
 * @param kept what is kept of the audience's input, in a sentence
 * @param models one line per model: its name and purpose, from its card
 */
public record PhoneAbout(String title, String kept, List<Model> models) {

    /** What a show that records nothing says. */
    public static final String NOTHING_KEPT = "Nothing you do here is kept: your touches and movements move the"
            + " work while you play and are forgotten when you leave. The show never learns your name, number or"
            + " address.";

    /** A work with no AI model, keeping nothing. */
    public static final PhoneAbout PLAIN = new PhoneAbout("this work", NOTHING_KEPT, List.of());

    /** One model's summary, from its card's {@code name} and {@code purpose}. */
    public record Model(String name, String purpose) {
        public Model {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(purpose, "purpose");
        }
    }

    public PhoneAbout {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kept, "kept");
        models = List.copyOf(models);
    }

    /** The panel's JSON, UTF-8. */
    byte[] json() {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        root.put("title", title);
        root.put("kept", kept);
        ArrayNode list = root.putArray("models");
        for (Model model : models) {
            list.addObject().put("name", model.name()).put("purpose", model.purpose());
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
