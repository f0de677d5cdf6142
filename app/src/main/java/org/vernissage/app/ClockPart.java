package org.vernissage.app;

import java.util.Optional;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.render.FramePacer;
import org.vernissage.engine.render.RealTimePacer;
import org.vernissage.engine.render.SteppedPacer;

/**
 * The run's clock and the render loop's pacer, which go together: stepped time is a manual clock
 * that the stepped pacer advances by exactly one frame; real time is the system clock, waited on
 * at the target rate. A replay keeps the system clock (for rates and the real-time pace) and is
 * paced by its journal player ({@link ReplayPart}) instead.
 *
 * <p>Holds nothing to release. Same threads and owner as every {@link RunPart}; the pacer is then
 * used by the render thread, the clock by every thread that stamps input.
 */
final class ClockPart implements RunPart {

    private final Clock clock;
    private final Optional<FramePacer> pacer;

    private ClockPart(Clock clock, Optional<FramePacer> pacer) {
        this.clock = clock;
        this.pacer = pacer;
    }

    /** A live run's clock and pacer. */
    static ClockPart live(PacingOptions pacing) {
        if (pacing.stepped()) {
            ManualClock manual = new ManualClock(0);
            return new ClockPart(manual, Optional.of(new SteppedPacer(manual, pacing.framesPerSecond())));
        }
        SystemClock clock = new SystemClock();
        return new ClockPart(clock, Optional.of(new RealTimePacer(clock, pacing.framesPerSecond())));
    }

    /** A replay's clock; its pacer is the journal player. */
    static ClockPart replay() {
        return new ClockPart(new SystemClock(), Optional.empty());
    }

    Clock clock() {
        return clock;
    }

    /** The live run's pacer; empty for a replay. */
    Optional<FramePacer> pacer() {
        return pacer;
    }

    @Override
    public void close() {
        // a clock and a pacer hold no resource
    }
}
