package org.vernissage.engine.energy;

/**
 * How a figure of joules was obtained; printed beside every figure so that an estimate is never
 * read as a measurement. The labels are the model cards' {@code energy.kind} values.
 */
public enum EnergyKind {
    /** Read from the hardware's own energy counters (RAPL through powercap, NVML). */
    MEASURED("measured"),
    /** Process CPU time times a stated wattage: an order of magnitude, not a measurement. */
    ESTIMATED("estimated"),
    /** Nothing to read and no estimate asked for. */
    NOT_MEASURED("not measured");

    private final String label;

    EnergyKind(String label) {
        this.label = label;
    }

    /** The word printed in statistics, cards and the CSV. */
    public String label() {
        return label;
    }
}
