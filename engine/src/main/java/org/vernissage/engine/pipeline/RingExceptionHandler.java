package org.vernissage.engine.pipeline;

import com.lmax.disruptor.ExceptionHandler;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.vernissage.engine.fault.FaultCounts;
import org.vernissage.engine.pipeline.event.EventKinds;

/**
 * The input ring's policy for an exception thrown by one of its consumers, in place of the
 * Disruptor's default {@code FatalExceptionHandler} (which ends the consumer's thread: the ring
 * then fills, every sensor is refused and the picture freezes). The event that threw is skipped
 * and counted in the consumer's {@link FaultCounts}; the consumer goes on with the next event.
 *
 * <p>Called on the failing consumer's own thread by its {@code BatchEventProcessor}; one per
 * consumer, created and owned by {@link InputRing}.
 */
final class RingExceptionHandler implements ExceptionHandler<InputEvent> {

    private final FaultCounts faults;
    private final Logger log;

    RingExceptionHandler(FaultCounts faults, Logger log) {
        this.faults = faults;
        this.log = log;
    }

    FaultCounts faults() {
        return faults;
    }

    @Override
    public void handleEventException(Throwable failure, long sequence, InputEvent event) {
        faults.record(failure, (event == null ? "an" : EventKinds.name(event.kind())) + " event (ring sequence "
                + sequence + ")");
    }

    @Override
    public void handleOnStartException(Throwable failure) {
        log.log(Level.ERROR, faults.owner() + " failed to start on the input ring: " + failure, failure);
    }

    @Override
    public void handleOnShutdownException(Throwable failure) {
        log.log(Level.WARNING, faults.owner() + " failed while the input ring stopped: " + failure, failure);
    }
}
