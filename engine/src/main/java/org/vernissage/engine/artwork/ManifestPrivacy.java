package org.vernissage.engine.artwork;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A manifest's optional {@code "privacy"} object: who records the training examples taken in the
 * room and with what consent, the texts their datasheets carry by default (the run's
 * {@code --recorded-by} and {@code --consent} override them).
 *
 * <pre>
 * "privacy": {"recordedBy": "Studio Mira, at the gallery", "consent": "visitors signed the form at the door"}
 * </pre>
 *
 * <p>Checked field by field when {@link ManifestLoader} loads the manifest (a mistake names
 * {@code privacy.recordedBy} or {@code privacy.consent} and what was expected); {@link #read} reads
 * it apart afterwards, so the manifest's record stays as it is. Immutable; read on the loading thread.
 *
 * @param recordedBy who records the examples; empty: the models' default wording
 * @param consent    the consent they are recorded under; empty: the models' default wording
 */
public record ManifestPrivacy(Optional<String> recordedBy, Optional<String> consent) {

    /** A manifest without the block. */
    public static final ManifestPrivacy NONE = new ManifestPrivacy(Optional.empty(), Optional.empty());

    static final String FIELD = "privacy";
    private static final List<String> FIELDS = List.of("recordedBy", "consent");

    public ManifestPrivacy {
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(consent, "consent");
    }

    /** The manifest's {@code "privacy"}, or {@link #NONE} without one (or without a manifest file: a lone ISF file). */
    public static ManifestPrivacy read(ArtworkManifest manifest) throws ManifestException {
        Path file = manifest.file();
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException e) {
            throw ManifestException.location(file, file + ": cannot read: " + e, "a readable manifest file", e);
        }
        if (root == null || !root.isObject()) {
            return NONE;
        }
        return read(ManifestFields.of(file, "", root, "a JSON object { \"title\": ... }"));
    }

    /** Reads (and so checks) the block of a manifest's top-level object; {@link ManifestLoader} calls it at load. */
    static ManifestPrivacy read(ManifestFields top) throws ManifestException {
        ManifestFields f = top.optionalObject(FIELD,
                "an object {\"recordedBy\": \"who records the examples\", \"consent\": \"what they consented to\"}");
        if (f == null) {
            return NONE;
        }
        f.allowOnly(FIELDS);
        return new ManifestPrivacy(text(f, "recordedBy", "who records the training examples in the room"),
                text(f, "consent", "the consent the training examples are recorded under"));
    }

    private static Optional<String> text(ManifestFields f, String field, String what) throws ManifestException {
        return f.has(field) ? Optional.of(f.optionalNonBlankText(field, "", "a non-blank string: " + what))
                : Optional.empty();
    }
}
