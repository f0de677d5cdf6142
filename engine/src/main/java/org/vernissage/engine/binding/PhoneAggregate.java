package org.vernissage.engine.binding;

/** How the values of all connected phones become one raw value. */
public enum PhoneAggregate {
    MEAN("mean"),
    MIN("min"),
    MAX("max"),
    SUM("sum"),
    /** The value of whichever phone sent last. */
    LATEST("latest");

    private final String manifestName;

    PhoneAggregate(String manifestName) {
        this.manifestName = manifestName;
    }

    public String manifestName() {
        return manifestName;
    }
}
