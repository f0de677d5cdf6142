package org.vernissage.app;

import java.util.List;
import java.util.Optional;
import org.vernissage.engine.binding.AudioSelector;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.SourceCounters;
import org.vernissage.sensors.audio.AudioFileOptions;
import org.vernissage.sensors.audio.AudioFramesFeed;
import org.vernissage.sensors.audio.AudioInput;
import org.vernissage.sensors.audio.CaptureDeviceCatalog;

/**
 * The audio input: a WAV file played in a loop ({@code --audio-file}) or a capture device
 * ({@code --audio-line}), analysed into levels and bands. Its agent's errors and restarts get a
 * statistics line when there are any.
 *
 * <p>Same threads and owner as every {@link RunPart}.
 */
final class AudioPart implements SensorPart {

    private final AudioInput audio;
    private final AgentHealthLine agent;

    private AudioPart(AudioInput audio) {
        this.audio = audio;
        this.agent = new AgentHealthLine(audio.counters().source(), audio::health);
    }

    /** The {@link SensorPart.Kind} of audio. */
    static void start(SensorWiring wiring, RunParts parts) throws SensorStartException {
        SensorOptions options = wiring.options();
        if (options.audioFile().isPresent() || options.audioLine().isPresent()) {
            parts.start(() -> start(wiring));
        } else {
            wiring.warnIfBound(AudioSelector.class, "audio", "--audio-line or --audio-file");
            if (wiring.audioFrames().isPresent()) {
                wiring.warnings().accept("the ISF shader has audio inputs; they stay silent without --audio-line"
                        + " or --audio-file");
            }
        }
    }

    private static AudioPart start(SensorWiring wiring) throws SensorStartException {
        SensorOptions options = wiring.options();
        AudioInput audio = options.audioFile().isPresent()
                ? AudioInput.openFile(options.audioFile().get(), AudioFileOptions.LOOP, wiring.bindings(),
                        wiring.sink(), wiring.clock())
                : AudioInput.openLine(options.audioLine().get(), CaptureDeviceCatalog.system(), wiring.bindings(),
                        wiring.sink(), wiring.clock());
        wiring.audioFrames().ifPresent(frames -> audio.tap(new AudioFramesFeed(frames)));
        try {
            audio.start();
        } catch (RuntimeException e) {
            audio.close();
            throw e;
        }
        return new AudioPart(audio);
    }

    @Override
    public Optional<String> banner() {
        return Optional.of(audio.counters().source());
    }

    @Override
    public List<SourceCounters> sources() {
        return List.of(SourceCountersView.withDevice(audio.counters(), audio::streamFailures, audio::reconnections));
    }

    @Override
    public List<String> statistics() {
        return agent.lines();
    }

    @Override
    public void close() {
        agent.partClosed();
        audio.close();
    }
}
