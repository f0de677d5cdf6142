package org.vernissage.sensors.midi;

import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;

/**
 * The MIDI devices present now. {@link #system()} asks {@link MidiSystem}; tests pass their own
 * list (the JDK's software sequencer, test devices) because this machine has no MIDI hardware.
 *
 * <p>Called on the wiring thread at start-up and by a {@link MidiDeviceConnection}'s watchdog
 * thread about once a second (to notice a device that was unplugged, and to find it again when it
 * is plugged back in); implementations must allow both, and must list devices plugged in after
 * start-up (the system catalog asks the platform each time). Allocation is fine here: this is not the message path.
 */
@FunctionalInterface
public interface MidiDeviceCatalog {

    /** Every device present now, inputs or not (the selector keeps those with transmitters). */
    List<MidiDevice> devices() throws MidiUnavailableException;

    /**
     * The platform's devices, without the JDK's software sequencer and synthesizer: a sequencer
     * has transmitters too ("Real Time Sequencer" lists as an input everywhere) but it plays
     * files, it is not a port anyone plays into, and picking it by a loose name would be a
     * silent mistake. A device the platform lists but cannot hand out is left out.
     */
    static MidiDeviceCatalog system() {
        return () -> {
            List<MidiDevice> devices = new ArrayList<>();
            for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
                MidiDevice device;
                try {
                    device = MidiSystem.getMidiDevice(info);
                } catch (MidiUnavailableException | IllegalArgumentException e) {
                    continue; // listed a moment ago, gone now (unplugged between the two calls)
                }
                if (!(device instanceof Sequencer) && !(device instanceof Synthesizer)) {
                    devices.add(device);
                }
            }
            return devices;
        };
    }
}
