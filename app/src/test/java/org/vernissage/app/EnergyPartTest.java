package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.metrics.FrameStats;
import org.vernissage.engine.render.Standby;

/**
 * The energy sampler's cadence: every {@code sampleEvery} while the work is open, seldom while a
 * closed venue's standby rests ({@link EnergyPart#RESTING_EVERY_NANOS} in a run; 400 ms here), and
 * back to its own pace once the venue opens.
 */
class EnergyPartTest {

    private static final Duration EVERY = Duration.ofMillis(20);
    private static final long RESTING_EVERY_NANOS = 400_000_000L;

    @TempDir
    Path temp;

    @Test
    void aRestingStandbyIsSampledSeldomAndAnOpeningBringsTheCadenceBack() throws Exception {
        Standby standby = new Standby(0);
        standby.close(0);
        standby.level(0); // the render thread's first frame after closing: standing by
        assertTrue(standby.resting());
        EnergyPart part = EnergyPart.start(options(), new FrameStats(), List.of(), 60, Optional.empty(),
                Optional.of(standby), RESTING_EVERY_NANOS, new PrintWriter(new StringWriter(), true));
        try {
            Thread.sleep(1_000);
            long resting = part.samples();
            assertTrue(resting >= 1 && resting <= 3, "after 20 ms, then every 400 ms: " + resting + " samples in 1 s");
            standby.open(0);
            standby.level(0);
            awaitSamples(part, resting + 20, Duration.ofSeconds(5)); // the pending 400 ms, then 20 ms again
        } finally {
            part.close();
        }
    }

    @Test
    void anOpenRunIsSampledAtItsOwnPace() throws Exception {
        EnergyPart part = EnergyPart.start(options(), new FrameStats(), List.of(), 60, Optional.empty(),
                Optional.of(new Standby(0)), RESTING_EVERY_NANOS, new PrintWriter(new StringWriter(), true));
        try {
            awaitSamples(part, 10, Duration.ofSeconds(5));
        } finally {
            part.close();
        }
    }

    private EnergyOptions options() {
        return new EnergyOptions(Optional.empty(), OptionalDouble.empty(), temp.resolve("no-powercap"), 10, EVERY,
                100, List.of());
    }

    private static void awaitSamples(EnergyPart part, long atLeast, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (part.samples() < atLeast) {
            assertTrue(System.nanoTime() < deadline, "only " + part.samples() + " samples within " + within);
            Thread.sleep(10);
        }
    }
}
