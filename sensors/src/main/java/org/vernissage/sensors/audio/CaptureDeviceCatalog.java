package org.vernissage.sensors.audio;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/**
 * The audio capture devices present now. {@link #system()} lists Java Sound's mixers that offer a
 * {@link TargetDataLine}; tests pass their own (this machine has no sound card).
 *
 * <p>Called on the wiring thread at start-up, and by an {@link AudioInput}'s audio thread once per
 * retry interval while its line is gone (to find it again when it is plugged back in);
 * implementations must allow both, and must list devices that appear after start-up (the system
 * catalog asks Java Sound each time).
 */
@FunctionalInterface
public interface CaptureDeviceCatalog {

    List<CaptureDevice> devices();

    /** Java Sound's mixers that can record. */
    static CaptureDeviceCatalog system() {
        return () -> {
            List<CaptureDevice> devices = new ArrayList<>();
            Line.Info capture = new Line.Info(TargetDataLine.class);
            for (Mixer.Info info : AudioSystem.getMixerInfo()) {
                Mixer mixer;
                try {
                    mixer = AudioSystem.getMixer(info);
                } catch (IllegalArgumentException | SecurityException e) {
                    continue; // listed, then gone
                }
                if (mixer.isLineSupported(capture)) {
                    devices.add(new MixerCaptureDevice(mixer));
                }
            }
            return devices;
        };
    }

    /** A Java Sound mixer as a capture device; immutable wrapper, used like any {@link CaptureDevice}. */
    record MixerCaptureDevice(Mixer mixer) implements CaptureDevice {

        @Override
        public String name() {
            return mixer.getMixerInfo().getName();
        }

        @Override
        public String description() {
            Mixer.Info info = mixer.getMixerInfo();
            return (info.getVendor() + " " + info.getDescription()).strip();
        }

        @Override
        public boolean supports(AudioFormat format) {
            return mixer.isLineSupported(new DataLine.Info(TargetDataLine.class, format));
        }

        @Override
        public TargetDataLine line(AudioFormat format) throws LineUnavailableException {
            return (TargetDataLine) mixer.getLine(new DataLine.Info(TargetDataLine.class, format));
        }
    }
}
