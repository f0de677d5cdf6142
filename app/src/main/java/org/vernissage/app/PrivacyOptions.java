package org.vernissage.app;

import java.util.Objects;
import java.util.Optional;
import org.vernissage.engine.journal.JournalPrivacy;

/**
 * What a run keeps of its audience: how long recordings and training examples are kept
 * ({@code --retention-days}), whether a journal keeps only derived features
 * ({@code --record-features-only}), and who records training examples in the room and with what
 * consent ({@code --recorded-by}, {@code --consent}), for their datasheets.
 *
 * <p>Immutable; checked once on construction.
 *
 * @param retentionDays delete journals and example sets older than this many days; empty: keep them
 * @param featuresOnly journals keep channel values (features after aggregation), never raw touches
 * @param recordedBy who records training examples in the room; empty: the manifest's or the default wording
 * @param consent the consent those examples were given under; empty: the manifest's or the default wording
 */
public record PrivacyOptions(Optional<Integer> retentionDays, boolean featuresOnly, Optional<String> recordedBy,
                             Optional<String> consent) {

    /** The defaults: phones' ids anonymised in journals, nothing deleted, datasheets from the manifest. */
    public static final PrivacyOptions NONE = new PrivacyOptions(Optional.empty(), false, Optional.empty(),
            Optional.empty());

    public PrivacyOptions {
        Objects.requireNonNull(retentionDays, "retentionDays");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(consent, "consent");
        retentionDays.ifPresent(days -> {
            if (days <= 0) {
                throw new IllegalArgumentException("--retention-days must be 1 or more (the days recordings and"
                        + " training examples are kept before they are deleted), got " + days
                        + "; leave the option out to keep them");
            }
        });
        recordedBy.ifPresent(text -> requireText(text, "--recorded-by"));
        consent.ifPresent(text -> requireText(text, "--consent"));
    }

    private static void requireText(String text, String option) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(option + " needs a text (who, or what was consented to), got an empty one");
        }
    }

    /** What a live recording ({@code --record}) keeps of the audience. */
    public JournalPrivacy journalPrivacy() {
        return featuresOnly ? JournalPrivacy.FEATURES_ONLY : JournalPrivacy.ANONYMOUS;
    }
}
