package org.vernissage.sensors.audio;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import javax.sound.sampled.AudioFormat;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.sensors.FirstOccurrenceLog;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.SourceCounters;
import org.vernissage.sensors.SourceStats;

/**
 * The audio input source: reads PCM from a line-in or a WAV file as an agent (see
 * {@link SupervisedAgent}; one hop per duty cycle) on its own thread ("vernissage-audio"), mixes it to mono ({@link PcmDecoder}), analyses it in overlapping blocks
 * ({@link AudioAnalyzer}: level, 8 bands, onsets) and, after every block, offers each binding whose
 * selector is an {@code AudioSelector} its feature's value (0..1; onset 1 on the onset block, then
 * 0) through {@link InputSink#offerChannel}, stamped with the injected {@link Clock}.
 *
 * <p>A file is paced in real time against the clock by default (a block is published when the
 * clock reaches its end, as a live line would deliver it), or read as fast as possible
 * ({@link AudioFileOptions}); it may loop. A line is paced by its own blocking read. Reads are one
 * hop long, so each read completes one block; nothing is allocated per block (a looping file
 * reopens its stream once per pass).
 *
 * <p>Counters ({@link #counters()}, {@code "audio <file or device>"}): received = blocks analysed,
 * dropped = feature values the ring refused, rejected = reads that held NaN/infinite float
 * samples.
 *
 * <p>When the stream fails mid-show (a read throws, a line returns short or nothing because it was
 * unplugged or closed under it), the failure is counted in {@link #streamFailures()}, an onset left
 * at 1 is brought back to 0, and the source is closed. Nothing else is published while it is gone,
 * so the engine keeps the bindings' last values (or eases them to idle, as their conditioning
 * says). Then:
 * <ul>
 *   <li>a line-in ({@link #openLine}) is looked for again every retry interval (1 s) by the same
 *       name and reopened in the same format ({@link SourceRecovery}, {@link LineReopener}); the
 *       loss is logged as one line, a failed reopen at most once per loss; once the new line has
 *       delivered its first hop, analysis resumes as after a fresh start (silent window, no onset
 *       history), the reconnection is counted in {@link #reconnections()} and logged as one line
 *       {@code "audio <name> reconnected after N s"}. The same counters and bindings carry on.</li>
 *   <li>a file is not reopened: the failure is logged once and the thread ends cleanly. The end of
 *       a file that does not loop ends the thread the same way, without a failure.</li>
 * </ul>
 *
 * <p>Threads: made, {@link #start()}ed and {@link #close()}d on the wiring thread, which owns it;
 * the audio thread alone reads, analyses, counts, publishes, and replaces a failed source (it is
 * the single writer of the current source; {@link #close()} only closes whichever one is current,
 * and a source opened while closing is closed by the audio thread itself). Counters are read by
 * any thread. {@link #close()} ends the thread promptly whether the source is streaming or gone.
 */
public final class AudioInput implements AutoCloseable {

    /** The audio thread's name. */
    public static final String THREAD_NAME = "vernissage-audio";

    private static final Logger LOG = System.getLogger(AudioInput.class.getName());
    /** How often a file's agent looks while it has nothing to do (it ends soon after). */
    private static final Duration IDLE_PARK = Duration.ofMillis(5);
    /** Longest single park while waiting for a block's time: close() and clock jumps are seen this soon. */
    private static final long MAX_PARK_NANOS = 5_000_000;
    /** Reads that return nothing (and no end) tolerated in a row, 1 ms apart, before calling the source dead. */
    private static final int MAX_EMPTY_READS = 1_000;

    private volatile PcmSource source;      // the audio thread replaces it after a loss; close() closes it
    private final AudioFormat format;       // every source of this input delivers this
    private final String sourceName;        // the first source's describe(), to name a replacement's change
    private final SourceRecovery recovery;  // null: a failure ends the thread (a file)
    private final boolean paced;
    private final InputSink sink;
    private final Clock clock;
    private final Logger logger;
    private final SourceStats stats;
    private final FirstOccurrenceLog firstProblems;
    private final PcmDecoder decoder;
    private final AudioAnalyzer analyzer;
    private final AudioFeatureRouter router;
    private final PlaybackPacer pacer;
    private final AudioBlockListener publisher = this::publishBlock; // made once, not per block
    private final byte[] bytes;
    private final float[] mono;

    private AgentThread thread;
    private SupervisedAgent agent;
    private volatile boolean closed;
    private boolean streaming = true;       // audio thread only: false while a lost line is looked for
    private long nextRetryNanos;            // audio thread only
    private volatile long streamFailures;   // audio thread writes, anyone reads
    private long nonFiniteSeen;             // audio thread only
    private long framesRead;                // audio thread only
    private volatile AudioBlockListener tap; // set by any thread, read by the audio thread
    private boolean confirming;             // audio thread only: a reopened source has not delivered yet

    /**
     * A source that plays {@code file} (a WAV file).
     *
     * @throws SensorStartException naming the file and what was expected when it is missing, not
     *     a WAV file, or holds samples that cannot be decoded
     */
    public static AudioInput openFile(Path file, AudioFileOptions options, List<BindingSpec> bindings,
                                      InputSink sink, Clock clock) throws SensorStartException {
        return openFile(file, options, bindings, sink, clock, LOG);
    }

    static AudioInput openFile(Path file, AudioFileOptions options, List<BindingSpec> bindings,
                               InputSink sink, Clock clock, Logger logger) throws SensorStartException {
        WavFileSource source = WavFileSource.open(file, options.loop());
        return create(source, options.pacing() == AudioFileOptions.Pacing.REAL_TIME, bindings, sink, clock, logger);
    }

    /**
     * A source that records from the capture device of {@code catalog} whose name contains
     * {@code nameContains} (case-insensitive; see {@link AudioLineSelector}).
     *
     * @throws SensorStartException listing the capture devices when none matches, or when the
     *     device cannot be opened in a format this adapter reads
     */
    public static AudioInput openLine(String nameContains, CaptureDeviceCatalog catalog, List<BindingSpec> bindings,
                                      InputSink sink, Clock clock) throws SensorStartException {
        return openLine(nameContains, catalog, bindings, sink, clock, LOG);
    }

    static AudioInput openLine(String nameContains, CaptureDeviceCatalog catalog, List<BindingSpec> bindings,
                               InputSink sink, Clock clock, Logger logger) throws SensorStartException {
        return openLine(nameContains, catalog, bindings, sink, clock, SourceRecovery.RETRY_INTERVAL, logger);
    }

    static AudioInput openLine(String nameContains, CaptureDeviceCatalog catalog, List<BindingSpec> bindings,
                               InputSink sink, Clock clock, Duration retryInterval, Logger logger)
            throws SensorStartException {
        CaptureDevice device = new AudioLineSelector(catalog).select(nameContains);
        SourceRecovery recovery = new SourceRecovery(new LineReopener(nameContains, catalog), retryInterval, clock,
                logger);
        return create(LineInSource.open(device), false, bindings, sink, clock, logger, recovery);
    }

    private static AudioInput create(PcmSource source, boolean pacedByClock, List<BindingSpec> bindings,
                                     InputSink sink, Clock clock, Logger logger) throws SensorStartException {
        return create(source, pacedByClock, bindings, sink, clock, logger, null);
    }

    private static AudioInput create(PcmSource source, boolean pacedByClock, List<BindingSpec> bindings,
                                     InputSink sink, Clock clock, Logger logger, SourceRecovery recovery)
            throws SensorStartException {
        try {
            return new AudioInput(source, pacedByClock, bindings, sink, clock, logger, recovery);
        } catch (IllegalArgumentException e) {
            source.close();
            throw new SensorStartException("audio " + source.describe() + ": " + e.getMessage(), e);
        }
    }

    AudioInput(PcmSource source, boolean pacedByClock, List<BindingSpec> bindings, InputSink sink, Clock clock,
               Logger logger) {
        this(source, pacedByClock, bindings, sink, clock, logger, null);
    }

    /** @param recovery how a failed source is replaced, or null to end the thread on a failure */
    AudioInput(PcmSource source, boolean pacedByClock, List<BindingSpec> bindings, InputSink sink, Clock clock,
               Logger logger, SourceRecovery recovery) {
        this.source = Objects.requireNonNull(source, "source");
        this.format = source.format();
        this.sourceName = source.describe();
        this.recovery = recovery;
        this.paced = pacedByClock && !source.realTime();
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logger = Objects.requireNonNull(logger, "logger");
        this.stats = new SourceStats("audio " + source.describe());
        this.firstProblems = new FirstOccurrenceLog(logger, AudioProblem.values().length);
        this.decoder = new PcmDecoder(source.format());
        this.analyzer = new AudioAnalyzer(source.format().getSampleRate());
        this.router = new AudioFeatureRouter(Objects.requireNonNull(bindings, "bindings"));
        this.pacer = new PlaybackPacer(clock, source.format().getSampleRate());
        this.bytes = new byte[analyzer.hop() * decoder.frameSize()];
        this.mono = new float[analyzer.hop()];
    }

    /** Starts the audio thread; a paced file's first frame is due now, on the clock. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("audio input already started");
        }
        if (closed) {
            throw new IllegalStateException("audio input already closed");
        }
        pacer.start(); // playback time starts now, not whenever the new thread gets going
        agent = new SupervisedAgent(new Streaming(), logger);
        // While a lost line is looked for, the thread parks a retry interval between looks.
        thread = AgentThread.parking(THREAD_NAME,
                recovery == null ? IDLE_PARK : Duration.ofNanos(recovery.intervalNanos()));
        thread.add(agent);
    }

    /** The agent's errors, restarts and state, for a statistics line; null before start. */
    public synchronized AgentHealth health() {
        return agent;
    }

    /** Received = blocks analysed; dropped = values the ring refused; rejected = reads with NaN samples. */
    public SourceCounters counters() {
        return stats;
    }

    /**
     * How many times the stream failed mid-show (a file: 0 or 1, its thread ends after a failure;
     * a line: once per loss, a reopened line that fails before delivering is not a new loss).
     */
    public long streamFailures() {
        return streamFailures;
    }

    /** How many times a lost line was opened again and delivered (always 0 for a file). */
    public long reconnections() {
        return recovery == null ? 0 : recovery.reconnections();
    }

    /** How many times a new line was asked for while the line was gone, for tests. */
    long reopenAttempts() {
        return recovery == null ? 0 : recovery.attempts();
    }

    /** The analysis this input runs (block size, hop, rate), for reading its settings. */
    public AudioAnalyzer analyzer() {
        return analyzer;
    }

    /**
     * Whether the audio thread is still running: false before start, at the end of a file, after
     * a file failed, and after {@link #close()}; a line's thread keeps running while it is gone.
     */
    public boolean isRunning() {
        AgentThread t;
        synchronized (this) {
            t = thread;
        }
        return t != null && t.isAlive();
    }

    /** Waits up to {@code timeout} for the audio thread to end; true when it has. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        AgentThread t;
        synchronized (this) {
            t = thread;
        }
        return t == null || t.awaitEnd(timeout.toMillis());
    }

    /**
     * Stops the thread: closing the current source unblocks a read, closing the agent's thread
     * ends a wait for the next retry, then the thread is joined (up to 2 s).
     */
    @Override
    public void close() {
        closed = true;
        source.close();
        AgentThread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.close();
        }
    }

    // ---- the audio thread -------------------------------------------------------------------

    /**
     * The audio role: one hop per duty cycle while streaming; while a lost line is gone, one look
     * for it per retry interval. The end of a file (or of a file that failed) ends the thread.
     */
    private final class Streaming implements Agent {

        @Override
        public int doWork() {
            if (closed) {
                throw new AgentTerminationException("closed");
            }
            return streaming ? streamOneHop() : lookForTheLine();
        }

        @Override
        public void onClose() {
            countRefused(router.releaseOnset(sink, clock.nanos()));
            source.close();
        }

        @Override
        public String roleName() {
            return "audio " + sourceName;
        }
    }

    private int streamOneHop() {
        try {
            if (step()) {
                return 1;
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                onFailure(e instanceof IOException ? e.getMessage() : e.toString());
                if (recovery != null) {
                    streaming = false;
                    nextRetryNanos = System.nanoTime() + recovery.intervalNanos();
                    return 1;
                }
            }
        }
        throw new AgentTerminationException("the end of " + sourceName); // end, close, or a file that failed
    }

    /** One look for the lost line when its retry is due; streaming again once it is back. */
    private int lookForTheLine() {
        long now = System.nanoTime();
        if (now - nextRetryNanos < 0) {
            return 0;
        }
        nextRetryNanos = now + recovery.intervalNanos();
        PcmSource reopened = recovery.tryReopen(stats.source(), format);
        if (reopened == null) {
            return 0;
        }
        source = reopened;
        if (closed) { // close() may have closed the old one after we replaced it: close this one
            reopened.close();
            throw new AgentTerminationException("closed");
        }
        analyzer.restart(); // no window or onset history across the gap
        confirming = true;
        streaming = true;
        return 1;
    }

    private void onFailure(String problem) {
        // Nothing is published while the source is gone: an onset must not stay at 1 meanwhile.
        countRefused(router.releaseOnset(sink, clock.nanos()));
        source.close();
        if (recovery != null && confirming) {
            recovery.reopenedSourceFailed(stats.source(), problem); // still the same loss
            return;
        }
        if (recovery != null) {
            recovery.lost(stats.source(), problem);
        } else if (firstProblems.first(AudioProblem.STREAM_FAILED)) {
            firstProblems.warn(stats.source() + ": the input failed (" + problem
                    + "); the audio bindings keep their last values");
        }
        streamFailures = streamFailures + 1; // single writer: this thread; after the line (count seen => line seen)
    }

    /**
     * One hop of audio: read it, decode it, wait for its time (a paced file), analyse it and
     * publish the block it completes. Audio thread (an allocation test calls it directly).
     *
     * @return false at the end of the stream or when closed
     */
    boolean step() throws IOException {
        int read = readChunk();
        if (closed) {
            return false;
        }
        if (read == 0) {
            logger.log(Level.INFO, stats.source() + ": end of the file after " + analyzer.blocks() + " blocks");
            return false;
        }
        if (confirming) {
            confirming = false; // the reopened line delivers: now it counts as reconnected
            recovery.confirmed(stats.source(), sourceName, source.describe());
        }
        int decoded = decoder.decode(bytes, read, mono);
        framesRead += decoded;
        if (paced && !waitUntilDue(framesRead)) {
            return false;
        }
        countNonFiniteSamples();
        analyzer.accept(mono, 0, decoded, publisher);
        return true;
    }

    /** Fills {@link #bytes} (one hop) unless the stream ends first; returns the bytes read, 0 at the end. */
    private int readChunk() throws IOException {
        int filled = 0;
        int emptyReads = 0;
        while (filled < bytes.length && !closed) {
            int read = source.read(bytes, filled, bytes.length - filled);
            if (read < 0) {
                break;
            }
            if (read == 0) {
                // Neither data nor an end: give the source a moment, but never spin on it forever.
                if (++emptyReads > MAX_EMPTY_READS) {
                    throw new IOException("the source returned no data " + MAX_EMPTY_READS + " times in a row");
                }
                LockSupport.parkNanos(1_000_000);
                continue;
            }
            emptyReads = 0;
            filled += read;
        }
        return filled;
    }

    /** Parks until the first {@code frames} frames are due on the clock; false when closed meanwhile. */
    private boolean waitUntilDue(long frames) {
        long remaining;
        while ((remaining = pacer.nanosUntilDue(frames)) > 0) {
            if (closed) {
                return false;
            }
            LockSupport.parkNanos(Math.min(remaining, MAX_PARK_NANOS));
        }
        return !closed;
    }

    private void countNonFiniteSamples() {
        long nonFinite = decoder.nonFiniteSamples();
        if (nonFinite != nonFiniteSeen) {
            nonFiniteSeen = nonFinite;
            stats.countRejected();
            if (firstProblems.first(AudioProblem.NON_FINITE_SAMPLES)) {
                firstProblems.warn(stats.source() + ": float samples that are NaN or infinite were read as 0"
                        + " (expected finite samples, -1..1); logged once, then counted as rejected");
            }
        }
    }

    /**
     * Also tells {@code listener} about every analysed block, on the audio thread (e.g. the feed of
     * an ISF shader's audio textures); any thread, before or after {@link #start}. The listener must
     * not allocate or block: it runs on the audio thread's hot path.
     */
    public void tap(AudioBlockListener listener) {
        this.tap = listener;
    }

    private void publishBlock(AudioAnalyzer analyzed) {
        AudioBlockListener listener = tap;
        if (listener != null) {
            listener.onBlock(analyzed);
        }
        long now = clock.nanos();
        stats.countReceived(now);
        countRefused(router.publish(analyzed, sink, now));
    }

    private void countRefused(int refused) {
        for (int i = 0; i < refused; i++) {
            stats.countDropped();
        }
        if (refused > 0 && firstProblems.first(AudioProblem.RING_FULL)) {
            firstProblems.warn(stats.source() + ": the input ring is full (the engine is not keeping up);"
                    + " audio feature values are dropped; logged once, then counted as dropped");
        }
    }
}
