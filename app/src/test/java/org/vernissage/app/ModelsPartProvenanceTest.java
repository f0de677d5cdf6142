package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.artwork.ManifestPrivacy;
import org.vernissage.models.interact.RoomModelArchive;

/** Who recorded the room's examples, and under what consent: the command line over the manifest over the default. */
class ModelsPartProvenanceTest {

    private static final ManifestPrivacy MANIFEST = new ManifestPrivacy(Optional.of("the gallery's mediators"),
            Optional.of("visitors signed the form at the door"));

    @Test
    void theManifestsTextsAreTheDefaultAndTheCommandLineOverridesEachOnItsOwn() {
        RoomModelArchive.Provenance fromManifest = ModelsPart.provenance(PrivacyOptions.NONE, MANIFEST);
        assertEquals("the gallery's mediators", fromManifest.recordedBy());
        assertEquals("visitors signed the form at the door", fromManifest.consent());

        RoomModelArchive.Provenance overridden = ModelsPart.provenance(new PrivacyOptions(Optional.empty(), false,
                Optional.of("Mira, opening night"), Optional.empty()), MANIFEST);
        assertEquals("Mira, opening night", overridden.recordedBy(), "--recorded-by wins");
        assertEquals("visitors signed the form at the door", overridden.consent(), "the manifest's consent stays");

        RoomModelArchive.Provenance neither = ModelsPart.provenance(PrivacyOptions.NONE, ManifestPrivacy.NONE);
        assertEquals(RoomModelArchive.Provenance.inTheRoom(), neither, "the default wording");
    }
}
