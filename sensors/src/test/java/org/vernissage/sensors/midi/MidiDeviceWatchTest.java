package org.vernissage.sensors.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.midi.MidiSequencerTest.BINDINGS;
import static org.vernissage.sensors.midi.MidiTestMessages.shortMessage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.sensors.ChannelRecordingSink.Offer;
import org.vernissage.sensors.ChannelRecordingSink;
import org.vernissage.sensors.RecordingLogger;

/**
 * The watch-and-reconnect policy stepped look by look on the test thread (no watchdog thread):
 * losses, reconnections to the same {@link MidiInput}, what is logged and how often. The devices
 * are in-process {@link TestMidiDevice}s listed by a test catalog; "unplugging" one removes it
 * from the list, as the platform's list does.
 */
class MidiDeviceWatchTest {

    private static final String GONE = "WARNING MIDI keys: the device is gone, it is no longer listed (unplugged?);"
            + " its bindings keep their last values while an input named 'USB Keys MIDI 1' is looked for every 1 s";

    private final ManualClock clock = new ManualClock(0);
    private final ChannelRecordingSink sink = new ChannelRecordingSink();
    private final RecordingLogger logger = new RecordingLogger();
    private final TestMidiDevice keys = new TestMidiDevice("USB Keys MIDI 1", "Acme", -1);
    private final TestMidiDevice pads = new TestMidiDevice("Pads", "", 1);
    private final List<MidiDevice> present = new CopyOnWriteArrayList<>(List.of(keys, pads));
    private final MidiInput input = new MidiInput(BINDINGS, sink, clock, "MIDI keys", logger);
    private MidiDeviceWatch watch;

    private MidiDeviceWatch watch(String reopenName, MidiDeviceCatalog catalog) throws Exception {
        watch = new MidiDeviceWatch(MidiPort.open(keys, input, logger), reopenName, input, catalog, clock,
                Duration.ofSeconds(1), logger);
        return watch;
    }

    private MidiDeviceWatch watch() throws Exception {
        return watch("USB Keys MIDI 1", () -> present);
    }

    /** Pulls the cable: the platform stops listing the device and its port stops delivering. */
    private void unplug(TestMidiDevice device) {
        present.remove(device);
    }

    private TestMidiDevice plugIn(String name) {
        TestMidiDevice device = new TestMidiDevice(name, "Acme", -1);
        present.add(device);
        return device;
    }

    private static ShortMessage volume(int value) {
        return shortMessage(ShortMessage.CONTROL_CHANGE, 1, 7, value);
    }

    @AfterEach
    void closeThePort() {
        if (watch != null) {
            watch.closePort();
        }
    }

    @Test
    void aDevicePresentIsLeftConnectedAndDelivers() throws Exception {
        MidiDeviceWatch watch = watch();
        watch.look();
        watch.look();
        keys.play(volume(33));
        assertTrue(watch.isConnected());
        assertTrue(keys.isOpen());
        assertEquals(0, watch.losses());
        assertEquals(List.of(new Offer(0, 33, 0)), sink.offers());
        assertEquals(List.of(), logger.snapshot());
        assertEquals(2, watch.looks());
    }

    @Test
    void anUnpluggedDeviceIsClosedCountedAndLoggedOnceAndTheLastValuesStay() throws Exception {
        MidiDeviceWatch watch = watch();
        keys.play(volume(33));
        unplug(keys);
        for (int i = 0; i < 5; i++) {
            watch.look();
            clock.advance(TimeUnit.SECONDS.toNanos(1));
        }
        assertEquals(1, watch.losses());
        assertEquals(0, watch.reconnections());
        assertFalse(watch.isConnected());
        assertFalse(keys.isOpen(), "a lost device is closed, so it can be opened again when it is back");
        assertEquals(List.of(), keys.transmitters());
        assertEquals(List.of(GONE), logger.snapshot());
        assertEquals(List.of(new Offer(0, 33, 0)), sink.offers()); // nothing reset, nothing published
        assertEquals("USB Keys MIDI 1", watch.deviceName());
    }

    @Test
    void aDeviceWithTheSameNamePluggedBackInIsConnectedToTheSameInput() throws Exception {
        MidiDeviceWatch watch = watch();
        keys.play(volume(33));
        unplug(keys);
        watch.look();
        clock.advance(TimeUnit.MILLISECONDS.toNanos(2_500));
        watch.look(); // still gone
        TestMidiDevice replugged = plugIn("USB Keys MIDI 1");
        clock.advance(TimeUnit.MILLISECONDS.toNanos(500));
        watch.look();
        watch.look(); // connected now: left alone

        assertEquals(1, watch.losses());
        assertEquals(1, watch.reconnections());
        assertTrue(watch.isConnected());
        assertTrue(replugged.isOpen());
        assertEquals(1, replugged.transmitters().size());
        assertEquals(List.of(GONE, "INFO MIDI keys reconnected after 3.0 s"), logger.snapshot());

        replugged.play(volume(99));
        replugged.play(shortMessage(ShortMessage.NOTE_ON, 5, 60, 90));
        keys.play(volume(1)); // the old device delivers nothing any more
        long now = TimeUnit.SECONDS.toNanos(3);
        assertEquals(List.of(new Offer(0, 33, 0), new Offer(0, 99, now), new Offer(1, 90, now)), sink.offers());
        assertEquals(3, input.counters().received()); // the same counters carry on
    }

    @Test
    void aDeviceClosedBehindItsBackIsALossAndIsOpenedAgainWhileItIsStillListed() throws Exception {
        MidiDeviceWatch watch = watch();
        keys.close();
        watch.look();
        assertEquals(1, watch.losses());
        assertEquals(List.of("WARNING MIDI keys: the device is gone, it was closed; its bindings keep their last"
                + " values while an input named 'USB Keys MIDI 1' is looked for every 1 s"), logger.snapshot());
        watch.look();
        assertEquals(1, watch.reconnections());
        assertTrue(keys.isOpen());
        keys.play(volume(7));
        assertEquals(List.of(new Offer(0, 7, 0)), sink.offers());
    }

    @Test
    void aReopenThatFailsIsLoggedOncePerLossAndTriedAgain() throws Exception {
        MidiDeviceWatch watch = watch();
        unplug(keys);
        watch.look();
        TestMidiDevice busy = plugIn("USB Keys MIDI 1");
        busy.openFailure = new MidiUnavailableException("Device or resource busy");
        for (int i = 0; i < 5; i++) {
            watch.look();
        }
        String failed = "WARNING MIDI keys: reconnecting failed: MIDI input 'USB Keys MIDI 1' cannot be opened (is"
                + " another program using it?): Device or resource busy; trying again every 1 s (logged once per loss)";
        assertEquals(List.of(GONE, failed), logger.snapshot());
        assertEquals(0, watch.reconnections());

        busy.openFailure = null; // the other program let go
        watch.look();
        assertEquals(1, watch.reconnections());

        // A second loss, and the same failure again: logged once for this loss too.
        unplug(busy);
        watch.look();
        TestMidiDevice busyAgain = plugIn("USB Keys MIDI 1");
        busyAgain.openFailure = new MidiUnavailableException("Device or resource busy");
        watch.look();
        watch.look();
        assertEquals(2, watch.losses());
        assertEquals(1, watch.reconnections());
        assertEquals(List.of(GONE, failed, "INFO MIDI keys reconnected after 0.0 s", GONE, failed), logger.snapshot());
    }

    @Test
    void theConfigTextFindsTheDeviceUnderANewPortNameAndSeveralMatchesAreNotGuessed() throws Exception {
        MidiDeviceWatch watch = watch("keys", () -> present);
        unplug(keys);
        watch.look();
        TestMidiDevice first = plugIn("USB Keys MIDI 1 [hw:2,0,0]");
        TestMidiDevice second = plugIn("USB Keys MIDI 1 [hw:3,0,0]");
        watch.look();
        watch.look();
        assertEquals(0, watch.reconnections());
        assertFalse(first.isOpen() || second.isOpen());
        assertEquals(1, logger.count("reconnecting failed: 'keys' now picks several input devices:"
                + " 'USB Keys MIDI 1 [hw:2,0,0]' (Acme), 'USB Keys MIDI 1 [hw:3,0,0]' (Acme)"), logger.snapshot()::toString);

        unplug(second);
        watch.look();
        assertEquals(1, watch.reconnections());
        assertTrue(first.isOpen());
        assertEquals("USB Keys MIDI 1 [hw:2,0,0]", watch.deviceName());
        assertEquals("INFO MIDI keys reconnected after 0.0 s (now 'USB Keys MIDI 1 [hw:2,0,0]')",
                logger.snapshot().get(logger.snapshot().size() - 1));
    }

    @Test
    void aCatalogThatFailsIsALossAndItsFailureWhileLookingIsLoggedOnce() throws Exception {
        boolean[] failing = {false};
        MidiDeviceWatch watch = watch("USB Keys MIDI 1", () -> {
            if (failing[0]) {
                throw new MidiUnavailableException("sequencer service died");
            }
            return present;
        });
        failing[0] = true;
        for (int i = 0; i < 4; i++) {
            watch.look();
        }
        assertEquals(1, watch.losses());
        List<String> log = logger.snapshot();
        assertEquals(2, log.size(), log::toString);
        assertTrue(log.get(0).contains("the device is gone, checking it failed:"
                + " javax.sound.midi.MidiUnavailableException: sequencer service died"), log.get(0));
        assertTrue(log.get(1).contains("reconnecting failed: MIDI devices cannot be listed: sequencer service died"),
                log.get(1));

        failing[0] = false; // the service is back, and the device was never unplugged
        watch.look();
        assertEquals(1, watch.reconnections());
        assertTrue(keys.isOpen());
    }

    @Test
    void closingThePortReleasesTheDeviceConnectedNow() throws Exception {
        MidiDeviceWatch watch = watch();
        unplug(keys);
        watch.look();
        TestMidiDevice replugged = plugIn("USB Keys MIDI 1");
        watch.look();
        watch.closePort();
        assertFalse(watch.isConnected());
        assertFalse(replugged.isOpen());
        assertEquals(List.of(), replugged.transmitters());
        watch.closePort(); // harmless twice
    }
}
