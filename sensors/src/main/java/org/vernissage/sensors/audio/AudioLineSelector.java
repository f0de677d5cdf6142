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
 * <p>Used on the wiring thread at start-up, and by an {@link AudioInput}'s audio thread (through
 * {@link LineReopener}) to find the device again after its line failed; stateless apart from its
 * catalog.
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
        List<CaptureDevice> devices = devices();
        if (devices.isEmpty()) {
            throw new SensorStartException("audio input '" + nameContains + "' not found: this machine has no"
                    + " audio capture devices (no sound card, line-in or microphone input that Java Sound sees)", null);
        }
        if (wanted.isEmpty()) {
            throw new SensorStartException("audio input device name is empty; available capture devices: "
                    + list(devices), null);
        }
        List<CaptureDevice> matches = matching(wanted, devices);
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

    /**
     * The capture devices present now that {@code nameContains} picks by the rules of
     * {@link #select}: the one whose name equals it (ignoring case and surrounding blanks), else
     * every one whose name contains it; empty when none does. "None" and "several" are answers
     * here, not errors: an {@link AudioInput} asks once per retry interval while its line is gone,
     * and "not back yet" is the normal answer then.
     *
     * @throws SensorStartException only when the catalog cannot list the devices
     */
    List<CaptureDevice> matching(String nameContains) throws SensorStartException {
        return matching(nameContains.strip().toLowerCase(Locale.ROOT), devices());
    }

    private List<CaptureDevice> devices() throws SensorStartException {
        try {
            return catalog.devices();
        } catch (RuntimeException e) {
            throw new SensorStartException("audio capture devices cannot be listed: " + e.getMessage(), e);
        }
    }

    private static List<CaptureDevice> matching(String wanted, List<CaptureDevice> devices) {
        List<CaptureDevice> matches = new ArrayList<>();
        for (CaptureDevice device : devices) {
            String name = device.name().toLowerCase(Locale.ROOT);
            if (name.equals(wanted)) {
                return List.of(device);
            }
            if (name.contains(wanted)) {
                matches.add(device);
            }
        }
        return matches;
    }

    /** {@code 'name' (description), ...}, for one-line messages. */
    static String list(List<CaptureDevice> devices) {
        return devices.stream()
                .map(d -> "'" + d.name() + "'" + (d.description().isBlank() ? "" : " (" + d.description() + ")"))
                .collect(Collectors.joining(", "));
    }
}
