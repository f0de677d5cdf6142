package org.vernissage.sensors.midi;

import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Transmitter;

/**
 * An in-process MIDI input port for tests (this machine has no MIDI hardware): it hands out
 * {@link TestTransmitter}s, and {@link #play} sends a message through every open one, as the
 * JDK's input thread does for a real port.
 */
final class TestMidiDevice implements MidiDevice {

    private final Info info;
    private final int maxTransmitters;
    private final List<TestTransmitter> transmitters = new ArrayList<>();
    private boolean open;
    MidiUnavailableException openFailure;

    TestMidiDevice(String name, String vendor, int maxTransmitters) {
        this.info = new Info(name, vendor, "test port", "1") { };
        this.maxTransmitters = maxTransmitters;
    }

    synchronized void play(MidiMessage message) {
        for (TestTransmitter transmitter : transmitters) {
            transmitter.deliver(message);
        }
    }

    synchronized List<TestTransmitter> transmitters() {
        return List.copyOf(transmitters);
    }

    @Override
    public Info getDeviceInfo() {
        return info;
    }

    @Override
    public synchronized void open() throws MidiUnavailableException {
        if (openFailure != null) {
            throw openFailure;
        }
        open = true;
    }

    @Override
    public synchronized void close() {
        open = false;
        for (TestTransmitter transmitter : List.copyOf(transmitters)) {
            transmitter.close();
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public long getMicrosecondPosition() {
        return -1;
    }

    @Override
    public int getMaxReceivers() {
        return 0;
    }

    @Override
    public int getMaxTransmitters() {
        return maxTransmitters;
    }

    @Override
    public Receiver getReceiver() throws MidiUnavailableException {
        throw new MidiUnavailableException("an input port has no receivers");
    }

    @Override
    public List<Receiver> getReceivers() {
        return List.of();
    }

    @Override
    public synchronized Transmitter getTransmitter() throws MidiUnavailableException {
        if (maxTransmitters == 0) {
            throw new MidiUnavailableException("no transmitters");
        }
        TestTransmitter transmitter = new TestTransmitter();
        transmitters.add(transmitter);
        return transmitter;
    }

    @Override
    public synchronized List<Transmitter> getTransmitters() {
        return List.copyOf(transmitters);
    }

    final class TestTransmitter implements Transmitter {
        private Receiver receiver;
        private boolean closed;

        synchronized void deliver(MidiMessage message) {
            if (!closed && receiver != null) {
                receiver.send(message, -1);
            }
        }

        synchronized boolean isClosed() {
            return closed;
        }

        @Override
        public synchronized void setReceiver(Receiver receiver) {
            this.receiver = receiver;
        }

        @Override
        public synchronized Receiver getReceiver() {
            return receiver;
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
            }
            synchronized (TestMidiDevice.this) {
                transmitters.remove(this);
            }
        }
    }
}
