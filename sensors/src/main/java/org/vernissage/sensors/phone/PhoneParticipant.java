package org.vernissage.sensors.phone;

import org.vernissage.engine.binding.PhoneSignal;

/**
 * One connected phone, as the show knows it: an anonymous number (a counter, never reused while
 * the server runs, never derived from the address), its fingers by slot, how it was last held and
 * shaken, and its rate limiter. Nothing here is stored or logged.
 *
 * <p>Made when a WebSocket handshake completes and dropped when the connection closes; confined to
 * the phones' event loop thread. Owned by the {@link PhoneAudience}.
 */
final class PhoneParticipant {

    private final int id;
    private final PhoneRateLimiter limiter;

    // Fingers, by the page's slot (0..15).
    final boolean[] down = new boolean[PhoneFrame.MAX_TOUCHES];
    final float[] touchX = new float[PhoneFrame.MAX_TOUCHES];
    final float[] touchY = new float[PhoneFrame.MAX_TOUCHES];
    final float[] touchVx = new float[PhoneFrame.MAX_TOUCHES];
    final float[] touchVy = new float[PhoneFrame.MAX_TOUCHES];
    /** When the phone last reported the finger (for its velocity). */
    final long[] touchReportedNanos = new long[PhoneFrame.MAX_TOUCHES];
    /** When the finger was last published to the engine (for the keep-alive refresh). */
    final long[] touchSentNanos = new long[PhoneFrame.MAX_TOUCHES];
    int touchCount;
    /** When the phone last sent a touch record at all. */
    long touchRecordNanos;

    private boolean hasOrientation;
    private float alpha;
    private float beta;
    private float gamma;
    private long orientationNanos;
    private boolean hasMotion;
    private float motionX;
    private float motionY;
    private float motionZ;
    private long motionNanos;

    /** Index in the audience's dense array; kept by {@link PhoneAudience}. */
    int index = -1;

    PhoneParticipant(int id, PhoneRateLimiter limiter) {
        this.id = id;
        this.limiter = limiter;
    }

    /** The anonymous participant number: 1, 2, 3 ... in order of joining. */
    int id() {
        return id;
    }

    boolean allowMessage(long nowNanos) {
        return limiter.tryAcquire(nowNanos);
    }

    /** The lowest slot with a finger down (the page gives the first finger slot 0), or -1. */
    int primarySlot() {
        if (touchCount == 0) {
            return -1;
        }
        for (int s = 0; s < down.length; s++) {
            if (down[s]) {
                return s;
            }
        }
        return -1;
    }

    void setOrientation(float alpha, float beta, float gamma, long nanos) {
        this.hasOrientation = true;
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.orientationNanos = nanos;
    }

    void setMotion(float x, float y, float z, long nanos) {
        this.hasMotion = true;
        this.motionX = x;
        this.motionY = y;
        this.motionZ = z;
        this.motionNanos = nanos;
    }

    /** Forgets orientation or motion the phone stopped reporting before {@code staleBeforeNanos}. */
    boolean expireSignals(long staleBeforeNanos) {
        boolean changed = false;
        if (hasOrientation && orientationNanos < staleBeforeNanos) {
            hasOrientation = false;
            changed = true;
        }
        if (hasMotion && motionNanos < staleBeforeNanos) {
            hasMotion = false;
            changed = true;
        }
        return changed;
    }

    /** Whether this phone currently has a value for {@code signal} (PARTICIPANTS: always). */
    boolean reports(PhoneSignal signal) {
        return switch (signal) {
            case TOUCH_X, TOUCH_Y -> touchCount > 0;
            case ORIENTATION_ALPHA, ORIENTATION_BETA, ORIENTATION_GAMMA -> hasOrientation;
            case MOTION_X, MOTION_Y, MOTION_Z, MOTION_ENERGY -> hasMotion;
            case PARTICIPANTS -> true;
        };
    }

    /** This phone's value of {@code signal}, in the signal's natural unit; only if {@link #reports}. */
    float value(PhoneSignal signal) {
        return switch (signal) {
            case TOUCH_X -> touchX[primarySlot()];
            case TOUCH_Y -> touchY[primarySlot()];
            case ORIENTATION_ALPHA -> alpha;
            case ORIENTATION_BETA -> beta;
            case ORIENTATION_GAMMA -> gamma;
            case MOTION_X -> motionX;
            case MOTION_Y -> motionY;
            case MOTION_Z -> motionZ;
            case MOTION_ENERGY -> energy(motionX, motionY, motionZ);
            case PARTICIPANTS -> 1;
        };
    }

    /** The length of the acceleration without gravity: how hard the phone is shaken. */
    static float energy(float x, float y, float z) {
        return (float) Math.sqrt((double) x * x + (double) y * y + (double) z * z);
    }
}
