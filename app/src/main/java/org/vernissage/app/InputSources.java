package org.vernissage.app;

import java.util.List;
import org.vernissage.sensors.SourceCounters;

/**
 * The sensors of one live run as seen from outside: what listens where, their counters, the
 * ports OSC endpoints were bound to. A view over the run's {@link SensorPart}s, which
 * {@link ArtworkAssembly} started; closing them is the run's business.
 *
 * <p>Immutable; any thread.
 */
public final class InputSources {

    private final List<SensorPart> sensors;

    InputSources(List<SensorPart> sensors) {
        this.sensors = List.copyOf(sensors);
    }

    /** Every source's counters, in start order. */
    public List<SourceCounters> counters() {
        return sensors.stream().flatMap(sensor -> sensor.sources().stream()).toList();
    }

    /** The bound port of the {@code index}-th OSC endpoint, in command-line order. */
    public int oscPort(int index) {
        return sensors.stream().filter(OscPart.class::isInstance).map(OscPart.class::cast).toList().get(index).port();
    }

    /** One line: what listens where. */
    public String describe() {
        return String.join("; ", sensors.stream().flatMap(sensor -> sensor.banner().stream()).toList());
    }
}
