package org.vernissage.app;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vernissage.sensors.osc.OscEndpoint;

/**
 * Everything {@code vernissage run} (or {@code replay}) was asked to do, grouped per subsystem,
 * each group a record checked once when it is made.
 *
 * <p>Immutable; made by the command line (or a test) and handed to {@link ArtworkRun}.
 *
 * @param output where the frames go
 * @param pacing how frames follow time, and when the run stops
 * @param sensors which inputs a live run listens on
 * @param pipeline how the input ring runs
 * @param journal recording, or replaying instead of listening
 * @param statsInterval how often statistics are printed while playing, or empty for only at the end
 * @param images still image files for an ISF shader's image inputs ({@code --image NAME=FILE}), by
 *     input name; they win over the manifest's {@code images}
 * @param reload whether a live run reloads the artwork when its files change ({@code --no-reload}: false)
 * @param services OSCQuery, the Wekinator endpoint and the web console of a live run, each when asked for
 */
public record RunOptions(Path artworkFolder, OutputOptions output, PacingOptions pacing, SensorOptions sensors,
                         PipelineOptions pipeline, JournalOptions journal, Optional<Duration> statsInterval,
                         Map<String, Path> images, boolean reload, ServiceOptions services) {

    /** The shortest {@code --stats} interval: printing more often would flood the console. */
    public static final Duration MIN_STATS_INTERVAL = Duration.ofMillis(100);
    /** The longest {@code --stats} interval: a day. */
    public static final Duration MAX_STATS_INTERVAL = Duration.ofDays(1);

    public RunOptions {
        Objects.requireNonNull(artworkFolder, "artworkFolder");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(pacing, "pacing");
        Objects.requireNonNull(sensors, "sensors");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(statsInterval, "statsInterval");
        Objects.requireNonNull(services, "services");
        images = Map.copyOf(images);
        statsInterval.ifPresent(interval -> {
            if (interval.compareTo(MIN_STATS_INTERVAL) < 0 || interval.compareTo(MAX_STATS_INTERVAL) > 0) {
                throw statsOutOfRange(new BigDecimal(interval.toNanos()).movePointLeft(9).stripTrailingZeros()
                        .toPlainString());
            }
        });
    }

    /** Options without any of the services (OSCQuery, Wekinator, console). */
    public RunOptions(Path artworkFolder, OutputOptions output, PacingOptions pacing, SensorOptions sensors,
                      PipelineOptions pipeline, JournalOptions journal, Optional<Duration> statsInterval,
                      Map<String, Path> images, boolean reload) {
        this(artworkFolder, output, pacing, sensors, pipeline, journal, statsInterval, images, reload,
                ServiceOptions.NONE);
    }

    /** Options without image files, with the hot reload on (as {@code vernissage run} has it by default). */
    public RunOptions(Path artworkFolder, OutputOptions output, PacingOptions pacing, SensorOptions sensors,
                      PipelineOptions pipeline, JournalOptions journal, Optional<Duration> statsInterval) {
        this(artworkFolder, output, pacing, sensors, pipeline, journal, statsInterval, Map.of(), true, ServiceOptions.NONE);
    }

    /**
     * The interval of {@code --stats SECONDS}.
     *
     * @throws IllegalArgumentException naming {@code --stats} and the range allowed
     */
    public static Duration statsEvery(double seconds) {
        double min = MIN_STATS_INTERVAL.toMillis() / 1e3;
        double max = MAX_STATS_INTERVAL.toSeconds();
        if (!(seconds >= min && seconds <= max)) { // NaN included
            throw statsOutOfRange(Double.isFinite(seconds)
                    ? BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString() : String.valueOf(seconds));
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static IllegalArgumentException statsOutOfRange(String got) {
        return new IllegalArgumentException("--stats must be between " + MIN_STATS_INTERVAL.toMillis() / 1e3
                + " and " + MAX_STATS_INTERVAL.toSeconds() + " seconds, got " + got);
    }

    /** Defaults for everything but the folder: headless 1280x720 at 60 fps, OSC on UDP port 9000. */
    public static RunOptions defaults(Path artworkFolder) {
        return new RunOptions(artworkFolder, OutputOptions.headless(new FrameSize(1280, 720)),
                new PacingOptions(60, 0, false), SensorOptions.defaults(), PipelineOptions.DEFAULT, JournalOptions.NONE,
                Optional.empty());
    }

    /** Whether this run plays a journal back instead of listening to sensors. */
    public boolean replaying() {
        return journal.replay().isPresent();
    }

    public RunOptions withImages(Map<String, Path> newImages) {
        return new RunOptions(artworkFolder, output, pacing, sensors, pipeline, journal, statsInterval, newImages, reload, services);
    }

    public RunOptions withOutput(OutputOptions newOutput) {
        return new RunOptions(artworkFolder, newOutput, pacing, sensors, pipeline, journal, statsInterval, images, reload, services);
    }

    public RunOptions withPacing(PacingOptions newPacing) {
        return new RunOptions(artworkFolder, output, newPacing, sensors, pipeline, journal, statsInterval, images, reload, services);
    }

    public RunOptions withSensors(SensorOptions newSensors) {
        return new RunOptions(artworkFolder, output, pacing, newSensors, pipeline, journal, statsInterval, images, reload, services);
    }

    public RunOptions withJournal(JournalOptions newJournal) {
        return new RunOptions(artworkFolder, output, pacing, sensors, pipeline, newJournal, statsInterval, images, reload, services);
    }

    /** These options with the OSC control port ({@code --control}). */
    public RunOptions withControl(org.vernissage.showcontrol.control.ControlSettings control) {
        return new RunOptions(artworkFolder, output, pacing, sensors, pipeline.withControl(control), journal,
                statsInterval, images, reload, services);
    }

    /** These options with the hot reload on or off. */
    public RunOptions withReload(boolean newReload) {
        return new RunOptions(artworkFolder, output, pacing, sensors, pipeline, journal, statsInterval, images, newReload, services);
    }

    /** The OSCQuery server of a live run ({@code --oscquery[=PORT]}), or none. */
    public OscQueryOptions oscQuery() {
        return services.oscQuery();
    }

    /** The Wekinator endpoint and its outputs ({@code --wekinator}, {@code --wekinator-out}), or none. */
    public ModelOptions models() {
        return services.models();
    }

    /** Show control from the MIDI input ({@code --msc-device}, {@code --midi-cue}). */
    public MidiCueOptions midiCues() {
        return services.midiCues();
    }

    /** Where the show state is kept across restarts. */
    public StateOptions state() {
        return services.state();
    }

    public RunOptions withState(StateOptions newState) {
        return withServices(services.withState(newState));
    }

    /** What the run keeps of its audience ({@code --retention-days}, {@code --record-features-only}...). */
    public PrivacyOptions privacy() {
        return services.privacy();
    }

    /** The energy meter: its counters, daily log and power budget. */
    public EnergyOptions energy() {
        return services.energy();
    }

    public RunOptions withEnergy(EnergyOptions newEnergy) {
        return withServices(services.withEnergy(newEnergy));
    }

    /** The language the disclosure caption starts in ({@code --disclosure-language}); empty: the manifest's. */
    public Optional<String> disclosureLanguage() {
        return services.disclosureLanguage();
    }

    public RunOptions withDisclosureLanguage(String tag) {
        return withServices(services.withDisclosureLanguage(tag));
    }

    /** The web console ({@code --console}), when asked for. */
    public Optional<ConsoleOptions> console() {
        return services.console();
    }

    public RunOptions withServices(ServiceOptions newServices) {
        return new RunOptions(artworkFolder, output, pacing, sensors, pipeline, journal, statsInterval, images, reload,
                newServices);
    }

    /** These options with an OSCQuery server (or {@link OscQueryOptions#NONE}). */
    public RunOptions withOscQuery(OscQueryOptions newOscQuery) {
        return withServices(services.withOscQuery(newOscQuery));
    }

    /** These options with the models' (Wekinator's) options. */
    public RunOptions withModels(ModelOptions newModels) {
        return withServices(services.withModels(newModels));
    }

    /** These options with the web console. */
    public RunOptions withConsole(ConsoleOptions newConsole) {
        return withServices(services.withConsole(newConsole));
    }

    public RunOptions withSize(FrameSize newSize) {
        return withOutput(output.withSize(newSize));
    }

    /** These options with OSC on one UDP port of {@code host} only. */
    public RunOptions withOsc(String host, int port) {
        return withSensors(sensors.withOsc(List.of(new OscEndpoint(OscEndpoint.Protocol.UDP, host, port))));
    }

    public RunOptions withFramesPerSecond(double fps) {
        return withPacing(pacing.withFramesPerSecond(fps));
    }

    public RunOptions withFrames(long newFrames) {
        return withPacing(pacing.withFrames(newFrames));
    }

    public RunOptions withCapture(Path folder) {
        return withOutput(output.withCapture(folder));
    }

    public RunOptions withRecord(Path file) {
        return withJournal(new JournalOptions(Optional.of(file), journal.replay()));
    }

    public RunOptions withReplay(JournalOptions.Replay newReplay) {
        return withJournal(new JournalOptions(journal.record(), Optional.of(newReplay)));
    }
}
