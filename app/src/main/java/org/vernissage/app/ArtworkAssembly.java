package org.vernissage.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.Disclosure;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.journal.JournalException;
import org.vernissage.engine.journal.JournalHeader;
import org.vernissage.engine.journal.JournalSummary;
import org.vernissage.engine.journal.JournalWriter;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ConductorStage;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.render.CaptionOverlay;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.engine.render.FrameMarker;
import org.vernissage.engine.render.FramePacer;
import org.vernissage.engine.render.GlContextException;
import org.vernissage.engine.render.GpuFrameTimer;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.RenderMailbox;
import org.vernissage.engine.render.Standby;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueListLoader;
import org.vernissage.showcontrol.hours.OpeningHours;
import org.vernissage.showcontrol.oscquery.ValueDemand;

/**
 * Composes one run from its parts, in the shape of the design and in this order: the clock and
 * pacer, the GL context, the artwork (its shader compiled), the capture, the journal, the input
 * ring with its conductor, then either every kind of sensor in {@link #SENSORS} (a live run) or a
 * journal player (a replay); then the render loop over them. Each part is started through
 * {@link RunParts#start} with what it needs from the parts before it, so a part that fails to
 * start closes those, newest first.
 *
 * <p>A new sensor is one {@link SensorPart} class and one line in {@link #SENSORS}; a new service
 * (a part that needs, say, the ring) is one {@link RunPart} class and one {@code parts.start} line
 * below, where what it needs has started.
 *
 * <p>Used once, on the thread preparing the run, which will render.
 */
final class ArtworkAssembly {

    /** Every kind of sensor a live run can start, in start order (and banner and statistics order). */
    static final List<SensorPart.Kind> SENSORS = List.of(
            OscPart::start,
            TuioPart::start,
            PhonesPart::start,
            MidiPart::start,
            AudioPart::start);

    private final RunOptions options;
    private final ArtworkManifest manifest;
    private final String digest;
    private final Optional<Disclosure> disclosure;
    private final List<String> warnings = new ArrayList<>();
    private final RunParts parts = new RunParts();

    private ArtworkAssembly(RunOptions options, ArtworkManifest manifest, String digest,
                            Optional<Disclosure> disclosure) {
        this.options = options;
        this.manifest = manifest;
        this.digest = digest;
        this.disclosure = disclosure;
    }

    /**
     * Loads the artwork and starts every part of the run {@code options} ask for.
     *
     * @param listeners extra frame listeners (previews, tests, benchmarks), called on the render thread
     * @param out where the run prints its banner, warnings and statistics
     */
    static ArtworkRun assemble(RunOptions options, List<FrameListener> listeners, PrintWriter out)
            throws ArtworkException, GlContextException, SensorStartException, JournalException, IOException {
        ArtworkManifest manifest = ManifestLoader.load(options.artworkFolder());
        ArtworkAssembly assembly = new ArtworkAssembly(options, manifest,
                ArtworkDigest.of(options.artworkFolder(), RunCueLists.keptStartList(options)),
                DisclosureCaption.read(manifest, options.disclosureLanguage()));
        Optional<JournalSummary> recorded = Optional.empty();
        if (options.journal().replay().isPresent()) {
            recorded = Optional.of(assembly.checkedJournal(options.journal().replay().get().journal()));
        }
        try {
            return assembly.startParts(recorded, listeners, out);
        } catch (Exception | Error e) {
            assembly.parts.closeAfter(e); // a step between two parts failed; a part that fails closes the rest
            throw e;
        }
    }

    private ArtworkRun startParts(Optional<JournalSummary> recorded, List<FrameListener> extraListeners,
                                  PrintWriter out)
            throws ArtworkException, GlContextException, SensorStartException, JournalException, IOException {
        FrameSize size = options.output().size();
        // The manifest's, its caption's language parameter (if any) starting at the run's language.
        ParameterLayout layout = DisclosureCaption.layout(manifest, disclosure);
        Optional<CaptionOverlay> caption = DisclosureCaption.of(disclosure, manifest, layout, size, warnings::add);
        ClockPart clock = parts.start(() -> recorded.isPresent() ? ClockPart.replay()
                : ClockPart.live(options.pacing()));
        // One reading of the date per run: ISF's DATE counts from it and a recording stores it, so
        // a replay draws the DATE the live run drew.
        ZoneId zone = ZoneId.systemDefault();
        ShowStart start = recorded.map(r -> ShowStart.recordedIn(r.header()))
                .or(() -> options.pacing().showStart().map(local -> ShowStart.at(local, zone)))
                .orElseGet(() -> ShowStart.now(InstantSource.system()));
        LocalDateTime dateOrigin = start.in(zone);
        // One mailbox per run: the venue's OSC control and the hot reload both post to it.
        RenderMailbox mailbox = new RenderMailbox();
        Optional<VenuePart> venueFile = options.output().venueFile().isPresent()
                ? Optional.of(parts.start(() -> VenuePart.load(options.output().venueFile().get(), mailbox)))
                : Optional.empty();
        Optional<VenuePart> venue = venueFile.filter(VenuePart::hasOutputs); // a file may hold only hours
        GlContextPart gl = parts.start(() -> GlContextPart.open(options.output(), manifest.title(), venue.isPresent()));
        ArtworkPart artwork = parts.start(() -> ArtworkPart.setUp(manifest, layout, size, options.images(), dateOrigin));
        // After the artwork, so it closes first; a replay plays the recorded piece, not an edited one.
        if (options.reload() && recorded.isEmpty() && artwork.reloadable().isPresent()) {
            // A fresh instance for the cache warmer: the manifest read again, as the reload reads it.
            parts.start(() -> ReloadPart.start(artwork.reloadable().get(), mailbox, gl.context(),
                    () -> ArtworkPart.make(ManifestLoader.load(options.artworkFolder()), layout, options.images(),
                            dateOrigin),
                    layout, size));
        }
        Optional<Path> captureFolder = options.output().captureFolder();
        Optional<CapturePart> capture = captureFolder.isPresent()
                ? Optional.of(parts.start(() -> CapturePart.open(captureFolder.get(), size,
                        ArtworkProvenance.of(manifest, options,
                        recorded.map(r -> r.modelResults() > 0).orElse(false)))))
                : Optional.empty();
        if (options.privacy().retentionDays().isPresent() && recorded.isEmpty()) {
            // Before a new recording is made, so it never deletes the run's own journal.
            parts.start(() -> RetentionPart.start(options.privacy().retentionDays().get(),
                    options.journal().record().map(f -> f.toAbsolutePath().getParent()).stream().toList(),
                    List.of(options.artworkFolder().resolve("models")), InstantSource.system()));
        }
        Optional<JournalPart> journal = Optional.empty();
        if (options.journal().record().isPresent()) {
            Path file = options.journal().record().get();
            journal = Optional.of(parts.start(() -> JournalPart.create(file, manifest, digest, size,
                    options.pacing(), options.privacy().journalPrivacy(), start)));
        }
        Optional<JournalWriter> writer = journal.map(JournalPart::writer);
        // OSCQuery (a live run with --oscquery): its value report stage ends the conductor's list.
        boolean live = recorded.isEmpty();
        Optional<ValueDemand> valueDemand = options.oscQuery().enabled() && live
                ? Optional.of(new ValueDemand()) : Optional.empty();
        List<ConductorStage> lastStages = valueDemand.isPresent()
                ? List.of(OscQueryPart.reportStage(valueDemand.get(), layout)) : List.of();
        RunCueLists cueLists = RunCueLists.of(options, layout);
        Optional<CueList> cues = cueLists.start();
        Optional<ModelsPart> models = ModelsPart.prepare(options, manifest, layout, recorded.isPresent(), out);
        Optional<ConsoleOptions> console = options.console().filter(c -> live);
        boolean answerConsoles = live && (options.pipeline().control().isPresent() || console.isPresent());
        // The show state kept across restarts (a live run; --fresh still saves, it only does not resume).
        Optional<Path> stateFolder = live ? options.state().folderOf(manifest.id()) : Optional.empty();
        Optional<SnapshotExchange> persistence = stateFolder.map(f -> StatePart.exchange(layout, cues.orElse(CueList.EMPTY)));
        PipelinePart pipeline = parts.start(() -> PipelinePart.start(manifest, layout, options.pipeline(), writer,
                new PipelinePart.Stages(cues, answerConsoles, models.map(ModelsPart::stage), lastStages, persistence)));
        cueLists.replayed().ifPresent(versions -> pipeline.cueStage().replay(versions));
        if (stateFolder.isPresent()) {
            parts.start(() -> StatePart.start(stateFolder.get(), options.state().fresh(), manifest.id(), layout,
                    cues.orElse(CueList.EMPTY), pipeline.cueStage().inForce(), persistence.get(), pipeline.ring(),
                    clock.clock(), warnings));
        }
        if (models.isPresent()) {
            parts.start(() -> models.get().start(pipeline.ring(), clock.clock())); // closes before the ring
        }
        // Opening hours (a replay shows what was recorded, whatever the hour): standby, and the
        // venue file's cues at opening and closing through the ring.
        Optional<HoursPart> hours = Optional.empty();
        if (venueFile.isPresent() && live) {
            Optional<OpeningHours> venueHours = HoursPart.read(options.output().venueFile().get());
            if (venueHours.isPresent()) {
                hours = Optional.of(parts.start(() -> HoursPart.start(venueHours.get(), InstantSource.system(),
                        mailbox, new HoursPart.CueStarter(pipeline.ring(), clock.clock(), pipeline.cueStage().inForce(),
                                options.output().venueFile().get()))));
            }
        }
        // The run's ONE outbox agent (the outbox has a single consumer): every part that takes
        // envelopes from the conductor listens on it below, then it starts draining.
        OutboxPart outbox = parts.start(() -> OutboxPart.create(pipeline.conductor().outbox()));
        Inputs inputs = recorded.isPresent() ? startReplay(recorded.get(), pipeline)
                : startSensors(pipeline, clock, layout, artwork, OscControls.of(venue.map(VenuePart::oscControl),
                        models.flatMap(ModelsPart::live).map(running -> running.oscControl(pipeline.ring()))));
        if (live && options.midiCues().active()) {
            MidiCues midiCues = new MidiCues(pipeline.ring(), clock.clock(), pipeline.cueStage().inForce(), layout,
                    options.midiCues(), System.getLogger(MidiCues.class.getName()));
            parts.ofType(MidiPart.class).forEach(midi -> midi.showControl(midiCues));
        }
        if (live && ShowControlPart.wanted(options.pipeline())) {
            parts.start(() -> ShowControlPart.start(pipeline, options.pipeline(), manifest, clock.clock(), outbox));
        }
        if (live && CueFilePart.wanted(ShowControlPart.wanted(options.pipeline()), console.isPresent(),
                options.midiCues().active())) {
            parts.start(() -> CueFilePart.start(options.artworkFolder().resolve(CueListLoader.FILE_NAME), layout,
                    pipeline, clock.clock(), cueLists.keeping()));
        }
        if (valueDemand.isPresent()) {
            Optional<OscUdpPart> osc = parts.ofType(OscUdpPart.class).stream().findFirst();
            Optional<ShowControlPart> control = parts.ofType(ShowControlPart.class).stream().findFirst();
            parts.start(() -> OscQueryPart.start(options.oscQuery(), manifest, layout, osc, control,
                    pipeline.cueStage().inForce(), valueDemand.get(), outbox));
        }
        AtomicReference<ArtworkRun> run = new AtomicReference<>();
        Optional<ConsolePart> consolePart = Optional.empty();
        if (console.isPresent()) {
            CueConsole buttons = new CueConsole(pipeline.ring(), clock.clock(), pipeline.cueStage().inForce());
            outbox.listen(EventKinds.CONSOLE_REPLY, buttons);
            consolePart = Optional.of(parts.start(() -> ConsolePart.start(console.get(), manifest,
                    () -> Optional.ofNullable(run.get()).map(ArtworkRun::report), buttons, size,
                    ArtworkProvenance.of(manifest, options,
                        recorded.map(r -> r.modelResults() > 0).orElse(false)))));
        }
        outbox.startDraining();

        FrameStats frameStats = new FrameStats();
        List<org.vernissage.models.run.WorkerSlot> modelSlots = models.flatMap(ModelsPart::live)
                .map(running -> running.runtime().slots()).orElse(List.of());
        // The frames' GPU time for the energy estimate: made here, on the render thread with the
        // context current (it reads what the context can do); the loop makes its queries and closes it.
        GpuFrameTimer gpuTimer = new GpuFrameTimer();
        Optional<Standby> standby = hours.map(HoursPart::standby);
        EnergyPart energy = parts.start(() -> EnergyPart.start(options.energy(), frameStats, modelSlots,
                options.pacing().framesPerSecond(), Optional.of(gpuTimer), standby, out));
        // A replay is paced by its journal: the power budget holds back only a live run, on wall time
        // (a stepped run's clock only moves when a frame is drawn).
        FramePacer pacer = recorded.isPresent() ? inputs.pacer() : energy.pacer(inputs.pacer(), System::nanoTime);
        // Outputs in the order each frame reaches them: listeners and captures read the canvas
        // before the window's swap, which may wait for the display.
        RenderLoop.Builder loop = RenderLoop.builder(gl.context(), artwork.artwork(), pipeline.snapshots(),
                pacer, size.width(), size.height()).stats(frameStats).marker(inputs.marker())
                .shaderTimePeriod(manifest.timePeriodSeconds()).mailbox(mailbox).listeners(extraListeners)
                .gpuTimer(gpuTimer);
        hours.ifPresent(h -> loop.standby(h.standby()));
        caption.ifPresent(loop::caption);
        consolePart.ifPresent(c -> {
            loop.output(c.previewOutput());
            c.printToken(out);
        });
        capture.ifPresent(png -> loop.output(png.output(size)));
        if (venue.isPresent()) {
            // The venue's outputs show the frames; a headless run still finishes each one (glFinish).
            venue.get().outputs(gl.context()).forEach(loop::output);
            if (gl.context().headless()) {
                loop.output(RenderLoop.presentOutput(gl.context()));
            }
        } else {
            loop.output(RenderLoop.presentOutput(gl.context()));
        }
        PipelineFaultsView pipelineFaults = new PipelineFaultsView(pipeline.conductor(), pipeline.ring());
        ArtworkRun prepared = new ArtworkRun(options, manifest, parts, pipelineFaults, loop.build(), frameStats,
                inputs.frames(), clock.clock(), warnings, out);
        run.set(prepared); // the console reads the run's report from now on
        return prepared;
    }

    /** What drives the render loop: the inputs' pacer, the frame marks they want, how many frames. */
    private record Inputs(FramePacer pacer, FrameMarker marker, long frames) {
    }

    /** A live run: every kind of sensor, publishing into the ring; the loop paced by the clock. */
    private Inputs startSensors(PipelinePart pipeline, ClockPart clock, ParameterLayout layout, ArtworkPart artwork,
                                OscMessageHandler control) throws SensorStartException {
        SensorWiring wiring = new SensorWiring(options.sensors(), manifest.bindings(),
                SensorWiring.oscParameters(manifest.id(), layout, warnings::add), control,
                pipeline.ring(), clock.clock(), warnings::add, artwork.audioFrames(),
                PhoneAboutText.of(manifest, options));
        for (SensorPart.Kind sensor : SENSORS) {
            sensor.start(wiring, parts);
        }
        return new Inputs(clock.pacer().orElseThrow(), pipeline.frameMarker(), options.pacing().frames());
    }

    /** A replay: the journal player publishes the recorded inputs and paces the loop by the recorded frames. */
    private Inputs startReplay(JournalSummary recorded, PipelinePart pipeline) throws JournalException {
        ReplayPart replay = parts.start(() -> ReplayPart.open(options.journal().replay().orElseThrow(), recorded,
                pipeline.ring(), pipeline.snapshots()));
        // No frame marks of the loop's own: the journal's are replayed with its events.
        return new Inputs(replay.pacer(), FrameMarker.NONE, replay.frames(options.pacing().frames()));
    }

    /** The journal to replay, checked: it has frames; a changed artwork or another size is warned about. */
    private JournalSummary checkedJournal(Path journal) throws JournalException {
        JournalSummary summary = JournalSummary.of(journal);
        JournalHeader header = summary.header();
        FrameSize size = options.output().size();
        if (!header.artworkDigest().equals(digest)) {
            warnings.add(options.artworkFolder() + " has changed since " + journal + " was recorded (of \""
                    + header.artworkTitle() + "\"): the replay may not give the same frames");
        }
        if (header.width() != size.width() || header.height() != size.height()) {
            warnings.add("replaying at " + size + " a journal recorded at " + header.width() + "x"
                    + header.height() + ": frames will differ from the recording's");
        }
        if (summary.frames() == 0) {
            throw new JournalException(journal, "holds no frames: nothing to replay");
        }
        return summary;
    }
}
