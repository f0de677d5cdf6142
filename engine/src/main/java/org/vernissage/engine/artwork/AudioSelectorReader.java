package org.vernissage.engine.artwork;

import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.binding.AudioFeature;
import org.vernissage.engine.binding.AudioSelector;
import org.vernissage.engine.binding.InputSelector;

/**
 * An audio binding's selector: {@code "feature"} (level, band or onset) and, for a band,
 * {@code "band"} (0 = lowest of {@link AudioSelector#BANDS}).
 *
 * <p>Used on the loading thread only; stateless.
 */
final class AudioSelectorReader implements SelectorReader {

    @Override
    public String arrayName() {
        return "audio";
    }

    @Override
    public String example() {
        return "{\"feature\": \"level\", \"parameter\": \"energy\"}";
    }

    @Override
    public List<String> fields() {
        return List.of("feature", "band");
    }

    @Override
    public InputSelector read(ManifestFields f) throws ManifestException {
        AudioFeature feature = feature(f);
        int band = -1;
        if (feature == AudioFeature.BAND) {
            band = f.requiredInt("band", 0, AudioSelector.BANDS - 1);
        } else if (f.has("band")) {
            throw f.error("band", "no band: only the \"band\" feature has one", Found.json(f.get("band")));
        }
        return new AudioSelector(feature, band);
    }

    private static AudioFeature feature(ManifestFields f) throws ManifestException {
        List<String> names = new ArrayList<>();
        for (AudioFeature each : AudioFeature.values()) {
            names.add(each.manifestName());
        }
        return AudioFeature.values()[f.choice("feature", names, -1)];
    }
}
