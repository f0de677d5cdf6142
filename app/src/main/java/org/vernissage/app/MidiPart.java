package org.vernissage.app;

import java.util.List;
import java.util.Optional;
import org.vernissage.engine.binding.MidiSelector;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.SourceCounters;
import org.vernissage.sensors.midi.MidiDeviceCatalog;
import org.vernissage.sensors.midi.MidiDeviceConnection;

/**
 * One MIDI input device ({@code --midi-device}), reconnected when it is unplugged and back. Its
 * watchdog agent's errors and restarts get a statistics line when there are any.
 *
 * <p>Same threads and owner as every {@link RunPart}.
 */
final class MidiPart implements SensorPart {

    private final MidiDeviceConnection connection;
    private final AgentHealthLine agent;
    private Optional<MidiCues> cues = Optional.empty();

    private MidiPart(MidiDeviceConnection connection) {
        this.connection = connection;
        this.agent = new AgentHealthLine("MIDI watchdog of " + connection.deviceName(), connection::health);
    }

    /** The {@link SensorPart.Kind} of MIDI. */
    static void start(SensorWiring wiring, RunParts parts) throws SensorStartException {
        Optional<String> device = wiring.options().midiDevice();
        if (device.isPresent()) {
            parts.start(() -> new MidiPart(MidiDeviceConnection.openByName(device.get(), MidiDeviceCatalog.system(),
                    wiring.bindings(), wiring.sink(), wiring.clock())));
        } else {
            wiring.warnIfBound(MidiSelector.class, "MIDI", "--midi-device NAME");
        }
    }

    /** Also hands the MIDI input's messages to {@code cues} (show control from the same port). */
    void showControl(MidiCues cues) {
        this.cues = Optional.of(cues);
        connection.input().showControl(cues);
    }

    @Override
    public Optional<String> banner() {
        return Optional.of("MIDI from " + connection.deviceName());
    }

    @Override
    public List<SourceCounters> sources() {
        return List.of(SourceCountersView.withDevice(connection.input().counters(), connection::deviceLosses,
                connection::reconnections));
    }

    @Override
    public List<String> statistics() {
        List<String> lines = new java.util.ArrayList<>(agent.lines());
        cues.ifPresent(c -> lines.add("MIDI show control: " + c.sent() + " commands"
                + (c.otherLists() > 0 ? ", " + c.otherLists() + " for other cue lists" : "")
                + (c.refused().total() > 0 ? ", " + c.refused().total() + " refused " + c.refused().byKind() : "")));
        return lines;
    }

    @Override
    public void close() {
        agent.partClosed();
        connection.close();
    }
}
