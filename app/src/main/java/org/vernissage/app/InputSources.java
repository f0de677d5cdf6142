package org.vernissage.app;

import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.binding.AudioSelector;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.InputSelector;
import org.vernissage.engine.binding.MidiSelector;
import org.vernissage.engine.binding.PhoneSelector;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.SourceCounters;
import org.vernissage.sensors.audio.AudioFileOptions;
import org.vernissage.sensors.audio.AudioInput;
import org.vernissage.sensors.audio.CaptureDeviceCatalog;
import org.vernissage.sensors.midi.MidiDeviceCatalog;
import org.vernissage.sensors.midi.MidiDeviceConnection;
import org.vernissage.sensors.osc.OscBindingRouter;
import org.vernissage.sensors.osc.OscEndpoint;
import org.vernissage.sensors.osc.OscStats;
import org.vernissage.sensors.osc.OscTcpServer;
import org.vernissage.sensors.osc.OscTcpServerConfig;
import org.vernissage.sensors.osc.OscTimeTags;
import org.vernissage.sensors.osc.OscUdpReceiver;
import org.vernissage.sensors.phone.PhoneServer;
import org.vernissage.sensors.phone.PhoneServerSettings;
import org.vernissage.sensors.tuio.TuioReceiver;
import org.vernissage.sensors.tuio.TuioSettings;

/**
 * The sensors of one live run, started from the command line's {@link SensorOptions} and the
 * artwork's bindings: one receiver per OSC endpoint (each with its own router, confined to its
 * thread), TUIO, the phones' server, MIDI and audio. Every one publishes into the same input ring.
 *
 * <p>Started and closed on the thread preparing the run; {@link #counters()} and
 * {@link #describe()} may be read from any thread afterwards. Owned by the run's {@link RunParts}.
 */
public final class InputSources implements AutoCloseable {

    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<SourceCounters> counters = new ArrayList<>();
    private final List<String> descriptions = new ArrayList<>();
    private final List<Integer> oscPorts = new ArrayList<>();

    private InputSources() {
    }

    /**
     * Starts every source {@code options} asks for; what fails to start closes what had started.
     *
     * @param warnings receives one line for each kind of binding no source was asked for (an
     *     artwork binding MIDI on a machine started without {@code --midi-device})
     */
    static InputSources start(SensorOptions options, List<BindingSpec> bindings, InputSink sink, Clock clock,
                              List<String> warnings) throws SensorStartException {
        InputSources sources = new InputSources();
        try {
            sources.startOsc(options.osc(), bindings, sink, clock);
            if (options.tuioPort().isPresent()) {
                sources.startTuio(options.host(), options.tuioPort().getAsInt(), sink, clock);
            }
            if (options.phonesPort().isPresent()) {
                sources.startPhones(options, bindings, sink, clock);
            } else {
                warnIfBound(bindings, PhoneSelector.class, "phones", "--phones", warnings);
            }
            if (options.midiDevice().isPresent()) {
                sources.startMidi(options.midiDevice().get(), bindings, sink, clock);
            } else {
                warnIfBound(bindings, MidiSelector.class, "MIDI", "--midi-device NAME", warnings);
            }
            if (options.audioFile().isPresent() || options.audioLine().isPresent()) {
                sources.startAudio(options, bindings, sink, clock);
            } else {
                warnIfBound(bindings, AudioSelector.class, "audio", "--audio-line or --audio-file", warnings);
            }
        } catch (SensorStartException | RuntimeException e) {
            sources.close();
            throw e;
        }
        return sources;
    }

    private void startOsc(List<OscEndpoint> endpoints, List<BindingSpec> bindings, InputSink sink, Clock clock)
            throws SensorStartException {
        for (OscEndpoint endpoint : endpoints) {
            if (endpoint.protocol() == OscEndpoint.Protocol.UDP) {
                OscStats stats = new OscStats(endpoint.sourceName());
                OscUdpReceiver receiver = new OscUdpReceiver(endpoint,
                        new OscBindingRouter(bindings, sink, stats, new OscTimeTags(clock)), clock, stats);
                receiver.start();
                started.add(receiver);
                counters.add(SourceCountersView.renamed(stats, endpoint.withPort(receiver.port()).sourceName()));
                oscPorts.add(receiver.port());
                descriptions.add("OSC on udp " + endpoint.host() + ":" + receiver.port());
            } else {
                OscStats stats = new OscStats(endpoint.sourceName() + " messages");
                OscTcpServer server = new OscTcpServer(OscTcpServerConfig.of(endpoint.host(), endpoint.port()),
                        new OscBindingRouter(bindings, sink, stats, new OscTimeTags(clock)), clock);
                server.start();
                started.add(server);
                String name = endpoint.withPort(server.port()).sourceName();
                counters.add(SourceCountersView.renamed(server.stats(), name));
                counters.add(SourceCountersView.renamed(stats, name + " messages"));
                oscPorts.add(server.port());
                descriptions.add("OSC on tcp " + endpoint.host() + ":" + server.port());
            }
        }
    }

    private void startTuio(String host, int port, InputSink sink, Clock clock) throws SensorStartException {
        TuioReceiver tuio = new TuioReceiver(host, port, sink, clock, TuioSettings.DEFAULT);
        tuio.start();
        started.add(tuio);
        counters.add(SourceCountersView.renamed(tuio.stats(), "TUIO udp " + host + ":" + tuio.port()));
        descriptions.add("TUIO on udp " + host + ":" + tuio.port());
    }

    private void startPhones(SensorOptions options, List<BindingSpec> bindings, InputSink sink, Clock clock)
            throws SensorStartException {
        PhoneServerSettings settings = PhoneServerSettings.defaults(options.host(), options.phonesPort().getAsInt());
        if (options.phonesTls().isPresent()) {
            settings = settings.withTls(options.phonesTls().get().load());
        }
        PhoneServer phones = new PhoneServer(settings, bindings, sink, clock);
        phones.start();
        started.add(phones);
        counters.add(phones.counters());
        descriptions.add("phones at " + settings.scheme() + "://" + options.host() + ":" + phones.port() + "/");
    }

    private void startMidi(String device, List<BindingSpec> bindings, InputSink sink, Clock clock)
            throws SensorStartException {
        MidiDeviceConnection midi = MidiDeviceConnection.openByName(device, MidiDeviceCatalog.system(), bindings,
                sink, clock);
        started.add(midi);
        counters.add(SourceCountersView.withDevice(midi.input().counters(), midi::deviceLosses,
                midi::reconnections));
        descriptions.add("MIDI from " + midi.deviceName());
    }

    private void startAudio(SensorOptions options, List<BindingSpec> bindings, InputSink sink, Clock clock)
            throws SensorStartException {
        AudioInput audio = options.audioFile().isPresent()
                ? AudioInput.openFile(options.audioFile().get(), AudioFileOptions.LOOP, bindings, sink, clock)
                : AudioInput.openLine(options.audioLine().get(), CaptureDeviceCatalog.system(), bindings, sink, clock);
        audio.start();
        started.add(audio);
        counters.add(SourceCountersView.withDevice(audio.counters(), audio::streamFailures,
                audio::reconnections));
        descriptions.add(audio.counters().source());
    }

    private static void warnIfBound(List<BindingSpec> bindings, Class<? extends InputSelector> kind, String what,
                                    String option, List<String> warnings) {
        long bound = bindings.stream().filter(b -> kind.isInstance(b.from())).count();
        if (bound > 0) {
            warnings.add("the artwork also listens to " + bound + " " + what + " input" + (bound == 1 ? "" : "s")
                    + ", not started (" + option + " starts it); until then those bindings only ease to their"
                    + " idle values");
        }
    }

    /** Every source's counters, in start order. Any thread. */
    public List<SourceCounters> counters() {
        return List.copyOf(counters);
    }

    /** The bound port of the {@code index}-th OSC endpoint, in command-line order. */
    public int oscPort(int index) {
        return oscPorts.get(index);
    }

    /** One line: what listens where. */
    public String describe() {
        return String.join("; ", descriptions);
    }

    /** Stops every source, newest first. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // keep closing the others: each source logs its own trouble
            }
        }
        started.clear();
    }
}
