package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL30C.*;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.vernissage.engine.pipeline.ParameterSnapshot;

/**
 * The disclosure caption, drawn over the finished artwork as the frame's last layer (before the
 * standby dimmer and the outputs): shown while a parameter (a control-only {@code disclosure},
 * moved by cues, OSC, the console or schedules like any other) is above one half, for
 * {@code durationNanos} from the moment it turned on (0: as long as it stays on).
 *
 * <p>One textured draw with alpha blending, its viewport the caption's rectangle in its corner: the
 * fullscreen triangle maps the texture onto exactly that rectangle. While the parameter is off,
 * nothing at all reaches GL (no draw, no state change); the texture and program are made on the
 * first frame that shows the caption.
 *
 * <p>Made on the loading thread (with the {@link CaptionImage} already drawn there); then render
 * thread only, owned by the render loop, which closes it.
 */
public final class CaptionOverlay implements AutoCloseable {

    /** The parameter value above which the caption shows. */
    public static final float ON_THRESHOLD = 0.5f;

    private static final String FRAGMENT = """
            #version 330 core
            in vec2 isf_FragNormCoord;
            uniform sampler2D caption;
            out vec4 colour;
            void main() {
                colour = texture(caption, isf_FragNormCoord);
            }
            """;

    private final CaptionImage image;
    private final CaptionCorner corner;
    private final int slot;
    private final long durationNanos;
    private final int marginPixels;
    private ShaderProgram program;
    private FullscreenTriangle triangle;
    private int texture;
    private boolean on;
    private long onSinceNanos;
    private long framesShown;

    /**
     * @param image         the caption's pixels
     * @param corner        where it sits
     * @param slot          the snapshot slot of the parameter that turns it on
     * @param durationNanos how long it stays once turned on; 0 while the parameter stays on
     * @param marginPixels  its distance from the frame's edges
     */
    public CaptionOverlay(CaptionImage image, CaptionCorner corner, int slot, long durationNanos, int marginPixels) {
        this.image = Objects.requireNonNull(image, "image");
        this.corner = Objects.requireNonNull(corner, "corner");
        if (slot < 0) {
            throw new IllegalArgumentException("slot " + slot + " is not a snapshot slot");
        }
        if (durationNanos < 0) {
            throw new IllegalArgumentException("a caption shows for 0 ns (while on) or more, got " + durationNanos);
        }
        if (marginPixels < 0) {
            throw new IllegalArgumentException("a margin is 0 pixels or more, got " + marginPixels);
        }
        this.slot = slot;
        this.durationNanos = durationNanos;
        this.marginPixels = marginPixels;
    }

    /**
     * Render thread, once per frame with the canvas bound: draws the caption when its parameter
     * says so. Allocates nothing after the first frame shown.
     */
    void draw(RenderTarget canvas, ParameterSnapshot parameters, long frameNanos) {
        if (!visible(parameters, frameNanos)) {
            return;
        }
        if (program == null) {
            prepare();
        }
        int x = corner.right() ? canvas.width() - marginPixels - image.width() : marginPixels;
        int y = corner.top() ? canvas.height() - marginPixels - image.height() : marginPixels;
        glViewport(x, y, image.width(), image.height());
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); // premultiplied alpha
        program.use();
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, texture);
        triangle.draw();
        glDisable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ZERO);
        glViewport(0, 0, canvas.width(), canvas.height());
        framesShown++;
    }

    /** Whether this frame shows the caption: parameter on, and within the duration of its turning on. */
    boolean visible(ParameterSnapshot parameters, long frameNanos) {
        boolean wanted = slot < parameters.slotCount() && parameters.value(slot) > ON_THRESHOLD;
        if (!wanted) {
            on = false;
            return false;
        }
        if (!on) {
            on = true;
            onSinceNanos = frameNanos;
        }
        return durationNanos == 0 || frameNanos - onSinceNanos < durationNanos;
    }

    private void prepare() {
        try {
            program = ShaderProgram.build(FullscreenTriangle.VERTEX_SHADER, FRAGMENT, "the engine's caption",
                    UnaryOperator.identity());
        } catch (ShaderBuildException e) {
            throw new IllegalStateException("the engine's own caption shader did not compile: " + e.getMessage(), e);
        }
        program.use();
        glUniform1i(glGetUniformLocation(program.id(), "caption"), 0);
        triangle = new FullscreenTriangle();
        texture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, texture);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width(), image.height(), 0, GL_RGBA, GL_UNSIGNED_BYTE,
                image.pixels());
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    /** Frames the caption was drawn in so far. Render thread (or after the run). */
    public long framesShown() {
        return framesShown;
    }

    /** The caption's pixels. */
    public CaptionImage image() {
        return image;
    }

    @Override
    public void close() {
        if (program != null) {
            program.close();
            triangle.close();
            glDeleteTextures(texture);
            program = null;
        }
    }
}
