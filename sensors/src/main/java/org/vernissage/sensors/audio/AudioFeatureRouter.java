package org.vernissage.sensors.audio;

import java.util.List;
import org.vernissage.engine.binding.AudioFeature;
import org.vernissage.engine.binding.AudioSelector;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.pipeline.InputSink;

/**
 * The artwork's audio bindings resolved once into parallel arrays (ring channel, feature, band),
 * and the offering of one analysed block's features to them: every audio binding gets its
 * feature's value for every block (onset: 1 on the onset block, 0 on the others).
 *
 * <p>Built on the wiring thread, then used by the audio thread only. No allocation per block.
 */
final class AudioFeatureRouter {

    private final int[] channels;
    private final AudioFeature[] features;
    private final int[] bands;
    private final boolean hasOnset;
    private boolean onsetHigh;   // whether the last offered onset value was 1

    AudioFeatureRouter(List<BindingSpec> bindings) {
        int count = 0;
        for (BindingSpec binding : bindings) {
            if (binding.from() instanceof AudioSelector) {
                count++;
            }
        }
        channels = new int[count];
        features = new AudioFeature[count];
        bands = new int[count];
        boolean onset = false;
        int i = 0;
        for (int index = 0; index < bindings.size(); index++) {
            if (bindings.get(index).from() instanceof AudioSelector selector) {
                channels[i] = index;
                features[i] = selector.feature();
                bands[i] = selector.band();
                onset |= selector.feature() == AudioFeature.ONSET;
                i++;
            }
        }
        hasOnset = onset;
    }

    /** How many bindings are audio bindings. */
    int bindingCount() {
        return channels.length;
    }

    /** Offers the last block's features to every audio binding; returns how many were refused. */
    int publish(AudioAnalyzer analyzer, InputSink sink, long arrivalNanos) {
        int refused = 0;
        for (int i = 0; i < channels.length; i++) {
            float value = switch (features[i]) {
                case LEVEL -> analyzer.level();
                case BAND -> analyzer.band(bands[i]);
                case ONSET -> analyzer.onset() ? 1f : 0f;
            };
            if (!sink.offerChannel(channels[i], value, arrivalNanos)) {
                refused++;
            }
        }
        onsetHigh = hasOnset && analyzer.onset();
        return refused;
    }

    /**
     * When the stream ends right on an onset block, offers the 0 that the next block would have
     * brought, so an onset binding is not left at 1 for the rest of the show.
     */
    int releaseOnset(InputSink sink, long arrivalNanos) {
        if (!onsetHigh) {
            return 0;
        }
        onsetHigh = false;
        int refused = 0;
        for (int i = 0; i < channels.length; i++) {
            if (features[i] == AudioFeature.ONSET && !sink.offerChannel(channels[i], 0f, arrivalNanos)) {
                refused++;
            }
        }
        return refused;
    }
}
