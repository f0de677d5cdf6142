package org.vernissage.engine.render;

import java.util.List;

/**
 * An OpenGL core-profile version to ask a driver for. We ask for the newest that is commonly
 * supported and fall back, because some drivers refuse a version they could emulate
 * (Mesa refuses 4.6 with EGL_BAD_MATCH, see FACTS).
 *
 * <p>Immutable.
 */
record GlVersion(int major, int minor) {

    /** The versions to try, newest first; 3.3 core is the engine's floor. */
    static final List<GlVersion> PREFERRED = List.of(
            new GlVersion(4, 5), new GlVersion(4, 3), new GlVersion(3, 3));

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
