package org.vernissage.sensors.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vernissage.engine.render.isf.AudioFrames;

/** The audio thread's hand-over to an ISF shader's audio textures: the window and its spectrum. */
class AudioFramesFeedTest {

    @Test
    void everyBlockHandsOverItsSamplesAndSpectrum() {
        AudioAnalyzer analyzer = new AudioAnalyzer(48_000f);
        int n = analyzer.blockSize();
        AudioFrames frames = AudioFramesFeed.newFrames();
        AudioFramesFeed feed = new AudioFramesFeed(frames);
        // A sine exactly on bin 32, amplitude 0.5, long enough to fill whole blocks.
        float[] sine = new float[n * 4];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (float) (0.5 * Math.sin(2 * Math.PI * 32 * i / n));
        }
        analyzer.accept(sine, 0, sine.length, feed);

        assertTrue(frames.latch());
        assertEquals(n, frames.sampleCount());
        assertEquals(n / 2, frames.binCount());
        // The window is the newest block: the last n samples fed.
        for (int i = 0; i < n; i++) {
            assertEquals(sine[sine.length - n + i], frames.samples()[i], 0f);
        }
        float[] spectrum = frames.spectrum();
        int peak = 0;
        for (int k = 0; k < frames.binCount(); k++) {
            peak = spectrum[k] > spectrum[peak] ? k : peak;
        }
        assertEquals(31, peak, "bin 32 is magnitude 31 (bins from 1)");
        assertEquals(0.5, spectrum[peak], 0.01, "a sine of amplitude A peaks near A");
        assertEquals(false, frames.latch(), "nothing new since");
    }
}
