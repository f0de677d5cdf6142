package org.vernissage.sensors.midi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiUnavailableException;
import org.vernissage.sensors.SensorStartException;

/**
 * Picks the MIDI input device the show config names: an input is a device with transmitters
 * ({@code getMaxTransmitters() != 0}); it is chosen when its name contains the requested text,
 * ignoring case. A name that equals the text exactly wins over ones that merely contain it (so
 * "Launchpad" can still pick "Launchpad" next to "Launchpad Pro"). No input at all, no match, or
 * several matches each give a {@link SensorStartException} whose one-line message lists the input
 * devices there are, so the operator can correct the config without a debugger.
 *
 * <p>Used on the wiring thread at start-up, and by a {@link MidiDeviceWatch} on its watchdog
 * thread to find the device again after it was lost; stateless apart from its catalog.
 */
public final class MidiDeviceSelector {

    private final MidiDeviceCatalog catalog;

    public MidiDeviceSelector(MidiDeviceCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** The input devices present now (devices with transmitters), in catalog order. */
    public List<MidiDevice> inputs() throws SensorStartException {
        List<MidiDevice> devices;
        try {
            devices = catalog.devices();
        } catch (MidiUnavailableException | RuntimeException e) {
            throw new SensorStartException("MIDI devices cannot be listed: " + e.getMessage(), e);
        }
        List<MidiDevice> inputs = new ArrayList<>();
        for (MidiDevice device : devices) {
            if (device.getMaxTransmitters() != 0) {
                inputs.add(device);
            }
        }
        return inputs;
    }

    /**
     * The one input device whose name contains {@code nameContains} (case-insensitive), not yet
     * opened.
     *
     * @throws SensorStartException when there is no input device, none matches, or several do
     */
    public MidiDevice select(String nameContains) throws SensorStartException {
        Objects.requireNonNull(nameContains, "nameContains");
        String wanted = nameContains.strip().toLowerCase(Locale.ROOT);
        List<MidiDevice> inputs = inputs();
        if (inputs.isEmpty()) {
            throw new SensorStartException("MIDI input '" + nameContains
                    + "' not found: this machine has no MIDI input devices (is the controller plugged in"
                    + " and seen by the operating system?)", null);
        }
        if (wanted.isEmpty()) {
            throw new SensorStartException("MIDI input device name is empty; available input devices: "
                    + list(inputs), null);
        }
        List<MidiDevice> matches = matching(wanted, inputs);
        if (matches.isEmpty()) {
            throw new SensorStartException("no MIDI input device name contains '" + nameContains
                    + "'; available input devices: " + list(inputs), null);
        }
        if (matches.size() > 1) {
            throw new SensorStartException("MIDI input '" + nameContains + "' is ambiguous, it matches "
                    + list(matches) + "; give more of the name. Available input devices: " + list(inputs), null);
        }
        return matches.get(0);
    }

    /**
     * The input devices present now that {@code nameContains} picks by the rules of
     * {@link #select}: the one whose name equals it (ignoring case and surrounding blanks), else
     * every one whose name contains it; empty when none does. Unlike {@code select} it does not
     * treat "none" or "several" as an error: a {@link MidiDeviceWatch} calls it about once a
     * second while a device is gone, and "not there yet" is the normal answer then.
     *
     * @throws SensorStartException only when the catalog cannot list the devices
     */
    List<MidiDevice> matching(String nameContains) throws SensorStartException {
        return matching(nameContains.strip().toLowerCase(Locale.ROOT), inputs());
    }

    private static List<MidiDevice> matching(String wanted, List<MidiDevice> inputs) {
        List<MidiDevice> matches = new ArrayList<>();
        for (MidiDevice device : inputs) {
            String name = device.getDeviceInfo().getName().toLowerCase(Locale.ROOT);
            if (name.equals(wanted)) {
                return List.of(device);
            }
            if (name.contains(wanted)) {
                matches.add(device);
            }
        }
        return matches;
    }

    /** {@code 'name' (vendor), ...}, for one-line messages. */
    static String list(List<MidiDevice> devices) {
        return devices.stream().map(MidiDeviceSelector::describe).collect(Collectors.joining(", "));
    }

    private static String describe(MidiDevice device) {
        MidiDevice.Info info = device.getDeviceInfo();
        String vendor = info.getVendor();
        return "'" + info.getName() + "'" + (vendor == null || vendor.isBlank() ? "" : " (" + vendor + ")");
    }
}
