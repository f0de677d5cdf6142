package org.vernissage.sensors.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.audio.TestAudio.MINUS_6_DBFS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.sensors.ChannelRecordingSink.Offer;
import org.vernissage.sensors.ChannelRecordingSink;
import org.vernissage.sensors.RecordingLogger;
import org.vernissage.sensors.SensorStartException;

/**
 * Recording from a line-in chosen by name. This machine has no sound card, so the system catalog
 * is only asked for its (empty) list; the recording itself goes through {@link FakeCaptureDevice}
 * lines, which behave like a TargetDataLine that is full, dies, or waits.
 */
class AudioLineTest {

    private static final float RATE = 48_000;
    private static final List<AudioFormat> STEREO_48K = List.of(TestAudio.pcm16(RATE, 2));

    private final ChannelRecordingSink sink = new ChannelRecordingSink();
    private final RecordingLogger logger = new RecordingLogger();
    private final List<CaptureDevice> devices = new ArrayList<>();
    private final CaptureDeviceCatalog catalog = () -> devices;

    private FakeCaptureDevice device(String name, long dieAfterBytes, boolean blockWhenLive) {
        // Exactly 20 periods of 1 kHz at 48 kHz, so the looped "recording" is seamless.
        FakeCaptureDevice device = new FakeCaptureDevice(name, STEREO_48K,
                TestAudio.sine(RATE, 0.02, 1000, MINUS_6_DBFS), dieAfterBytes, blockWhenLive);
        devices.add(device);
        return device;
    }

    @Test
    void withTheSystemCatalogHereTheErrorSaysThereAreNoCaptureDevicesOrListsThem() {
        List<CaptureDevice> system = CaptureDeviceCatalog.system().devices();
        SensorStartException e = assertThrows(SensorStartException.class,
                () -> AudioInput.openLine("Scarlett", CaptureDeviceCatalog.system(), TestAudio.everyFeature(), sink,
                        new ManualClock(0)));
        if (system.isEmpty()) { // this machine: no sound card at all
            assertEquals("audio input 'Scarlett' not found: this machine has no audio capture devices (no sound card,"
                    + " line-in or microphone input that Java Sound sees)", e.getMessage());
        } else {
            assertTrue(e.getMessage().contains("available capture devices: '"), e.getMessage());
        }
    }

    @Test
    void namesAreMatchedLikeMidiDevices() throws Exception {
        FakeCaptureDevice usb = device("USB Audio CODEC [plughw:1,0]", -1, false);
        FakeCaptureDevice onboard = device("HDA Intel PCH [plughw:0,0]", -1, false);
        AudioLineSelector selector = new AudioLineSelector(catalog);
        assertSame(usb, selector.select("usb audio"));
        assertSame(onboard, selector.select("PCH"));
        assertEquals("no audio capture device name contains 'Scarlett'; available capture devices:"
                + " 'USB Audio CODEC [plughw:1,0]' (test), 'HDA Intel PCH [plughw:0,0]' (test)",
                assertThrows(SensorStartException.class, () -> selector.select("Scarlett")).getMessage());
        assertTrue(assertThrows(SensorStartException.class, () -> selector.select("plughw")).getMessage()
                .startsWith("audio input 'plughw' is ambiguous, it matches 'USB Audio CODEC [plughw:1,0]' (test),"
                        + " 'HDA Intel PCH [plughw:0,0]' (test); give more of the name."));
        assertThrows(SensorStartException.class, () -> selector.select(""));
    }

    @Test
    void aLineRecordsInTheFirstSupportedFormatAndPublishesItsFeatures() throws Exception {
        FakeCaptureDevice usb = device("USB Audio", 48_000 * 4, false); // one second of 16-bit stereo, then dies
        // Retrying once a day: this test is about the recording and the loss, not the reconnection.
        AudioInput input = AudioInput.openLine("usb", catalog, TestAudio.everyFeature(), sink, new ManualClock(5),
                Duration.ofDays(1), logger);
        assertEquals(TestAudio.pcm16(RATE, 2).toString(), usb.line.getFormat().toString());
        assertEquals(12_000 * 4, usb.line.bufferBytes); // a quarter second
        assertEquals("audio USB Audio", input.counters().source());
        input.start();
        AudioInputTest.awaitAtLeast(input::streamFailures, 1);
        assertTrue(input.isRunning(), "a line's thread waits for the line to come back");
        input.close();
        assertFalse(input.isRunning());

        // 48000 frames in hops of 512 (93 whole hops); the short read at the death is not analysed.
        assertEquals(93, input.counters().received());
        assertEquals(93 * TestAudio.FEATURES, sink.size());
        List<Offer> offers = sink.offers();
        Offer lastLevel = offers.get(offers.size() - TestAudio.FEATURES);
        assertEquals(TestAudio.sineLevel(MINUS_6_DBFS), lastLevel.value(), 0.002); // kept, not reset
        assertEquals(1, input.streamFailures());
        List<String> log = logger.snapshot();
        assertEquals(1, log.size(), log::toString);
        assertTrue(log.get(0).startsWith("WARNING audio USB Audio: the input failed (the line stopped delivering after"),
                log.get(0));
        assertTrue(log.get(0).endsWith("(open false, active false)); the audio bindings keep their last values while"
                + " a capture device named 'usb' is looked for every 86400 s"), log.get(0));
        assertEquals(0, input.reconnections());
    }

    @Test
    void closeUnblocksALineWaitingForSamplesAndCountsNoFailure() throws Exception {
        FakeCaptureDevice quiet = device("Quiet Line", -1, true);
        AudioInput input = AudioInput.openLine("quiet", catalog, TestAudio.everyFeature(), sink, new ManualClock(0), logger);
        input.start();
        assertTrue(input.isRunning());
        input.close();
        assertFalse(input.isRunning());
        assertFalse(quiet.line.isOpen());
        assertEquals(0, input.streamFailures());
        assertEquals(0, input.counters().received());
        assertEquals(List.of(), logger.snapshot());
    }

    @Test
    void aDeviceWithoutAUsableFormatOrThatCannotBeOpenedIsAClearStartError() {
        devices.add(new FakeCaptureDevice("Mono 8k", List.of(TestAudio.pcm16(8_000, 1)), new float[8], -1, false));
        assertEquals("audio input 'Mono 8k' records in none of the formats this adapter reads: " + LineInSource.FORMATS,
                assertThrows(SensorStartException.class, () -> AudioInput.openLine("mono", catalog,
                        TestAudio.everyFeature(), sink, new ManualClock(0))).getMessage());
        FakeCaptureDevice busy = device("Busy", -1, false);
        busy.openFailure = new LineUnavailableException("Device or resource busy");
        assertEquals("audio input 'Busy' cannot be opened (is another program recording from it?): Device or"
                + " resource busy", assertThrows(SensorStartException.class, () -> AudioInput.openLine("busy", catalog,
                TestAudio.everyFeature(), sink, new ManualClock(0))).getMessage());
    }
}
