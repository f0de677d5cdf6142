package org.vernissage.sensors.midi;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Transmitter;
import org.vernissage.sensors.SensorStartException;

/**
 * One opened MIDI input device with one {@link Transmitter} connected to a receiver (the show's
 * {@link MidiInput}): what a {@link MidiDeviceConnection} holds while its device is there. Opening
 * either gives a port that delivers or leaves the device closed again; closing closes the
 * transmitter, then the device (the JDK's device close also ends its delivery thread, so nothing
 * of this port delivers once {@link #close()} has returned).
 *
 * <p>Opened and closed by one thread at a time: the wiring thread at start-up, then the
 * connection's watchdog thread, which replaces the port after a loss (see {@link MidiDeviceWatch}).
 * Immutable apart from the device's own state.
 */
final class MidiPort {

    private final MidiDevice device;
    private final Transmitter transmitter;
    private final Logger logger;

    private MidiPort(MidiDevice device, Transmitter transmitter, Logger logger) {
        this.device = device;
        this.transmitter = transmitter;
        this.logger = logger;
    }

    /**
     * Opens {@code device} and connects a transmitter of it to {@code receiver}.
     *
     * @throws SensorStartException with a one-line message when the device cannot be opened (in
     *     use by another program) or gives no transmitter; the device is left closed
     */
    static MidiPort open(MidiDevice device, Receiver receiver, Logger logger) throws SensorStartException {
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
            transmitter.setReceiver(receiver);
        } catch (MidiUnavailableException | RuntimeException e) {
            closeDevice(device, logger);
            throw new SensorStartException("MIDI input '" + name + "' gives no transmitter to listen to: "
                    + e.getMessage(), e);
        }
        return new MidiPort(device, transmitter, logger);
    }

    MidiDevice device() {
        return device;
    }

    /** The device's name as the platform lists it. */
    String name() {
        return device.getDeviceInfo().getName();
    }

    /**
     * Closes the transmitter, then the device. Never throws (a device that was unplugged may
     * refuse to be closed: that is logged, nothing more can be done). Calling it again is harmless.
     */
    void close() {
        try {
            transmitter.close();
        } catch (RuntimeException e) {
            logger.log(Level.WARNING, "closing the transmitter of MIDI input '" + name() + "': " + e);
        }
        closeDevice(device, logger);
    }

    private static void closeDevice(MidiDevice device, Logger logger) {
        try {
            device.close();
        } catch (RuntimeException e) {
            logger.log(Level.WARNING, "closing MIDI device '" + device.getDeviceInfo().getName() + "': " + e);
        }
    }
}
