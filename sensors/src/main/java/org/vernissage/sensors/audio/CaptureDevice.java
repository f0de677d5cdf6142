package org.vernissage.sensors.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/**
 * One audio capture device (a sound card's line-in or microphone input, a USB interface): what
 * {@link AudioLineSelector} chooses by name and {@link AudioInput} records from. The system's are
 * Java Sound mixers ({@link CaptureDeviceCatalog#system()}); tests supply their own.
 *
 * <p>Used on the wiring thread at start-up; the line it gives is then read on the audio thread.
 */
public interface CaptureDevice {

    /** The name the operator matches against, e.g. {@code "USB Audio [plughw:1,0]"}. */
    String name();

    /** More about it (vendor, driver), for listings; may be empty. */
    String description();

    /** Whether it can record in {@code format}. */
    boolean supports(AudioFormat format);

    /** A line recording in {@code format}, not yet opened. */
    TargetDataLine line(AudioFormat format) throws LineUnavailableException;
}
