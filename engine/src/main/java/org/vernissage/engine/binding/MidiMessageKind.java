package org.vernissage.engine.binding;

/** The MIDI channel messages a binding can listen to, with their raw ranges. */
public enum MidiMessageKind {
    /** Note on velocity (0..127) of one note; note off gives 0. */
    NOTE("note", 0, 127),
    /** A control change (0..127) of one controller. */
    CC("cc", 0, 127),
    /** The pitch wheel, centred on 0 (-8192..8191). */
    BEND("bend", -8192, 8191),
    /** Channel pressure, aftertouch (0..127). */
    PRESSURE("pressure", 0, 127);

    private final String manifestName;
    private final float min;
    private final float max;

    MidiMessageKind(String manifestName, float min, float max) {
        this.manifestName = manifestName;
        this.min = min;
        this.max = max;
    }

    public String manifestName() {
        return manifestName;
    }

    /** Whether messages of this kind carry a number (the note or the controller). */
    public boolean hasNumber() {
        return this == NOTE || this == CC;
    }

    public float min() {
        return min;
    }

    public float max() {
        return max;
    }
}
