package org.vernissage.sensors.audio;

import javax.sound.sampled.AudioFormat;
import org.vernissage.sensors.SensorStartException;

/**
 * How an {@link AudioInput} gets a new {@link PcmSource} after its source failed mid-show: for a
 * line-in, the capture device looked up again by the name the show config gave
 * ({@link LineReopener}). A file has none: a file that fails ends its input.
 *
 * <p>Called only on the audio thread, once per retry interval while the source is gone (see
 * {@link SourceRecovery}). Allocation is fine: this is not the per-hop path.
 */
interface PcmSourceReopener {

    /**
     * A new, started source delivering {@code format}, or null when its device is not there (yet):
     * the normal answer while it is unplugged.
     *
     * @throws SensorStartException when the device is there but cannot be used (busy, another
     *     format only, the name now picks several devices, the devices cannot be listed); the
     *     message is one line for the operator
     */
    PcmSource reopen(AudioFormat format) throws SensorStartException;

    /** What is looked for, for the log line of a loss, e.g. {@code "a capture device named 'usb'"}. */
    String describe();
}
