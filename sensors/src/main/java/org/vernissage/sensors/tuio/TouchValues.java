package org.vernissage.sensors.tuio;

/**
 * The checks every touch value passes before it is staged. Stateless.
 */
final class TouchValues {

    private TouchValues() {
    }

    static boolean finite(float x, float y, float angle, float vx, float vy) {
        return Float.isFinite(x) && Float.isFinite(y) && Float.isFinite(angle) && Float.isFinite(vx)
                && Float.isFinite(vy);
    }

    /**
     * A position clamped into the surface: calibrated trackers overshoot the edge by a little,
     * and the engine promises artworks 0..1.
     */
    static float unit(float position) {
        return Math.max(0f, Math.min(1f, position));
    }
}
