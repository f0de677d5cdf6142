package org.vernissage.engine.pipeline;

import java.time.Duration;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.TouchFlyweight;

/**
 * The touches stage: {@link EventKinds#TOUCH} events add, move and remove points in the show's
 * {@link TouchSet}; each frame removes points whose source stopped reporting them for the touch
 * timeout. A payload with a touch kind or phase this engine does not know is ignored. Conductor
 * thread only.
 */
final class TouchStage implements ConductorStage {

    private static final int[] KINDS = {EventKinds.TOUCH};

    private final long timeoutNanos;
    private final TouchFlyweight touch = new TouchFlyweight();

    TouchStage(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public String name() {
        return "touches";
    }

    @Override
    public int[] kinds() {
        return KINDS.clone();
    }

    @Override
    public boolean onEvent(InputEvent event, long nanos, ShowState show) {
        touch.wrap(event);
        if (!touch.isValid()) {
            return false;
        }
        if (touch.phase() == TouchPhase.REMOVED) {
            show.touches().remove(touch.kind(), touch.source(), touch.session());
        } else if (!show.touches().put(touch, nanos)) {
            show.stats().touchRefused();
        }
        return true;
    }

    @Override
    public void advanceTo(long horizonNanos, ShowState show) {
        show.stats().touchesExpired(show.touches().expire(horizonNanos - timeoutNanos));
    }
}
