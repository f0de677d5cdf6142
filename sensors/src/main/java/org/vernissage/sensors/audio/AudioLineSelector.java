package org.vernissage.sensors.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.vernissage.sensors.SensorStartException;

/**
 * Picks the capture device the show config names: the one whose name contains the requested
 * text, ignoring case; a name equal to the text wins over ones that merely contain it. No
 * capture device at all, no match, or several matches each give a {@link SensorStartException}
 * whose one-line message lists the capture devices there are. (The same rules as
 * {@code MidiDeviceSelector}, for the same operator.)
 *
 * <p>Used on the wiring thread at start-up; stateless apart from its catalog.
 */
public final class AudioLineSelector {

    private final CaptureDeviceCatalog catalog;

    public AudioLineSelector(CaptureDeviceCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * @throws SensorStartException when there is no capture device, none matches, or several do
     */
    public CaptureDevice select(String nameContains) throws SensorStartException {
        Objects.requireNonNull(nameContains, "nameContains");
        String wanted = nameContains.strip().toLowerCase(Locale.ROOT);
        List<CaptureDevice> devices;
        try {
            devices = catalog.devices();
        } catch (RuntimeException e) {
            throw new SensorStartException("audio capture devices cannot be listed: " + e.getMessage(), e);
        }
        if (devices.isEmpty()) {
            throw new SensorStartException("audio input '" + nameContains + "' not found: this machine has no"
                    + " audio capture devices (no sound card, line-in or microphone input that Java Sound sees)", null);
        }
        if (wanted.isEmpty()) {
            throw new SensorStartException("audio input device name is empty; available capture devices: "
                    + list(devices), null);
        }
        List<CaptureDevice> matches = new ArrayList<>();
        for (CaptureDevice device : devices) {
            String name = device.name().toLowerCase(Locale.ROOT);
            if (name.equals(wanted)) {
                return device;
            }
            if (name.contains(wanted)) {
                matches.add(device);
            }
        }
        if (matches.isEmpty()) {
            throw new SensorStartException("no audio capture device name contains '" + nameContains
                    + "'; available capture devices: " + list(devices), null);
        }
        if (matches.size() > 1) {
            throw new SensorStartException("audio input '" + nameContains + "' is ambiguous, it matches "
                    + list(matches) + "; give more of the name. Available capture devices: " + list(devices), null);
        }
        return matches.get(0);
    }

    private static String list(List<CaptureDevice> devices) {
        return devices.stream()
                .map(d -> "'" + d.name() + "'" + (d.description().isBlank() ? "" : " (" + d.description() + ")"))
                .collect(Collectors.joining(", "));
    }
}
