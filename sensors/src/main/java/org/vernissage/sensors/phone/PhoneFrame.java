package org.vernissage.sensors.phone;

/**
 * What one decoded message from a phone said: which fingers are down (a full list, not a change),
 * how the phone is held, how it is being shaken. Any of the three may be absent; a frame with none
 * is a keep-alive.
 *
 * <p>One instance is reused for every message: {@link PhoneFrameDecoder} fills it in place and the
 * event loop reads it before the next message arrives. Confined to the phones' event loop thread.
 */
public final class PhoneFrame {

    /** Touch slots a page may use (0..15); also the stride of the session-id scheme. */
    public static final int MAX_TOUCHES = 16;

    private final int[] slots = new int[MAX_TOUCHES];
    private final float[] xs = new float[MAX_TOUCHES];
    private final float[] ys = new float[MAX_TOUCHES];
    private boolean hasTouches;
    private int touchCount;
    private boolean hasOrientation;
    private float alpha;
    private float beta;
    private float gamma;
    private boolean hasMotion;
    private float motionX;
    private float motionY;
    private float motionZ;

    void clear() {
        hasTouches = false;
        touchCount = 0;
        hasOrientation = false;
        hasMotion = false;
    }

    void startTouches() {
        hasTouches = true;
        touchCount = 0;
    }

    void addTouch(int slot, float x, float y) {
        slots[touchCount] = slot;
        xs[touchCount] = x;
        ys[touchCount] = y;
        touchCount++;
    }

    void setOrientation(float alpha, float beta, float gamma) {
        hasOrientation = true;
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
    }

    void setMotion(float x, float y, float z) {
        hasMotion = true;
        motionX = x;
        motionY = y;
        motionZ = z;
    }

    /** Whether the frame carried a touch record (possibly empty: every finger lifted). */
    public boolean hasTouches() {
        return hasTouches;
    }

    public int touchCount() {
        return touchCount;
    }

    /** The page's slot (0..15) of touch {@code i}: stable while that finger stays down. */
    public int slot(int i) {
        return slots[i];
    }

    /** Horizontal position of touch {@code i}, 0 (left) .. 1 (right) of the touch surface. */
    public float x(int i) {
        return xs[i];
    }

    /** Vertical position of touch {@code i}, 0 (top) .. 1 (bottom). */
    public float y(int i) {
        return ys[i];
    }

    public boolean hasOrientation() {
        return hasOrientation;
    }

    /** DeviceOrientation alpha, degrees 0..360. */
    public float alpha() {
        return alpha;
    }

    /** DeviceOrientation beta, degrees -180..180. */
    public float beta() {
        return beta;
    }

    /** DeviceOrientation gamma, degrees -90..90. */
    public float gamma() {
        return gamma;
    }

    public boolean hasMotion() {
        return hasMotion;
    }

    /** DeviceMotion acceleration without gravity, m/s2. */
    public float motionX() {
        return motionX;
    }

    public float motionY() {
        return motionY;
    }

    public float motionZ() {
        return motionZ;
    }
}
