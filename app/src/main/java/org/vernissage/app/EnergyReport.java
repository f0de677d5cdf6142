package org.vernissage.app;

import java.util.List;
import org.vernissage.engine.energy.EnergyMeter;

/**
 * The energy meter's part of a {@link RunReport}: its last sample, and its statistics lines (joules
 * per hour and per frame, per 1000 inferences of each model, the power budget), each saying whether
 * it is measured or estimated. Kept apart from the parts' health lines, which are empty while all
 * is well.
 *
 * <p>Immutable; made by {@link EnergyPart#report} on any thread.
 */
public record EnergyReport(EnergyMeter.Reading reading, List<String> lines) {

    public EnergyReport {
        lines = List.copyOf(lines);
    }
}
