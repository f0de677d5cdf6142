package org.vernissage.sensors.midi;

import java.lang.System.Logger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sound.midi.MidiDevice;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.sensors.SensorStartException;
import org.agrona.concurrent.Agent;
import org.vernissage.engine.agent.AgentHealth;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;

/**
 * One MIDI input for the show: a device opened and connected to a {@link MidiInput}, and a
 * watchdog that notices the device going away mid-show and connects it again when it comes back.
 *
 * <p>What happens on a loss (unplugged, closed by the platform, or the device list cannot be
 * read): a watchdog agent (see {@link SupervisedAgent}) on a daemon thread
 * ("vernissage-midi-watch") looks every watch interval
 * ({@link #WATCH_INTERVAL} by default); the first look that finds the device gone closes it,
 * counts the loss in {@link #deviceLosses()} and logs one WARNING line. Nothing is published while
 * it is gone, so the engine keeps the bindings' last values (a dead fader stays where it was).
 * The watchdog then looks every interval for an input device the same name picks (the text given
 * to {@link #openByName}, or the device's exact name for {@link #open}); when one appears it is
 * opened and connected to the SAME {@code MidiInput} (same bindings, counters, logs), counted in
 * {@link #reconnections()}, and logged as one INFO line {@code "MIDI <name> reconnected after N s"}.
 * A failed reopen (the device busy, the name now ambiguous) is logged at most once per loss. The
 * policy itself is {@link MidiDeviceWatch}.
 *
 * <p>Threads: {@link #open}, {@link #openByName} and {@link #close()} are called on the wiring
 * thread, which owns the connection. MIDI messages reach the {@code MidiInput} on the MIDI
 * implementation's thread. After start-up the watchdog thread is the single writer of the current
 * device and transmitter (it closes a lost one, opens its replacement, and closes whichever is
 * open when the connection closes); every getter here may be called from any thread.
 * {@link #close()} wakes the watchdog and waits for it (bounded): it ends promptly, whether the
 * device is connected or gone, and no thread of this connection is left running.
 */
public final class MidiDeviceConnection implements AutoCloseable {

    /** How often the watchdog looks at the device, or for it while it is gone. */
    public static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    /** The watchdog thread's name. */
    public static final String THREAD_NAME = "vernissage-midi-watch";

    private static final Logger LOG = System.getLogger(MidiDeviceConnection.class.getName());

    private final MidiInput input;
    private final MidiDeviceWatch watch;
    private final long watchIntervalNanos;
    private final AgentThread watchdog;
    private final SupervisedAgent agent;
    private boolean closing;
    private long nextLookNanos;          // watchdog thread only

    private MidiDeviceConnection(MidiInput input, MidiDeviceWatch watch, Duration watchInterval, Logger logger) {
        this.input = input;
        this.watch = watch;
        this.watchIntervalNanos = watchInterval.toNanos();
        this.agent = new SupervisedAgent(new Watching(), logger);
        this.watchdog = AgentThread.parking(THREAD_NAME, watchInterval);
    }

    /**
     * Selects the input device whose name contains {@code nameContains} in {@code catalog}, builds
     * a {@link MidiInput} named {@code "MIDI <device name>"} for {@code bindings}, opens the
     * device and connects it. After a loss, the same {@code nameContains} picks the device again.
     *
     * @throws SensorStartException with a one-line message listing the input devices when none
     *     matches, or when the device cannot be opened
     */
    public static MidiDeviceConnection openByName(String nameContains, MidiDeviceCatalog catalog,
                                                  List<BindingSpec> bindings, InputSink sink, Clock clock)
            throws SensorStartException {
        return openByName(nameContains, catalog, bindings, sink, clock, WATCH_INTERVAL, LOG);
    }

    static MidiDeviceConnection openByName(String nameContains, MidiDeviceCatalog catalog, List<BindingSpec> bindings,
                                           InputSink sink, Clock clock, Duration watchInterval, Logger logger)
            throws SensorStartException {
        MidiDevice device = new MidiDeviceSelector(catalog).select(nameContains);
        MidiInput input = new MidiInput(bindings, sink, clock, "MIDI " + device.getDeviceInfo().getName(), logger);
        return open(device, nameContains.strip(), input, catalog, watchInterval, logger);
    }

    /**
     * Opens {@code device}, connects its transmitter to {@code input} and starts the watchdog.
     * After a loss, an input device with exactly this device's name (ignoring case) or, failing
     * that, the only one whose name contains it, is connected in its place.
     *
     * @param catalog where the watchdog checks that the device is still present, and looks for
     *     it after a loss
     * @throws SensorStartException when the device cannot be opened (in use by another program)
     *     or gives no transmitter
     */
    public static MidiDeviceConnection open(MidiDevice device, MidiInput input, MidiDeviceCatalog catalog)
            throws SensorStartException {
        return open(device, input, catalog, WATCH_INTERVAL, LOG);
    }

    static MidiDeviceConnection open(MidiDevice device, MidiInput input, MidiDeviceCatalog catalog,
                                     Duration watchInterval, Logger logger) throws SensorStartException {
        Objects.requireNonNull(device, "device");
        return open(device, device.getDeviceInfo().getName(), input, catalog, watchInterval, logger);
    }

    private static MidiDeviceConnection open(MidiDevice device, String reopenName, MidiInput input,
                                             MidiDeviceCatalog catalog, Duration watchInterval, Logger logger)
            throws SensorStartException {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(catalog, "catalog");
        if (watchInterval.isNegative() || watchInterval.isZero()) {
            throw new IllegalArgumentException("the watch interval must be positive, got " + watchInterval);
        }
        MidiPort port = MidiPort.open(device, input, logger);
        MidiDeviceWatch watch = new MidiDeviceWatch(port, reopenName, input, catalog, input.clock(), watchInterval,
                logger);
        MidiDeviceConnection connection = new MidiDeviceConnection(input, watch, watchInterval, logger);
        connection.watchdog.add(connection.agent); // publishes the port and the watch to the watchdog thread
        return connection;
    }

    /** The connected device's name as the platform lists it; while it is gone, the last one's. */
    public String deviceName() {
        return watch.deviceName();
    }

    /** The receiver the device delivers to; its {@code counters()} are this source's counters. */
    public MidiInput input() {
        return input;
    }

    /** Whether a device is connected now: false while it is gone, and after {@link #close()}. */
    public boolean isConnected() {
        return watch.isConnected();
    }

    /** How many times the device was found gone. */
    public long deviceLosses() {
        return watch.losses();
    }

    /** How many times a lost device was connected again. */
    public long reconnections() {
        return watch.reconnections();
    }

    /** Whether the watchdog thread is still alive (it ends in {@link #close()}). */
    boolean isWatching() {
        return watchdog.isAlive();
    }

    /** The watchdog agent's errors, restarts and state, for a statistics line. Any thread. */
    public AgentHealth health() {
        return agent;
    }

    /** How many looks the watchdog has taken, for tests that wait for it to look again. */
    long looks() {
        return watch.looks();
    }

    /**
     * Stops the watchdog, which closes the transmitter and device connected now (if any) as it
     * ends; waits up to 2 s for it. Idempotent. If a platform call hangs the watchdog beyond that,
     * a warning is logged and the device is closed when the call returns.
     */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        watchdog.close(); // the agent's onClose closes the port on the watchdog thread
    }

    // ---- the watchdog agent: its thread only -------------------------------------------------

    /**
     * Looks once per interval. A look that throws where none was expected (a platform bug) is the
     * supervision's business: counted, logged once per kind; three in a row close the port and
     * the next looks reconnect it, as after a loss.
     */
    private final class Watching implements Agent {

        @Override
        public void onStart() {
            nextLookNanos = System.nanoTime() + watchIntervalNanos;
        }

        @Override
        public int doWork() {
            long now = System.nanoTime();
            if (now - nextLookNanos < 0) {
                return 0;
            }
            nextLookNanos = now + watchIntervalNanos;
            watch.look();
            return 0; // nothing else to do until the next look: park an interval
        }

        @Override
        public void onClose() {
            watch.closePort(); // the single writer closes what it holds, however it ended
        }

        @Override
        public String roleName() {
            return "midi-watch " + input.counters().source();
        }
    }
}
