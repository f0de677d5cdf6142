package org.vernissage.engine.render.isf;

import static org.lwjgl.opengl.GL30C.*;

/**
 * How ISF textures are sampled: linear filtering, edges clamped (a blur at the border must not
 * wrap round to the other side, as ISF hosts behave).
 *
 * <p>Stateless; render thread only.
 */
final class Samplers {

    private Samplers() {
    }

    /** Sets the bound {@code GL_TEXTURE_2D}'s filtering and wrapping. */
    static void clampLinear() {
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
}
