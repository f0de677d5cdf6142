package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL30C.*;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.vernissage.engine.pipeline.ParameterSnapshot;

/**
 * The disclosure caption, drawn over the finished artwork as the frame's last layer (before the
 * standby dimmer and the outputs): shown while a parameter (a control-only {@code disclosure},
 * moved by cues, OSC, the console or schedules like any other) is above one half, for
 * {@code durationNanos} from the moment it turned on (0: as long as it stays on). It holds one
 * caption per language; when a language parameter is given (an int, moved like any other), its
 * value picks the one shown, frame by frame.
 *
 * <p>One textured draw with alpha blending, its viewport the caption's rectangle in its corner: the
 * fullscreen triangle maps the texture onto exactly that rectangle. While the parameter is off,
 * nothing at all reaches GL (no draw, no state change); the program and every language's texture
 * are made on the first frame that shows the caption, so a later switch of language binds another
 * texture and uploads nothing.
 *
 * <p>Made on the loading thread (with the {@link CaptionImage} already drawn there); then render
 * thread only, owned by the render loop, which closes it.
 */
public final class CaptionOverlay implements AutoCloseable {

    /** The parameter value above which the caption shows. */
    public static final float ON_THRESHOLD = 0.5f;

    /** No language parameter: the caption keeps its first language. */
    public static final int NO_SLOT = -1;

    private static final String FRAGMENT = """
            #version 330 core
            in vec2 isf_FragNormCoord;
            uniform sampler2D caption;
            out vec4 colour;
            void main() {
                colour = texture(caption, isf_FragNormCoord);
            }
            """;

    private final CaptionImage[] images;
    private final int startLanguage;
    private final int languageSlot;
    private final CaptionCorner corner;
    private final int slot;
    private final long durationNanos;
    private final int marginPixels;
    private final int[] textures;
    private ShaderProgram program;
    private FullscreenTriangle triangle;
    private boolean on;
    private long onSinceNanos;
    private long framesShown;
    private int shownLanguage = NO_SLOT;

    /**
     * A caption in one language.
     *
     * @param image         the caption's pixels
     * @param corner        where it sits
     * @param slot          the snapshot slot of the parameter that turns it on
     * @param durationNanos how long it stays once turned on; 0 while the parameter stays on
     * @param marginPixels  its distance from the frame's edges
     */
    public CaptionOverlay(CaptionImage image, CaptionCorner corner, int slot, long durationNanos, int marginPixels) {
        this(List.of(image), 0, NO_SLOT, corner, slot, durationNanos, marginPixels);
    }

    /**
     * A caption in several languages.
     *
     * @param images        the caption's pixels, one per language, in the order a language parameter numbers them
     * @param startLanguage the index shown when there is no language parameter
     * @param languageSlot  the snapshot slot of the int parameter picking the language ({@code round(value)},
     *                      clamped to the languages), or {@link #NO_SLOT}
     * @param corner        where it sits
     * @param slot          the snapshot slot of the parameter that turns it on
     * @param durationNanos how long it stays once turned on; 0 while the parameter stays on
     * @param marginPixels  its distance from the frame's edges
     */
    public CaptionOverlay(List<CaptionImage> images, int startLanguage, int languageSlot, CaptionCorner corner,
                          int slot, long durationNanos, int marginPixels) {
        this.images = images.toArray(CaptionImage[]::new);
        for (CaptionImage image : this.images) {
            Objects.requireNonNull(image, "image");
        }
        if (this.images.length == 0) {
            throw new IllegalArgumentException("a caption needs the pixels of one language at least");
        }
        if (startLanguage < 0 || startLanguage >= this.images.length) {
            throw new IllegalArgumentException("start language " + startLanguage + " is not one of the "
                    + this.images.length + " languages");
        }
        if (languageSlot < NO_SLOT) {
            throw new IllegalArgumentException("language slot " + languageSlot + " is not a snapshot slot");
        }
        this.startLanguage = startLanguage;
        this.languageSlot = languageSlot;
        this.textures = new int[this.images.length];
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
     * says so, in the language its language parameter picks. Allocates nothing, and uploads
     * nothing after the first frame shown.
     */
    void draw(RenderTarget canvas, ParameterSnapshot parameters, long frameNanos) {
        if (!visible(parameters, frameNanos)) {
            return;
        }
        if (program == null) {
            prepare();
        }
        int language = language(parameters);
        CaptionImage image = images[language];
        int x = corner.right() ? canvas.width() - marginPixels - image.width() : marginPixels;
        int y = corner.top() ? canvas.height() - marginPixels - image.height() : marginPixels;
        glViewport(x, y, image.width(), image.height());
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); // premultiplied alpha
        program.use();
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, textures[language]);
        triangle.draw();
        glDisable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ZERO);
        glViewport(0, 0, canvas.width(), canvas.height());
        framesShown++;
        shownLanguage = language;
    }

    /** The language this frame shows: its parameter's value rounded and kept to the languages, else the start one. */
    int language(ParameterSnapshot parameters) {
        if (languageSlot == NO_SLOT || languageSlot >= parameters.slotCount()) {
            return startLanguage;
        }
        float value = parameters.value(languageSlot);
        int index = value >= 0 ? Math.round(value) : 0; // NaN: the first
        return Math.min(index, images.length - 1);
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
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        for (int i = 0; i < images.length; i++) { // every language now: a switch later uploads nothing
            textures[i] = glGenTextures();
            glBindTexture(GL_TEXTURE_2D, textures[i]);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, images[i].width(), images[i].height(), 0, GL_RGBA,
                    GL_UNSIGNED_BYTE, images[i].pixels());
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        }
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    /** Frames the caption was drawn in so far. Render thread (or after the run). */
    public long framesShown() {
        return framesShown;
    }

    /** The language the last frame drawn showed (an index in the images), or {@link #NO_SLOT} before any. */
    public int shownLanguage() {
        return shownLanguage;
    }

    /** The caption's pixels in its start language. */
    public CaptionImage image() {
        return images[startLanguage];
    }

    /** The caption's pixels in language {@code language} (an index in the images). */
    public CaptionImage image(int language) {
        return images[language];
    }

    /** How many languages it holds. */
    public int languageCount() {
        return images.length;
    }

    @Override
    public void close() {
        if (program != null) {
            program.close();
            triangle.close();
            glDeleteTextures(textures);
            program = null;
        }
    }
}
