package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vernissage.sensors.SourceStats;

/**
 * A source's line in the statistics: its counters, how long it has been quiet, and, for a device
 * that went away mid-show, how often it was lost and found again.
 */
class SourceReadingTest {

    @Test
    void aNetworkSourceSaysWhatItReceived() {
        SourceStats stats = new SourceStats("OSC udp 0.0.0.0:9000");
        stats.countReceived(1_000_000_000L);
        stats.countReceived(1_500_000_000L);
        stats.countRejected();
        SourceReading reading = SourceReading.of(SourceCountersView.renamed(stats, "OSC udp 0.0.0.0:9001"),
                2_000_000_000L, 60);
        assertEquals("OSC udp 0.0.0.0:9001: 60.0 msg/s, last 0.50 s ago, received 2, dropped 0, rejected 1",
                reading.describe());
    }

    @Test
    void aDeviceThatWentAwayAndCameBackSaysSo() {
        SourceStats stats = new SourceStats("MIDI nanoKONTROL2");
        long[] losses = {0};
        long[] reconnections = {0};
        var counters = SourceCountersView.withDevice(stats, () -> losses[0], () -> reconnections[0]);
        assertEquals("MIDI nanoKONTROL2: 0.0 msg/s, nothing received yet, received 0, dropped 0, rejected 0",
                SourceReading.of(counters, 0, 0).describe());
        losses[0] = 2;
        reconnections[0] = 1;
        assertEquals("MIDI nanoKONTROL2: 0.0 msg/s, nothing received yet, received 0, dropped 0, rejected 0,"
                + " lost 2, reconnected 1", SourceReading.of(counters, 0, 0).describe());
    }
}
