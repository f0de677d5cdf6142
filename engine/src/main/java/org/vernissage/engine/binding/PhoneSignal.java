package org.vernissage.engine.binding;

/**
 * What the audience's phones send, as the page reads it from the browser: where a finger is,
 * how the phone is held (DeviceOrientation, degrees), how it is shaken (DeviceMotion, m/s2), and
 * how many phones are connected.
 */
public enum PhoneSignal {
    TOUCH_X("touch.x", 0, 1),
    TOUCH_Y("touch.y", 0, 1),
    ORIENTATION_ALPHA("orientation.alpha", 0, 360),
    ORIENTATION_BETA("orientation.beta", -180, 180),
    ORIENTATION_GAMMA("orientation.gamma", -90, 90),
    MOTION_X("motion.x", -20, 20),
    MOTION_Y("motion.y", -20, 20),
    MOTION_Z("motion.z", -20, 20),
    /** The length of the acceleration without gravity: how hard the phone is being shaken. */
    MOTION_ENERGY("motion.energy", 0, 20),
    /** How many phones are connected (the aggregate is ignored). */
    PARTICIPANTS("participants", 0, 50);

    private final String manifestName;
    private final float min;
    private final float max;

    PhoneSignal(String manifestName, float min, float max) {
        this.manifestName = manifestName;
        this.min = min;
        this.max = max;
    }

    public String manifestName() {
        return manifestName;
    }

    public float min() {
        return min;
    }

    public float max() {
        return max;
    }
}
