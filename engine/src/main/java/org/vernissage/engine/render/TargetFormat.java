package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL30C.GL_FLOAT;
import static org.lwjgl.opengl.GL30C.GL_HALF_FLOAT;
import static org.lwjgl.opengl.GL30C.GL_RGBA16F;
import static org.lwjgl.opengl.GL30C.GL_RGBA32F;
import static org.lwjgl.opengl.GL30C.GL_RGBA8;
import static org.lwjgl.opengl.GL30C.GL_UNSIGNED_BYTE;

/**
 * The pixel format of a {@link RenderTarget}. Frames that reach a screen or a PNG are
 * {@link #RGBA8}; the floating-point formats are for intermediate targets (feedback, accumulation,
 * model outputs) that need values outside 0..1 or more precision than 8 bits.
 *
 * <p>Immutable.
 */
public enum TargetFormat {
    RGBA8(GL_RGBA8, GL_UNSIGNED_BYTE),
    RGBA16F(GL_RGBA16F, GL_HALF_FLOAT),
    RGBA32F(GL_RGBA32F, GL_FLOAT);

    private final int internalFormat;
    private final int componentType;

    TargetFormat(int internalFormat, int componentType) {
        this.internalFormat = internalFormat;
        this.componentType = componentType;
    }

    /** The texture's internal format, for {@code glTexImage2D}. */
    public int internalFormat() {
        return internalFormat;
    }

    /** The component type the texture is allocated with. */
    public int componentType() {
        return componentType;
    }
}
