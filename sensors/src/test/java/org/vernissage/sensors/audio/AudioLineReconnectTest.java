package org.vernissage.sensors.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.audio.AudioInputTest.awaitAtLeast;
import static org.vernissage.sensors.audio.TestAudio.MINUS_6_DBFS;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.sensors.ChannelRecordingSink.Offer;
import org.vernissage.sensors.ChannelRecordingSink;
import org.vernissage.sensors.RecordingLogger;

/**
 * A line-in that fails mid-show and comes back: the audio thread counts the loss, logs it once,
 * looks for the device by the same name every retry interval (5 ms here), reopens it in the same
 * format and resumes analysis into the same counters and bindings. The devices are
 * {@link FakeCaptureDevice}s (no sound card here) whose lines die after a given number of bytes,
 * as an unplugged USB interface does; {@link #unpluggable} stops listing a device once its line
 * has died, as the platform's list does.
 */
class AudioLineReconnectTest {

    private static final float RATE = 48_000;
    private static final List<AudioFormat> STEREO_48K = List.of(TestAudio.pcm16(RATE, 2));
    private static final int BYTES_PER_SECOND = 48_000 * 4;
    private static final Duration RETRY_FAST = Duration.ofMillis(5);
    /** 48000 frames in hops of 512: 93 whole hops, then the line dies on a short read (1536 of 2048 bytes). */
    private static final int HOPS_IN_ONE_SECOND = 93;
    /** 24000 frames: 46 whole hops, then 1792 of 2048 bytes. */
    private static final int HOPS_IN_HALF_A_SECOND = 46;

    private final ManualClock clock = new ManualClock(0);
    private final ChannelRecordingSink sink = new ChannelRecordingSink();
    private final RecordingLogger logger = new RecordingLogger();
    private final List<FakeCaptureDevice> devices = new CopyOnWriteArrayList<>();
    /** Lists every device, dead or alive (a line that died but whose device is still there). */
    private final CaptureDeviceCatalog everything = () -> List.copyOf(devices);
    /** Lists only the devices whose line has not died: unplugging removes a device from the list. */
    private final CaptureDeviceCatalog unpluggable =
            () -> devices.stream().filter(d -> !d.unplugged()).map(d -> (CaptureDevice) d).toList();
    private AudioInput input;

    private FakeCaptureDevice plugIn(String name, long dieAfterBytes) {
        return plugIn(name, STEREO_48K, dieAfterBytes);
    }

    private FakeCaptureDevice plugIn(String name, List<AudioFormat> formats, long dieAfterBytes) {
        // Exactly 20 periods of 1 kHz at 48 kHz, so the looped "recording" is seamless.
        FakeCaptureDevice device = new FakeCaptureDevice(name, formats,
                TestAudio.sine(RATE, 0.02, 1000, MINUS_6_DBFS), dieAfterBytes, false);
        devices.add(device);
        return device;
    }

    private AudioInput start(CaptureDeviceCatalog catalog, Duration retry) throws Exception {
        input = AudioInput.openLine("usb", catalog, TestAudio.everyFeature(), sink, clock, retry, logger);
        input.start();
        return input;
    }

    @AfterEach
    void closeTheInput() {
        if (input != null) {
            input.close();
        }
    }

    /** The loss line when the line died after {@code bytes} of a hop's 2048. */
    private static String lost(int bytes) {
        return "WARNING audio USB Audio: the input failed (the line stopped delivering after " + bytes + " of 2048 bytes (open"
                + " false, active false)); the audio bindings keep their last values while a capture device named"
                + " 'usb' is looked for every 5 ms";
    }

    @Test
    void aLineUnpluggedAndPluggedBackInResumesIntoTheSameCountersAndBindings() throws Exception {
        FakeCaptureDevice first = plugIn("USB Audio", BYTES_PER_SECOND);
        AudioInput input = start(unpluggable, RETRY_FAST);
        awaitAtLeast(input::streamFailures, 1);
        assertEquals(HOPS_IN_ONE_SECOND, input.counters().received());
        long attempts = input.reopenAttempts();
        awaitAtLeast(input::reopenAttempts, attempts + 5); // it keeps looking, and says nothing more
        assertEquals(List.of(lost(1536)), logger.snapshot());
        assertEquals(HOPS_IN_ONE_SECOND * TestAudio.FEATURES, sink.size()); // nothing published meanwhile
        assertTrue(input.isRunning());
        assertFalse(first.line.isOpen());

        clock.advance(TimeUnit.SECONDS.toNanos(2)); // two seconds without the interface
        FakeCaptureDevice second = plugIn("USB Audio", BYTES_PER_SECOND / 2);
        awaitAtLeast(input::streamFailures, 2); // it delivered half a second, then was pulled again
        assertEquals(1, input.reconnections());
        assertEquals(HOPS_IN_ONE_SECOND + HOPS_IN_HALF_A_SECOND, input.counters().received());
        assertEquals((HOPS_IN_ONE_SECOND + HOPS_IN_HALF_A_SECOND) * TestAudio.FEATURES, sink.size());
        assertEquals(TestAudio.pcm16(RATE, 2).toString(), second.line.getFormat().toString());
        List<Offer> offers = sink.offers();
        Offer lastLevel = offers.get(offers.size() - TestAudio.FEATURES);
        assertEquals(TestAudio.LEVEL, lastLevel.channel());
        assertEquals(TestAudio.sineLevel(MINUS_6_DBFS), lastLevel.value(), 0.002); // analysis resumed properly
        assertEquals(TimeUnit.SECONDS.toNanos(2), lastLevel.arrivalNanos());
        assertEquals(List.of(lost(1536), "INFO audio USB Audio reconnected after 2.0 s", lost(1792)), logger.snapshot());

        input.close();
        assertFalse(input.isRunning());
        assertFalse(second.line.isOpen());
    }

    @Test
    void aLineThatOpensButDiesAtOnceOrANameThatPicksSeveralIsAFailedAttemptLoggedOncePerLoss() throws Exception {
        plugIn("USB Audio", BYTES_PER_SECOND); // stays listed after its line died: reopening it fails at once
        AudioInput input = start(everything, RETRY_FAST);
        awaitAtLeast(input::streamFailures, 1);
        awaitAtLeast(input::reopenAttempts, 10);
        String failedAtOnce = "WARNING audio USB Audio: reconnecting failed: it opened but failed at once (the line"
                + " stopped delivering after 0 of 2048 bytes (open false, active false)); trying again every 5 ms"
                + " (logged once per loss)";
        assertEquals(List.of(lost(1536), failedAtOnce), logger.snapshot());
        assertEquals(1, input.streamFailures()); // an attempt that fails is not a new loss
        assertEquals(0, input.reconnections());

        FakeCaptureDevice other = plugIn("USB Audio 2", BYTES_PER_SECOND / 2); // now "usb" picks two devices
        long attempts = input.reopenAttempts();
        awaitAtLeast(input::reopenAttempts, attempts + 5);
        assertEquals(2, logger.snapshot().size(), logger.snapshot()::toString); // already said for this loss
        assertFalse(other.line.isOpen());

        devices.remove(devices.get(0)); // the dead one is unplugged for good
        awaitAtLeast(input::streamFailures, 2);
        assertEquals(1, input.reconnections());
        assertEquals(HOPS_IN_ONE_SECOND + HOPS_IN_HALF_A_SECOND, input.counters().received());
        awaitAtLeast(() -> logger.count("reconnecting failed"), 2); // the second loss gets its own line
        List<String> log = logger.snapshot();
        assertEquals("INFO audio USB Audio reconnected after 0.0 s (now 'USB Audio 2')", log.get(2));
        assertEquals(5, log.size(), log::toString);
    }

    @Test
    void aDeviceBackInAnotherFormatOnlyIsNotUsedAndSaysWhy() throws Exception {
        plugIn("USB Audio", BYTES_PER_SECOND);
        AudioInput input = start(unpluggable, RETRY_FAST);
        awaitAtLeast(input::streamFailures, 1);
        FakeCaptureDevice mono = plugIn("USB Audio", List.of(TestAudio.pcm16(44_100, 1)), -1);
        awaitAtLeast(() -> logger.count("reconnecting failed"), 1);
        long attempts = input.reopenAttempts();
        awaitAtLeast(input::reopenAttempts, attempts + 5);
        assertEquals(List.of(lost(1536), "WARNING audio USB Audio: reconnecting failed: audio input 'USB Audio' does not"
                + " record in " + TestAudio.pcm16(RATE, 2) + " (the format it was opened in at start-up); trying"
                + " again every 5 ms (logged once per loss)"), logger.snapshot());
        assertEquals(0, input.reconnections());
        assertFalse(mono.line.isOpen());
    }

    @Test
    void closeWhileTheLineIsGoneEndsTheThreadWithoutWaitingForTheNextTry() throws Exception {
        FakeCaptureDevice usb = plugIn("USB Audio", BYTES_PER_SECOND);
        AudioInput input = start(unpluggable, Duration.ofDays(1));
        awaitAtLeast(input::streamFailures, 1);
        assertTrue(input.isRunning());
        input.close();
        assertFalse(input.isRunning(), "close() must wake the thread from its wait for the next try");
        assertFalse(usb.line.isOpen());
        assertEquals(0, input.reopenAttempts());
        assertEquals(List.of(), logger.containing("did not stop"));
    }
}
