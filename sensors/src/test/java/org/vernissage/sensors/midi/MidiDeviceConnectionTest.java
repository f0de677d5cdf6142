package org.vernissage.sensors.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.midi.MidiSequencerTest.BINDINGS;
import static org.vernissage.sensors.midi.MidiSequencerTest.EXPECTED;
import static org.vernissage.sensors.midi.MidiSequencerTest.playToEnd;
import static org.vernissage.sensors.midi.MidiSequencerTest.showSequence;
import static org.vernissage.sensors.midi.MidiSequencerTest.withoutTimes;
import static org.vernissage.sensors.midi.MidiTestMessages.shortMessage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.sensors.ChannelRecordingSink.Offer;
import org.vernissage.sensors.ChannelRecordingSink;
import org.vernissage.sensors.RecordingLogger;
import org.vernissage.sensors.SensorStartException;

/**
 * Choosing a MIDI input by name, opening it, delivering through its transmitter, closing it, and
 * the watchdog thread noticing when it goes away and connecting it again when it is back (the
 * policy look by look is {@link MidiDeviceWatchTest}). This machine has no MIDI hardware: the devices are in-process
 * ({@link TestMidiDevice}) and the JDK's real software sequencer, listed by a test catalog.
 */
class MidiDeviceConnectionTest {

    private final ManualClock clock = new ManualClock(0);
    private final ChannelRecordingSink sink = new ChannelRecordingSink();
    private final RecordingLogger logger = new RecordingLogger();
    private final TestMidiDevice keys = new TestMidiDevice("USB Keys MIDI 1", "Acme", -1);
    private final TestMidiDevice keysOut = new TestMidiDevice("USB Keys MIDI 1 Out", "Acme", 0);
    private final TestMidiDevice pads = new TestMidiDevice("Pads", "", 1);
    private final List<MidiDevice> present = new CopyOnWriteArrayList<>(List.of(keys, keysOut, pads));
    private final MidiDeviceCatalog catalog = () -> present;
    /** A short watch interval, so the watchdog thread looks often in these tests. */
    private static final Duration WATCH_FAST = Duration.ofMillis(5);

    @Test
    void withTheSystemCatalogHereTheErrorSaysThereAreNoInputsOrListsThem() throws Exception {
        MidiDeviceSelector selector = new MidiDeviceSelector(MidiDeviceCatalog.system());
        SensorStartException e = assertThrows(SensorStartException.class, () -> selector.select("nanoKONTROL2"));
        if (selector.inputs().isEmpty()) { // this machine: no MIDI hardware at all
            assertEquals("MIDI input 'nanoKONTROL2' not found: this machine has no MIDI input devices"
                    + " (is the controller plugged in and seen by the operating system?)", e.getMessage());
        } else {
            assertTrue(e.getMessage().startsWith("no MIDI input device name contains 'nanoKONTROL2';"
                    + " available input devices: '"), e.getMessage());
        }
    }

    @Test
    void theSystemCatalogLeavesOutTheSoftwareSequencerAndSynthesizer() throws Exception {
        for (MidiDevice device : MidiDeviceCatalog.system().devices()) {
            assertFalse(device instanceof Sequencer || device instanceof Synthesizer, device.getDeviceInfo().getName());
        }
    }

    @Test
    void noMatchListsTheInputDevicesOnly() {
        SensorStartException e = assertThrows(SensorStartException.class,
                () -> new MidiDeviceSelector(catalog).select("launchpad"));
        assertEquals("no MIDI input device name contains 'launchpad'; available input devices:"
                + " 'USB Keys MIDI 1' (Acme), 'Pads'", e.getMessage());
    }

    @Test
    void severalMatchesAreAmbiguousAndListed() {
        present.add(new TestMidiDevice("USB Keys MIDI 2", "Acme", 1));
        SensorStartException e = assertThrows(SensorStartException.class,
                () -> new MidiDeviceSelector(catalog).select("usb keys"));
        assertEquals("MIDI input 'usb keys' is ambiguous, it matches 'USB Keys MIDI 1' (Acme), 'USB Keys MIDI 2'"
                + " (Acme); give more of the name. Available input devices: 'USB Keys MIDI 1' (Acme), 'Pads',"
                + " 'USB Keys MIDI 2' (Acme)", e.getMessage());
    }

    @Test
    void aPartNameMatchesIgnoringCaseAndAnExactNameWinsOverLongerOnes() throws Exception {
        MidiDeviceSelector selector = new MidiDeviceSelector(catalog);
        assertSame(keys, selector.select("keys"));     // the "Out" device has no transmitters
        assertSame(pads, selector.select(" PADS "));
        present.add(new TestMidiDevice("Pads Pro", "", 1));
        assertSame(pads, selector.select("pads"));
        assertThrows(SensorStartException.class, () -> selector.select("  "));
    }

    @Test
    void noInputDevicesAtAllSaysSo() {
        present.clear();
        present.add(keysOut);
        SensorStartException e = assertThrows(SensorStartException.class,
                () -> new MidiDeviceSelector(catalog).select("keys"));
        assertTrue(e.getMessage().contains("this machine has no MIDI input devices"), e.getMessage());
    }

    @Test
    void openByNameConnectsTheTransmitterAndCloseReleasesTheDevice() throws Exception {
        MidiDeviceConnection connection = MidiDeviceConnection.openByName("keys", catalog, BINDINGS, sink, clock);
        try {
            assertTrue(keys.isOpen());
            assertEquals("USB Keys MIDI 1", connection.deviceName());
            assertEquals("MIDI USB Keys MIDI 1", connection.input().counters().source());
            keys.play(shortMessage(ShortMessage.CONTROL_CHANGE, 1, 7, 33));
            keys.play(shortMessage(ShortMessage.NOTE_ON, 9, 60, 90));
            assertEquals(List.of(new Offer(0, 33, 0), new Offer(1, 90, 0)), sink.offers());
        } finally {
            connection.close();
        }
        assertFalse(keys.isOpen());
        assertEquals(List.of(), keys.transmitters());
        connection.close(); // idempotent
        assertEquals(0, connection.deviceLosses());
    }

    @Test
    void aDeviceThatCannotBeOpenedGivesAClearError() {
        keys.openFailure = new MidiUnavailableException("Device or resource busy");
        SensorStartException e = assertThrows(SensorStartException.class,
                () -> MidiDeviceConnection.openByName("keys", catalog, BINDINGS, sink, clock));
        assertEquals("MIDI input 'USB Keys MIDI 1' cannot be opened (is another program using it?):"
                + " Device or resource busy", e.getMessage());
    }

    @Test
    void theSoftwareSequencerAsADevicePlaysASequenceIntoTheBindings() throws Exception {
        Sequencer sequencer = MidiSystem.getSequencer(false);
        present.add(sequencer);
        MidiDeviceConnection connection = MidiDeviceConnection.openByName("real time", catalog, BINDINGS, sink, clock);
        try {
            assertSame(sequencer, new MidiDeviceSelector(catalog).select("real time sequencer"));
            assertTrue(sequencer.isOpen());
            playToEnd(sequencer, showSequence());
        } finally {
            connection.close();
        }
        assertFalse(sequencer.isOpen());
        assertEquals(EXPECTED, withoutTimes(sink.offers()).subList(0, EXPECTED.size()));
    }

    @Test
    void aDeviceUnpluggedAndPluggedBackInIsReconnectedToTheSameInputByTheWatchdog() throws Exception {
        MidiDeviceConnection connection = MidiDeviceConnection.openByName("keys", catalog, BINDINGS, sink, clock,
                WATCH_FAST, logger);
        MidiInput input = connection.input();
        try {
            keys.play(shortMessage(ShortMessage.CONTROL_CHANGE, 1, 7, 33));
            assertEquals(List.of(new Offer(0, 33, 0)), sink.offers());

            present.remove(keys); // the cable is pulled: the platform stops listing it ...
            keys.close();         // ... and the port is dead
            awaitAtLeast(connection::deviceLosses, 1);
            long looks = connection.looks();
            awaitAtLeast(connection::looks, looks + 5); // it keeps looking, and says nothing more
            assertEquals(1, connection.deviceLosses());
            assertFalse(connection.isConnected());
            assertEquals(1, logger.count("the device is gone"), logger.snapshot()::toString);
            assertEquals(List.of(new Offer(0, 33, 0)), sink.offers()); // the last value stays

            TestMidiDevice replugged = new TestMidiDevice("USB Keys MIDI 1", "Acme", -1);
            present.add(replugged);
            awaitAtLeast(connection::reconnections, 1);
            assertTrue(connection.isConnected());
            assertSame(input, connection.input());
            replugged.play(shortMessage(ShortMessage.CONTROL_CHANGE, 1, 7, 99));
            replugged.play(shortMessage(ShortMessage.NOTE_ON, 9, 60, 90));
            assertEquals(List.of(new Offer(0, 33, 0), new Offer(0, 99, 0), new Offer(1, 90, 0)), sink.offers());
            assertEquals(3, input.counters().received());
            assertEquals(List.of("INFO MIDI USB Keys MIDI 1 reconnected after 0.0 s"), logger.containing("reconnected"));
            assertEquals(1, connection.deviceLosses());
            assertEquals(1, connection.reconnections());

            connection.close();
            assertFalse(connection.isWatching());
            assertFalse(replugged.isOpen(), "close() releases the device connected at the time");
            assertEquals(List.of(), replugged.transmitters());
        } finally {
            connection.close();
        }
    }

    @Test
    void closeWhileTheDeviceIsGoneEndsTheWatchdog() throws Exception {
        MidiDeviceConnection connection = MidiDeviceConnection.open(keys,
                new MidiInput(BINDINGS, sink, clock, "MIDI keys", logger), catalog, WATCH_FAST, logger);
        try {
            assertTrue(connection.isWatching());
            present.remove(keys);
            awaitAtLeast(connection::deviceLosses, 1);
        } finally {
            connection.close();
        }
        assertFalse(connection.isWatching());
        assertFalse(connection.isConnected());
        assertFalse(keys.isOpen());
        assertEquals(0, connection.reconnections());
        assertEquals(List.of(), logger.containing("did not stop"));
        assertEquals(1, logger.snapshot().size(), logger.snapshot()::toString);
    }

    @Test
    void closeWhileConnectedEndsTheWatchdogAndReleasesTheDevice() throws Exception {
        MidiDeviceConnection connection = MidiDeviceConnection.open(keys,
                new MidiInput(BINDINGS, sink, clock, "MIDI keys", logger), catalog, WATCH_FAST, logger);
        awaitAtLeast(connection::looks, 3);
        connection.close();
        assertFalse(connection.isWatching());
        assertFalse(keys.isOpen());
        assertEquals(0, connection.deviceLosses());
        assertEquals(List.of(), logger.snapshot());
    }

    @Test
    void theWatchdogNoticesADeviceClosedBehindItsBackAndOpensItAgain() throws Exception {
        MidiDeviceConnection connection = MidiDeviceConnection.open(keys,
                new MidiInput(BINDINGS, sink, clock, "MIDI keys", logger), catalog, WATCH_FAST, logger);
        try {
            keys.close();
            awaitAtLeast(connection::reconnections, 1);
            assertEquals(1, connection.deviceLosses());
            assertTrue(keys.isOpen());
            List<String> log = logger.snapshot();
            assertEquals(2, log.size(), log::toString);
            assertTrue(log.get(0).contains("the device is gone, it was closed"), log::toString);
            assertEquals("INFO MIDI keys reconnected after 0.0 s", log.get(1));
        } finally {
            connection.close();
        }
    }

    @Test
    void aWatchdogWhoseLookThrowsIsCountedLoggedOnceRestartedAndReconnectsLater() throws Exception {
        MidiDevice brokenDriver = (MidiDevice) java.lang.reflect.Proxy.newProxyInstance(
                MidiDevice.class.getClassLoader(), new Class<?>[] {MidiDevice.class}, (proxy, method, args) ->
                        switch (method.getName()) {
                            case "getMaxTransmitters" -> -1;
                            case "getDeviceInfo" -> throw new IllegalStateException("a driver bug");
                            case "hashCode" -> 0;
                            case "equals" -> proxy == args[0];
                            default -> null;
                        });
        MidiDeviceConnection connection = MidiDeviceConnection.open(keys,
                new MidiInput(BINDINGS, sink, clock, "MIDI keys", logger), catalog, WATCH_FAST, logger);
        try {
            present.remove(keys);
            keys.close();
            awaitAtLeast(connection::deviceLosses, 1);
            present.add(brokenDriver); // every look for the lost device now throws
            awaitAtLeast(() -> connection.health().restarts(), 2);
            assertTrue(connection.isWatching(), "the watchdog goes on");
            assertTrue(connection.health().errors() >= 6, connection.health().describe());

            present.remove(brokenDriver);
            TestMidiDevice replugged = new TestMidiDevice("USB Keys MIDI 1", "Acme", -1);
            present.add(replugged);
            awaitAtLeast(connection::reconnections, 1);
            replugged.play(shortMessage(ShortMessage.CONTROL_CHANGE, 1, 7, 99));
            assertEquals(List.of(new Offer(0, 99, 0)), sink.offers());
            assertEquals(1, logger.containing("IllegalStateException").stream()
                    .filter(line -> line.startsWith("WARNING")).count(), logger.snapshot()::toString);
            assertEquals(1, logger.containing("restarted after").size(), logger.snapshot()::toString);
        } finally {
            connection.close();
        }
        assertFalse(connection.isWatching());
    }


    /** Polls {@code value} until it reaches {@code wanted}, for at most 10 s; fails if it does not. */
    static void awaitAtLeast(LongSupplier value, long wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (value.getAsLong() < wanted && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertTrue(value.getAsLong() >= wanted, "waited 10 s for " + wanted + ", got " + value.getAsLong());
    }
}
