package org.vernissage.sensors.midi;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Transmitter;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.sensors.SensorStartException;

/**
 * One opened MIDI input device, its {@link Transmitter} connected to a {@link MidiInput}, and a
 * watchdog that notices the device going away mid-show.
 *
 * <p>javax.sound.midi has no "device removed" event: an unplugged port just stops sending. So a
 * daemon thread ("vernissage-midi-watch") checks about once a second that the device is still
 * open and still listed by the {@link MidiDeviceCatalog}; the first time it is not (closed by the
 * platform, unplugged, or the check itself throws), the loss is counted in
 * {@link #deviceLosses()} and logged once. Nothing else happens: the engine keeps the last values
 * the bindings had, which is what a show wants from a dead fader. There is no automatic reconnect.
 *
 * <p>{@link #open} and {@link #close()} are called on the wiring thread, which owns the
 * connection; MIDI messages reach the {@code MidiInput} on the MIDI implementation's thread; the
 * loss counter is written by the watchdog thread only and read by any thread.
 */
public final class MidiDeviceConnection implements AutoCloseable {

    /** How often the watchdog looks at the device. */
    public static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = System.getLogger(MidiDeviceConnection.class.getName());
    private static final long JOIN_MILLIS = 2_000;

    private final MidiDevice device;
    private final Transmitter transmitter;
    private final MidiInput input;
    private final MidiDeviceCatalog catalog;
    private final Logger logger;
    private final long watchIntervalNanos;
    private final Thread watchdog;
    private volatile boolean closing;
    private volatile long deviceLosses;   // watchdog thread writes (single writer), anyone reads
    private boolean lost;                 // watchdog thread only

    private MidiDeviceConnection(MidiDevice device, Transmitter transmitter, MidiInput input,
                                 MidiDeviceCatalog catalog, Duration watchInterval, Logger logger) {
        this.device = device;
        this.transmitter = transmitter;
        this.input = input;
        this.catalog = catalog;
        this.logger = logger;
        this.watchIntervalNanos = watchInterval.toNanos();
        this.watchdog = new Thread(this::watch, "vernissage-midi-watch");
        this.watchdog.setDaemon(true); // a forgotten close() must not keep the JVM alive
    }

    /**
     * Selects the input device whose name contains {@code nameContains} in {@code catalog}, builds
     * a {@link MidiInput} named {@code "MIDI <device name>"} for {@code bindings}, opens the
     * device and connects it.
     *
     * @throws SensorStartException with a one-line message listing the input devices when none
     *     matches, or when the device cannot be opened
     */
    public static MidiDeviceConnection openByName(String nameContains, MidiDeviceCatalog catalog,
                                                  List<BindingSpec> bindings, InputSink sink, Clock clock)
            throws SensorStartException {
        MidiDevice device = new MidiDeviceSelector(catalog).select(nameContains);
        MidiInput input = new MidiInput(bindings, sink, clock, "MIDI " + device.getDeviceInfo().getName());
        return open(device, input, catalog);
    }

    /**
     * Opens {@code device}, connects its transmitter to {@code input} and starts the watchdog.
     *
     * @param catalog where the watchdog checks that the device is still present
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
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(catalog, "catalog");
        String name = device.getDeviceInfo().getName();
        try {
            device.open();
        } catch (MidiUnavailableException | RuntimeException e) {
            throw new SensorStartException("MIDI input '" + name
                    + "' cannot be opened (is another program using it?): " + e.getMessage(), e);
        }
        Transmitter transmitter;
        try {
            transmitter = device.getTransmitter();
            transmitter.setReceiver(input);
        } catch (MidiUnavailableException | RuntimeException e) {
            closeQuietly(device, logger);
            throw new SensorStartException("MIDI input '" + name + "' gives no transmitter to listen to: "
                    + e.getMessage(), e);
        }
        MidiDeviceConnection connection =
                new MidiDeviceConnection(device, transmitter, input, catalog, watchInterval, logger);
        connection.watchdog.start();
        return connection;
    }

    /** The device's name as the platform lists it. */
    public String deviceName() {
        return device.getDeviceInfo().getName();
    }

    /** The receiver the device delivers to; its {@code counters()} are this source's counters. */
    public MidiInput input() {
        return input;
    }

    /** How many times the device was found gone (0 or 1: after a loss the watchdog stops looking). */
    public long deviceLosses() {
        return deviceLosses;
    }

    /** Closes the transmitter and the device and stops the watchdog. Idempotent. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        LockSupport.unpark(watchdog);
        try {
            watchdog.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            transmitter.close();
        } catch (RuntimeException e) {
            logger.log(Level.WARNING, "closing the transmitter of MIDI input '" + deviceName() + "': " + e);
        }
        closeQuietly(device, logger);
    }

    // ---- watchdog ---------------------------------------------------------------------------

    private void watch() {
        while (!closing && !lost) {
            LockSupport.parkNanos(watchIntervalNanos);
            if (!closing) {
                checkDevice();
            }
        }
    }

    /**
     * One look at the device: counts and logs its loss the first time it is closed, no longer
     * listed, or cannot be asked. Watchdog thread (tests call it directly to step it).
     */
    void checkDevice() {
        if (lost || closing) {
            return;
        }
        String problem;
        try {
            problem = !device.isOpen() ? "it was closed" : isListed() ? null : "it is no longer listed (unplugged?)";
        } catch (MidiUnavailableException | RuntimeException e) {
            problem = "checking it failed: " + e;
        }
        if (problem != null && !closing) {
            lost = true;
            deviceLosses = deviceLosses + 1; // single writer: this thread
            logger.log(Level.WARNING, input.counters().source() + ": the device is gone, " + problem
                    + "; its bindings keep their last values until the show restarts with it");
        }
    }

    private boolean isListed() throws MidiUnavailableException {
        MidiDevice.Info info = device.getDeviceInfo();
        for (MidiDevice present : catalog.devices()) {
            if (present == device || present.getDeviceInfo().equals(info)) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(MidiDevice device, Logger logger) {
        try {
            device.close();
        } catch (RuntimeException e) {
            logger.log(Level.WARNING, "closing MIDI device '" + device.getDeviceInfo().getName() + "': " + e);
        }
    }
}
