package org.vernissage.sensors.audio;

import java.util.List;
import java.util.Objects;
import javax.sound.sampled.AudioFormat;
import org.vernissage.sensors.SensorStartException;

/**
 * Finds a line-in again after it failed: the capture device that the show config's text picks now
 * ({@link AudioLineSelector}'s rules: an exact name wins, else "contains", ignoring case), opened
 * in the format the input was started with. A device that is not listed is "not back yet"; several
 * that match are not guessed between.
 *
 * <p>Made on the wiring thread; {@link #reopen} is then called only on the audio thread.
 * Immutable.
 */
final class LineReopener implements PcmSourceReopener {

    private final String nameContains;
    private final AudioLineSelector selector;

    LineReopener(String nameContains, CaptureDeviceCatalog catalog) {
        this.nameContains = Objects.requireNonNull(nameContains, "nameContains").strip();
        this.selector = new AudioLineSelector(catalog);
    }

    @Override
    public PcmSource reopen(AudioFormat format) throws SensorStartException {
        List<CaptureDevice> found = selector.matching(nameContains);
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() > 1) {
            throw new SensorStartException("'" + nameContains + "' now picks several capture devices: "
                    + AudioLineSelector.list(found), null);
        }
        return LineInSource.open(found.get(0), format);
    }

    @Override
    public String describe() {
        return "a capture device named '" + nameContains + "'";
    }
}
