package org.vernissage.app;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.sensors.osc.OscEndpoint;
import org.vernissage.sensors.phone.PhoneServerSettings;
import org.vernissage.showcontrol.access.AddressAllowlist;
import org.vernissage.showcontrol.control.ControlSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code vernissage run <artwork-folder>}: plays one artwork in a window, fullscreen or headless,
 * listening to the sensors asked for (OSC, TUIO, phones, MIDI, audio), until the window closes,
 * the frame limit is reached or the process is interrupted; then prints the run's statistics.
 *
 * <p>Picocli fills the fields and calls {@link #call()} on the main thread, which becomes the
 * render thread.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Play an artwork folder, or an ISF shader file without a manifest.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ARTWORK",
            description = "The artwork to play: a folder with an artwork.json, or an ISF shader file (.fs).")
    private Path artworkFolder;

    @Option(names = "--image", paramLabel = "NAME=FILE",
            description = "Feed the ISF image input NAME from a still image FILE (PNG, JPEG); repeat for several.")
    private Map<String, Path> images = new LinkedHashMap<>();

    @Option(names = "--size", paramLabel = "WxH", converter = OutputFlags.SizeConverter.class,
            description = "Frame size in pixels (default: ${DEFAULT-VALUE}).", defaultValue = "1280x720")
    private FrameSize size;

    @Option(names = "--fps", paramLabel = "N", defaultValue = "60",
            description = "Target frame rate; 0 renders as fast as possible (default: ${DEFAULT-VALUE}).")
    private double framesPerSecond;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "0",
            description = "Stop after N frames; 0 runs until stopped (default: ${DEFAULT-VALUE}).")
    private long frames;

    @Mixin
    private OutputFlags output;

    @Mixin
    private EnergyFlags energy;

    @Option(names = "--osc", paramLabel = "ENDPOINT", converter = EndpointConverter.class,
            description = "Receive OSC on [udp:|tcp:][HOST:]PORT; repeat for several (default: udp:0.0.0.0:9000).")
    private List<OscEndpoint> oscEndpoints = new ArrayList<>();

    @Option(names = "--osc-port", paramLabel = "N",
            description = "Shorthand for one UDP OSC port; 0 picks a free one (default: 9000).")
    private Integer oscPort;

    @Option(names = "--osc-host", paramLabel = "ADDRESS",
            description = "Address of the --osc-port socket; 127.0.0.1 for this machine only (default: 0.0.0.0).")
    private String oscHost;

    @Option(names = "--tuio", paramLabel = "PORT", arity = "0..1", fallbackValue = "" + SensorOptions.DEFAULT_TUIO_PORT,
            description = "Receive TUIO 1.1 and 2.0 on this UDP port (default when given: ${FALLBACK-VALUE}).")
    private Integer tuioPort;

    @Option(names = "--phones", paramLabel = "PORT", arity = "0..1",
            fallbackValue = "" + SensorOptions.DEFAULT_PHONES_PORT,
            description = "Serve the audience phones' page and WebSocket on this HTTP port (default when given: ${FALLBACK-VALUE}).")
    private Integer phonesPort;

    @Option(names = "--phones-tls", paramLabel = "KEYSTORE.p12",
            description = "Serve the phones over HTTPS with this PKCS#12 key store (browsers give tilt and shake"
                    + " only to secure pages); needs --phones-tls-password-file.")
    private Path phonesTlsKeyStore;

    @Option(names = "--phones-tls-password-file", paramLabel = "FILE",
            description = "The file whose first line is the --phones-tls key store's password.")
    private Path phonesTlsPasswordFile;

    @Option(names = "--phones-per-address", paramLabel = "N",
            defaultValue = "" + PhoneServerSettings.DEFAULT_MAX_PARTICIPANTS_PER_ADDRESS,
            description = "Participant places one address may hold (default: ${DEFAULT-VALUE}); raise it up to the"
                    + " participant limit (" + PhoneServerSettings.DEFAULT_MAX_PARTICIPANTS + ") when every phone"
                    + " comes through one NAT, as on many guest Wi-Fi networks.")
    private int phonesPerAddress;

    @Option(names = "--oscquery", paramLabel = "PORT", arity = "0..1",
            fallbackValue = "" + org.vernissage.showcontrol.oscquery.OscQuerySettings.DEFAULT_PORT,
            description = "Serve the OSCQuery namespace of every parameter (HTTP and WebSocket LISTEN on this port,"
                    + " announced over mDNS as _oscjson._tcp; default when given: ${FALLBACK-VALUE}).")
    private Integer oscQueryPort;

    @Option(names = "--oscquery-host", paramLabel = "ADDRESS",
            description = "Address the OSCQuery server listens on, e.g. the control network's (default: every"
                    + " interface, 0.0.0.0; on 127.0.0.1 the mDNS announcement stays on this machine).")
    private String oscQueryHost;

    @Option(names = "--sensor-host", paramLabel = "ADDRESS", defaultValue = OscEndpoint.ANY_HOST,
            description = "Address TUIO and the phones' server listen on (default: ${DEFAULT-VALUE}).")
    private String sensorHost;

    @Option(names = "--midi-device", paramLabel = "NAME",
            description = "Take MIDI from the input device whose name contains NAME.")
    private String midiDevice;

    @Option(names = "--audio-file", paramLabel = "WAV", description = "Analyse this WAV file as the audio input (looped).")
    private Path audioFile;

    @Option(names = "--audio-line", paramLabel = "NAME", arity = "0..1", fallbackValue = "",
            description = "Analyse the audio capture device whose name contains NAME (default when given: the default device).")
    private String audioLine;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Record every input to FILE (a new file), for 'vernissage replay'.")
    private Path record;

    @Option(names = "--record-features-only",
            description = "With --record: keep only derived features (binding channels' values after the phones'"
                    + " aggregation, parameters, cues), no raw touch of a phone or a table. Without it a journal"
                    + " keeps touches, with phones' ids replaced by per-visit random ids.")
    private boolean recordFeaturesOnly;

    @Option(names = "--retention-days", paramLabel = "DAYS",
            description = "Delete recordings (journals in --record's folder) and training examples (the artwork's"
                    + " models/*.examples.json, bundled ones included: keep those in version control) older than"
                    + " DAYS days, at start and then daily.")
    private Integer retentionDays;

    @Option(names = "--recorded-by", paramLabel = "TEXT",
            description = "Who records training examples in the room, for their datasheet and card (default:"
                    + " \"the person training the work in the room (not named)\").")
    private String recordedBy;

    @Option(names = "--disclosure-language", paramLabel = "TAG",
            description = "The language the disclosure caption starts in: one of the manifest's \"disclosure\""
                    + " texts (default: its \"language\"). A declared language parameter moves it live.")
    private String disclosureLanguage;

    @Option(names = "--consent", paramLabel = "TEXT",
            description = "The consent training examples recorded in the room were given under, for their datasheet.")
    private String consent;

    @Option(names = "--ring-wait", paramLabel = "STRATEGY", defaultValue = "hosted",
            converter = WaitStrategyConverter.class,
            description = "How the pipeline waits for input: hosted (the conductor's thread also receives OSC over"
                    + " UDP, sleeping in select when idle), backoff (spins 5 us, then blocks), blocking,"
                    + " sleeping, yielding or busy-spin (spinning burns a core; default: ${DEFAULT-VALUE}).")
    private RingWaitStrategy ringWait;

    @Option(names = "--control", paramLabel = "PORT", arity = "0..1",
            fallbackValue = "" + ControlSettings.DEFAULT_PORT,
            description = "Take show control (GO, cues, the playhead, parameter fades; QLab 5's OSC dictionary) on"
                    + " this UDP and TCP (SLIP) port (default when given: ${FALLBACK-VALUE}); UDP replies go to the"
                    + " sender's port " + ControlSettings.DEFAULT_REPLY_PORT + " unless it sends /udpReplyPort.")
    private Integer controlPort;

    @Option(names = "--control-host", paramLabel = "ADDRESS", defaultValue = OscEndpoint.ANY_HOST,
            description = "The address the control port listens on (default: ${DEFAULT-VALUE}).")
    private String controlHost;

    @Option(names = "--control-passcode", paramLabel = "PASSCODE",
            description = "Consoles must send /workspace/{id}/connect PASSCODE before any other command.")
    private String controlPasscode;

    @Option(names = "--control-allow", paramLabel = "ADDRESS", split = ",",
            description = "Take show control only from these IPv4/IPv6 addresses and CIDR ranges (e.g."
                    + " 192.168.1.0/24,10.0.0.7): on the control port others' datagrams are dropped unanswered and"
                    + " their connections closed; the web console refuses their connections too (default: everyone).")
    private List<String> controlAllow;

    @Option(names = "--console", paramLabel = "PORT", arity = "0..1",
            fallbackValue = "" + org.vernissage.showcontrol.console.ConsoleServer.DEFAULT_PORT,
            description = "Serve the technicians' web console (cue list with GO, stop and panic, live preview,"
                    + " sensors, frame time, health, errors) on PORT (default when given: "
                    + org.vernissage.showcontrol.console.ConsoleServer.DEFAULT_PORT + "); it asks for a token.")
    private Integer consolePort;

    @Option(names = "--console-host", paramLabel = "ADDRESS",
            description = "The address the console listens on (default: every interface).")
    private String consoleHost;

    @Option(names = "--console-token-file", paramLabel = "FILE",
            description = "Read the console's token from FILE's first line (16 characters or more) instead of"
                    + " printing a new one at start.")
    private Path consoleTokenFile;

    @Option(names = "--console-priority", paramLabel = "background|normal",
            description = "background (default): on Linux the console's threads run only on a core the show leaves"
                    + " free, so no frame is late for it, but on a busy machine its answers wait; normal: prompt"
                    + " answers, at the frames' expense.")
    private String consolePriority;

    @Option(names = "--msc-device", paramLabel = "ID",
            description = "Take MIDI Show Control (GO, STOP, RESUME, TIMED_GO, SET) addressed to device ID (0-111),"
                    + " its groups or everyone, from the --midi-device input.")
    private Integer mscDevice;

    @Option(names = "--msc-list", paramLabel = "LIST",
            description = "With --msc-device: run only the MSC commands for cue list LIST (as the console sends it,"
                    + " e.g. 1) or naming no list; those for other lists are for other devices and are let pass."
                    + " Default: every list.")
    private String mscList;

    @Option(names = "--midi-cue", paramLabel = "KEY=ACTION",
            description = "Map a note (60) or a controller (cc20) of the --midi-device input to go, stop, panic or a"
                    + " cue number, e.g. --midi-cue 60=go --midi-cue 61=2; repeat for several.")
    private Map<String, String> midiCueMapping = new LinkedHashMap<>();

    @Option(names = "--state", paramLabel = "DIR",
            description = "Keep the show state (values, playhead, running fades) in DIR/<artwork>/show-state.json,"
                    + " written atomically as it changes, and resume from it at start (default: a folder under your"
                    + " home, ~/.local/state/vernissage).")
    private Path stateRoot;

    @Option(names = "--fresh", description = "Start from the top: do not resume the saved show state.")
    private boolean fresh;

    @Option(names = "--stepped", description = "Advance time exactly 1/fps per frame (offline renders, reproducible captures).")
    private boolean stepped;

    @Option(names = "--show-start", paramLabel = "DATE-TIME",
            description = "The local date and time show time 0 stands for, e.g. 2026-12-24T18:00 (default: the moment"
                    + " the run starts): what ISF's DATE counts from, so a --stepped capture of a piece that reads"
                    + " the date comes out the same on any day; a recording stores it for its replays.")
    private LocalDateTime showStart;

    @Option(names = "--no-reload", description = "Do not reload the artwork when its shader, includes or manifest"
            + " change on disk (by default a save shows in the next frames, and a save that does not build leaves"
            + " the last good image on the wall and prints the file, line and error once).")
    private boolean noReload;

    @Option(names = "--wekinator", paramLabel = "PORT", arity = "0..1",
            fallbackValue = "" + ModelOptions.DEFAULT_WEKINATOR_PORT,
            description = "Speak Wekinator's OSC protocol on UDP PORT (default when given: ${FALLBACK-VALUE}):"
                    + " /wek/inputs and /wekinator/control/...; with no model in the manifest, a default regression"
                    + " drives every float parameter.")
    private Integer wekinatorPort;

    @Option(names = "--wekinator-out", paramLabel = "HOST:PORT",
            description = "Send the model's outputs as /wek/outputs (and training progress) to HOST:PORT.")
    private String wekinatorOut;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunOptions options;
        try {
            options = toOptions();
        } catch (IllegalArgumentException badValue) {
            // A value picocli could parse but we cannot use is still a usage error (exit 2).
            throw new ParameterException(spec.commandLine(), badValue.getMessage(), badValue);
        }
        try (LogFiles logs = output.logFiles(spec.commandLine().getOut())) {
            return Performance.play(options, logs.out());
        }
    }

    private RunOptions toOptions() {
        return new RunOptions(artworkFolder, output.toOptions(size), new PacingOptions(framesPerSecond, frames, stepped,
                Optional.ofNullable(showStart)),
                sensors(), pipeline(), new JournalOptions(Optional.ofNullable(record),
                        Optional.empty()), output.statsInterval(), images, !noReload,
                new ServiceOptions(oscQuery(), new ModelOptions(Optional.ofNullable(wekinatorPort),
                        Optional.ofNullable(wekinatorOut).map(ModelOptions::destination)), console(), midiCues(),
                        new StateOptions(stateRoot != null ? Optional.of(stateRoot) : StateOptions.defaultRoot(), fresh),
                        privacy(), energy.toOptions(), Optional.ofNullable(disclosureLanguage)));
    }

    private PrivacyOptions privacy() {
        if (recordFeaturesOnly && record == null) {
            throw new IllegalArgumentException("--record-features-only says what --record keeps; add --record FILE");
        }
        return new PrivacyOptions(Optional.ofNullable(retentionDays), recordFeaturesOnly,
                Optional.ofNullable(recordedBy), Optional.ofNullable(consent));
    }

    private MidiCueOptions midiCues() {
        MidiCueOptions options = new MidiCueOptions(Optional.ofNullable(mscDevice), Optional.ofNullable(mscList),
                midiCueMapping);
        if (options.active() && midiDevice == null) {
            throw new IllegalArgumentException("--msc-device and --midi-cue listen on the MIDI input: add --midi-device");
        }
        return options;
    }

    private Optional<ConsoleOptions> console() {
        if (consolePort == null) {
            if (consoleTokenFile != null || consoleHost != null || consolePriority != null) {
                throw new IllegalArgumentException("--console-host, --console-token-file and --console-priority set up"
                        + " the web console, which is not started; add --console");
            }
            return Optional.empty();
        }
        boolean inBackground = consolePriority == null || consolePriority.equals("background");
        if (!inBackground && !consolePriority.equals("normal")) {
            throw new IllegalArgumentException("--console-priority takes background or normal, got '" + consolePriority + "'");
        }
        return Optional.of(new ConsoleOptions(consolePort, consoleHost == null ? OscEndpoint.ANY_HOST : consoleHost,
                Optional.ofNullable(consoleTokenFile)).withAllow(controlAllow()).inBackground(inBackground));
    }

    private OscQueryOptions oscQuery() {
        if (oscQueryPort == null) {
            if (oscQueryHost != null) {
                throw new IllegalArgumentException("--oscquery-host places the OSCQuery server, which is not started;"
                        + " add --oscquery");
            }
            return OscQueryOptions.NONE;
        }
        OscQueryOptions options = OscQueryOptions.on(oscQueryPort);
        return oscQueryHost == null ? options
                : new OscQueryOptions(options.port(), oscQueryHost, options.mdnsPort());
    }

    private PipelineOptions pipeline() {
        if (controlPort == null) {
            if (controlPasscode != null) {
                throw new IllegalArgumentException("--control-passcode needs --control");
            }
            if (controlAllow != null && consolePort == null) {
                throw new IllegalArgumentException("--control-allow limits the control port and the web console,"
                        + " neither of which is started; add --control or --console");
            }
            return new PipelineOptions(ringWait);
        }
        return new PipelineOptions(ringWait).withControl(new ControlSettings(controlHost, controlPort,
                ControlSettings.DEFAULT_REPLY_PORT, Optional.ofNullable(controlPasscode), 16).withAllow(controlAllow()));
    }

    /** Who may control the show: the control port's and the console's allowlist. */
    private AddressAllowlist controlAllow() {
        return AddressAllowlist.parse("--control-allow", controlAllow);
    }

    private SensorOptions sensors() {
        List<OscEndpoint> osc = oscEndpoints;
        if (osc.isEmpty()) {
            osc = List.of(new OscEndpoint(OscEndpoint.Protocol.UDP, oscHost == null ? OscEndpoint.ANY_HOST : oscHost,
                    oscPort == null ? SensorOptions.DEFAULT_OSC_PORT : oscPort));
        } else if (oscPort != null || oscHost != null) {
            throw new IllegalArgumentException("--osc-port and --osc-host are a shorthand for one --osc endpoint;"
                    + " with --osc, give every endpoint as --osc");
        }
        return new SensorOptions(osc, sensorHost, optional(tuioPort), phones(),
                Optional.ofNullable(midiDevice), Optional.ofNullable(audioFile), Optional.ofNullable(audioLine));
    }

    private Optional<PhonesOptions> phones() {
        Optional<PhoneTlsFiles> tls = phonesTls();
        if (phonesPort == null) {
            if (tls.isPresent()) {
                throw new IllegalArgumentException("--phones-tls secures the phones' server, which is not started;"
                        + " add --phones");
            }
            if (phonesPerAddress != PhoneServerSettings.DEFAULT_MAX_PARTICIPANTS_PER_ADDRESS) {
                throw new IllegalArgumentException("--phones-per-address limits the phones' server, which is not"
                        + " started; add --phones");
            }
            return Optional.empty();
        }
        return Optional.of(new PhonesOptions(phonesPort, tls, phonesPerAddress));
    }

    private Optional<PhoneTlsFiles> phonesTls() {
        if (phonesTlsKeyStore == null && phonesTlsPasswordFile == null) {
            return Optional.empty();
        }
        if (phonesTlsKeyStore == null) {
            throw new IllegalArgumentException("--phones-tls-password-file is the password of a --phones-tls key store;"
                    + " give --phones-tls KEYSTORE.p12 too");
        }
        if (phonesTlsPasswordFile == null) {
            throw new IllegalArgumentException("--phones-tls needs --phones-tls-password-file FILE (the key store's"
                    + " password, kept off the command line)");
        }
        return Optional.of(new PhoneTlsFiles(phonesTlsKeyStore, phonesTlsPasswordFile));
    }

    private static OptionalInt optional(Integer port) {
        return port == null ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** Reads {@code --osc [udp:|tcp:][HOST:]PORT}. */
    static final class EndpointConverter implements ITypeConverter<OscEndpoint> {
        @Override
        public OscEndpoint convert(String value) {
            try {
                return OscEndpoint.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads {@code --ring-wait} by its command-line name. */
    static final class WaitStrategyConverter implements ITypeConverter<RingWaitStrategy> {
        @Override
        public RingWaitStrategy convert(String value) {
            for (RingWaitStrategy strategy : RingWaitStrategy.values()) {
                if (strategy.cliName().equals(value)) {
                    return strategy;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a wait strategy; expected one of "
                    + Arrays.stream(RingWaitStrategy.values()).map(RingWaitStrategy::cliName)
                            .collect(Collectors.joining(", ")));
        }
    }
}
