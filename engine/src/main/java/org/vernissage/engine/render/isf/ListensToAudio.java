package org.vernissage.engine.render.isf;

/**
 * An artwork with ISF {@code audio} or {@code audioFFT} inputs somewhere in it: a lone ISF file, or
 * a graph with ISF layers. The run gives it the {@link AudioFrames} the audio input writes.
 *
 * <p>Render thread, like the artwork; called once while the run is prepared.
 */
public interface ListensToAudio {

    /** Whether any shader of the artwork reads audio (so the run must feed it). */
    boolean hasAudioInputs();

    /** Feeds every audio input of the artwork from {@code frames}, from the next frame on. */
    void listenTo(AudioFrames frames);
}
