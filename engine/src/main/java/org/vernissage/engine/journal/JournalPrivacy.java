package org.vernissage.engine.journal;

/**
 * What a journal keeps of the audience. A journal of a live show records what visitors did; by
 * default ({@link #ANONYMOUS}) a phone's touches keep their positions but the phone's number is
 * replaced by a per-visit random id ({@link AudienceIds}), so a recording says "a visitor" and
 * never which connection, in which order, or from which address. {@link #FEATURES_ONLY} keeps no
 * touch at all (phones' or a TUIO table's): only the derived features the artwork consumes, i.e.
 * the binding channels' values after the phones' aggregation (mean, count...), parameters, cues
 * and frame marks. {@link #EXACT} keeps every byte (engine tests, replay fixtures).
 *
 * <p>Immutable; any thread.
 *
 * @param anonymiseAudience replace phones' participant numbers by per-visit random ids
 * @param featuresOnly leave raw touches out of the journal
 */
public record JournalPrivacy(boolean anonymiseAudience, boolean featuresOnly) {

    /** Every event byte for byte. */
    public static final JournalPrivacy EXACT = new JournalPrivacy(false, false);
    /** The default of a live recording: phones' ids rotated per visit. */
    public static final JournalPrivacy ANONYMOUS = new JournalPrivacy(true, false);
    /** No raw touches: channel values (aggregated features), parameters, cues, frames. */
    public static final JournalPrivacy FEATURES_ONLY = new JournalPrivacy(true, true);

    /** A short phrase for banners and statistics. */
    public String describe() {
        if (featuresOnly) {
            return "features only: no raw touches kept";
        }
        return anonymiseAudience ? "phones' ids replaced by per-visit random ids" : "every event exactly";
    }
}
