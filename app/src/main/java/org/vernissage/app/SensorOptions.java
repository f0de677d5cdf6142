package org.vernissage.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.vernissage.sensors.osc.OscEndpoint;

/**
 * Which inputs a run listens on: OSC endpoints (UDP and TCP, several at once), a TUIO port, the
 * audience phones' web server, a MIDI input device and an audio input. These belong to the
 * installation (the gallery's network, the machine's devices), not to the artwork, so they come
 * from the command line; the artwork's manifest says what each input means.
 *
 * <p>Immutable; checked once on construction.
 *
 * @param host the address TUIO and the phones' server listen on (OSC endpoints carry their own)
 * @param tuioPort the UDP port for TUIO, or empty for no TUIO
 * @param phones the audience phones' server, or empty for none
 * @param midiDevice part of the name of the MIDI input device, or empty for none
 * @param audioFile a WAV file to analyse as the audio input, or empty
 * @param audioLine part of the name of an audio capture device ("" for the default), or empty
 */
public record SensorOptions(List<OscEndpoint> osc, String host, OptionalInt tuioPort, Optional<PhonesOptions> phones,
                            Optional<String> midiDevice, Optional<Path> audioFile, Optional<String> audioLine) {

    public static final int DEFAULT_OSC_PORT = 9000;
    public static final int DEFAULT_TUIO_PORT = 3333;
    public static final int DEFAULT_PHONES_PORT = PhonesOptions.DEFAULT_PORT;

    public SensorOptions {
        osc = List.copyOf(osc);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tuioPort, "tuioPort");
        Objects.requireNonNull(phones, "phones");
        Objects.requireNonNull(midiDevice, "midiDevice");
        Objects.requireNonNull(audioFile, "audioFile");
        Objects.requireNonNull(audioLine, "audioLine");
        checkPort("--tuio", tuioPort);
        if (audioFile.isPresent() && audioLine.isPresent()) {
            throw new IllegalArgumentException("--audio-file and --audio-line are two audio inputs; choose one");
        }
    }

    /** OSC over UDP on port 9000 of every interface; nothing else. */
    public static SensorOptions defaults() {
        return new SensorOptions(List.of(OscEndpoint.udp(DEFAULT_OSC_PORT)), OscEndpoint.ANY_HOST,
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** These options with OSC on {@code endpoints} only. */
    public SensorOptions withOsc(List<OscEndpoint> endpoints) {
        return new SensorOptions(endpoints, host, tuioPort, phones, midiDevice, audioFile, audioLine);
    }

    public SensorOptions withTuio(String newHost, int port) {
        return new SensorOptions(osc, newHost, OptionalInt.of(port), phones, midiDevice, audioFile, audioLine);
    }

    public SensorOptions withPhones(String newHost, int port) {
        return withPhones(newHost, PhonesOptions.on(port));
    }

    public SensorOptions withPhones(String newHost, PhonesOptions newPhones) {
        return new SensorOptions(osc, newHost, tuioPort, Optional.of(newPhones), midiDevice, audioFile, audioLine);
    }

    public SensorOptions withAudioFile(Path file) {
        return new SensorOptions(osc, host, tuioPort, phones, midiDevice, Optional.of(file), Optional.empty());
    }

    private static void checkPort(String option, OptionalInt port) {
        if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535)) {
            throw new IllegalArgumentException(option + " port must be 0..65535, got " + port.getAsInt());
        }
    }
}
