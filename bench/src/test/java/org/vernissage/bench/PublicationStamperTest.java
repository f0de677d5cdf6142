package org.vernissage.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.pipeline.RingWaitStrategy;

/** The packet -> snapshot benchmark's primary stamp, over real loopback UDP into the real pipeline. */
class PublicationStamperTest {

    private static final Path TIDEWATER = Path.of("../artworks/tidewater");

    @Test
    void stampsEachMessageAfterItsSendOnceTheSnapshotCarryingItIsPublishedAndItsArrivalBetween() throws Exception {
        assertTrue(Files.isDirectory(TIDEWATER), "the test runs from bench/: " + TIDEWATER.toAbsolutePath());
        SequenceStamps stamps = new SequenceStamps("conductor publication", 100);
        SequenceStamps received = new SequenceStamps("arrival", 100);
        AtomicLongArray sentAt = new AtomicLongArray(100);
        try (OscPipeline pipeline = new OscPipeline(TIDEWATER, RingWaitStrategy.HOSTED, 1024, stamps, received);
             PacedSender sender = new PacedSender(pipeline.address())) {
            // Numbers 0..19 are another side's block: not expected, so never stamped.
            sender.send(0, 20, 2_000, sentAt);
            stamps.expect(20, 30);
            received.expect(20, 30);
            sender.send(20, 30, 2_000, sentAt);
            stamps.awaitStamped(30);
            received.awaitStamped(30);

            long previous = Long.MIN_VALUE;
            for (int n = 20; n < 50; n++) {
                assertTrue(stamps.at(n) >= sentAt.get(n), "message " + n + " stamped before it was sent");
                assertTrue(stamps.at(n) >= previous, "message " + n + " stamped before message " + (n - 1));
                assertTrue(received.at(n) >= sentAt.get(n) && received.at(n) <= stamps.at(n),
                        "message " + n + " arrived between its send and its publication");
                previous = stamps.at(n);
            }
            for (int n = 0; n < 20; n++) {
                assertEquals(0, stamps.at(n), "message " + n + " was outside the expected block");
                assertEquals(0, received.at(n), "message " + n + "'s arrival was outside the expected block");
            }
            // Stamped means published: the render thread's latch now shows the last number.
            assertEquals(49, PacedSender.sequenceOf(pipeline.snapshots().latch().value(pipeline.energySlot())));
            assertEquals(50, pipeline.valuesConditioned(), "every message reached the conductor, none twice");
        }
    }
}
