package org.vernissage.sensors.midi;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiUnavailableException;
import org.vernissage.engine.clock.Clock;
import org.vernissage.sensors.SensorStartException;

/**
 * The watch-and-reconnect policy of one MIDI input: what one look at the device does, called
 * once per watch interval by a {@link MidiDeviceConnection}'s watchdog thread.
 *
 * <p>While the device is connected, a look checks that it is still open and still listed by the
 * {@link MidiDeviceCatalog} (javax.sound.midi has no "device removed" event: an unplugged port
 * just stops sending). The first look that finds it closed, unlisted, or cannot ask (the catalog
 * throws) makes it a loss: the {@link MidiPort} is closed (transmitter, then device), the loss is
 * counted in {@link #losses()} and logged as one WARNING line. The {@link MidiInput} is not
 * touched: nothing is published while the device is gone, so the engine keeps the bindings' last
 * values (or eases them to idle, as their conditioning says).
 *
 * <p>While the device is gone, each look asks the catalog for the input devices the reopen name
 * picks (the text the show config gave, by {@link MidiDeviceSelector}'s rules: an exact name
 * wins, else "contains", ignoring case). None is the normal answer and is not logged. Exactly one
 * is opened and its transmitter connected to the SAME {@code MidiInput}, so bindings, counters and
 * first-occurrence logs carry on; that is counted in {@link #reconnections()} and logged as one
 * INFO line {@code "MIDI <name> reconnected after N s"} (N on the engine clock). A reopen that
 * fails (the device is busy, the name now picks several devices, the catalog throws) is logged
 * at most once per loss and tried again at the next look. Every loss and every reconnection
 * gives its one line: a cable pulled twenty times over a month shows twenty pairs.
 *
 * <p>Threads: built on the wiring thread, then {@link #look()} and {@link #closePort()} are called
 * by ONE thread, the connection's watchdog (tests step it on their own thread with no watchdog).
 * That thread is the single writer of the current port and of every counter; the volatile fields
 * let any thread read {@link #deviceName()}, {@link #isConnected()} and the counts. The old port
 * is always closed before a new one is connected, so the {@code MidiInput} (single writer by
 * design) never has two devices delivering into it. Owned by its connection. Allocation is fine
 * here: a look is about once a second, not the message path.
 */
final class MidiDeviceWatch {

    private final MidiInput input;
    private final String reopenName;
    private final MidiDeviceCatalog catalog;
    private final MidiDeviceSelector selector;
    private final Clock clock;
    private final String every;
    private final Logger logger;

    private volatile MidiPort port;        // null while the device is gone; watch thread writes
    private volatile String deviceName;    // the connected (or last connected) device's name
    private volatile long losses;          // single writer: the watch thread
    private volatile long reconnections;   // single writer: the watch thread
    private volatile long looks;           // single writer: the watch thread
    private long lostAtNanos;              // watch thread only
    private boolean reopenFailureLogged;   // watch thread only; reset at each loss

    /**
     * @param port the port opened at start-up (this watch closes it when it is lost)
     * @param reopenName what picks the device again after a loss: the config's text, or the
     *     device's exact name
     * @param clock the engine clock, for "reconnected after N s"
     * @param interval the watch interval, only for the log lines
     */
    MidiDeviceWatch(MidiPort port, String reopenName, MidiInput input, MidiDeviceCatalog catalog, Clock clock,
                    Duration interval, Logger logger) {
        this.port = Objects.requireNonNull(port, "port");
        this.deviceName = port.name();
        this.reopenName = Objects.requireNonNull(reopenName, "reopenName");
        this.input = Objects.requireNonNull(input, "input");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.selector = new MidiDeviceSelector(catalog);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.every = describe(interval);
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    /** One look: checks the connected device, or tries to reconnect a lost one. Watch thread. */
    void look() {
        MidiPort current = port;
        if (current != null) {
            String problem = problemWith(current.device());
            if (problem != null) {
                lose(current, problem);
            }
        } else {
            tryReconnect();
        }
        looks = looks + 1;
    }

    /** Closes the port if one is connected (the end of the watch). Watch thread. */
    void closePort() {
        MidiPort current = port;
        if (current != null) {
            port = null;
            current.close();
        }
    }

    /** Whether a device is connected now (false while it is gone, and after {@link #closePort()}). */
    boolean isConnected() {
        return port != null;
    }

    /** The connected device's name as the platform lists it; while it is gone, the last one's. */
    String deviceName() {
        return deviceName;
    }

    long losses() {
        return losses;
    }

    long reconnections() {
        return reconnections;
    }

    /** How many looks were taken, for tests that wait for the watch to have looked again. */
    long looks() {
        return looks;
    }

    // ---- connected: is it still there? -------------------------------------------------------

    private String problemWith(MidiDevice device) {
        try {
            if (!device.isOpen()) {
                return "it was closed";
            }
            return isListed(device) ? null : "it is no longer listed (unplugged?)";
        } catch (MidiUnavailableException | RuntimeException e) {
            return "checking it failed: " + e;
        }
    }

    private boolean isListed(MidiDevice device) throws MidiUnavailableException {
        MidiDevice.Info info = device.getDeviceInfo();
        for (MidiDevice present : catalog.devices()) {
            if (present == device || present.getDeviceInfo().equals(info)) {
                return true;
            }
        }
        return false;
    }

    private void lose(MidiPort lost, String problem) {
        port = null;
        lost.close(); // release it now: the platform may hand the same device out again on replug
        lostAtNanos = clock.nanos();
        reopenFailureLogged = false;
        logger.log(Level.WARNING, input.counters().source() + ": the device is gone, " + problem
                + "; its bindings keep their last values while an input named '" + reopenName
                + "' is looked for every " + every);
        losses = losses + 1; // counted after the line is logged: a reader seeing the count sees the line
    }

    // ---- gone: is it back? -------------------------------------------------------------------

    private void tryReconnect() {
        List<MidiDevice> found;
        try {
            found = selector.matching(reopenName);
        } catch (SensorStartException e) {
            reopenFailed(e.getMessage());
            return;
        }
        if (found.isEmpty()) {
            return; // not back yet: the normal answer while it is unplugged, not worth a line
        }
        if (found.size() > 1) {
            reopenFailed("'" + reopenName + "' now picks several input devices: " + MidiDeviceSelector.list(found));
            return;
        }
        MidiPort reopened;
        try {
            reopened = MidiPort.open(found.get(0), input, logger);
        } catch (SensorStartException e) {
            reopenFailed(e.getMessage());
            return;
        }
        String before = deviceName;
        port = reopened;
        deviceName = reopened.name();
        double seconds = Math.max(0, clock.nanos() - lostAtNanos) / 1e9;
        logger.log(Level.INFO, String.format(Locale.ROOT, "%s reconnected after %.1f s%s", input.counters().source(),
                seconds, deviceName.equals(before) ? "" : " (now '" + deviceName + "')"));
        reconnections = reconnections + 1; // after the line, as for losses
    }

    private void reopenFailed(String why) {
        if (!reopenFailureLogged) {
            reopenFailureLogged = true;
            logger.log(Level.WARNING, input.counters().source() + ": reconnecting failed: " + why
                    + "; trying again every " + every + " (logged once per loss)");
        }
    }

    private static String describe(Duration interval) {
        long millis = interval.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
