package org.vernissage.engine.render.isf;

import org.vernissage.engine.artwork.IsfParameters;
import static org.lwjgl.opengl.GL30C.*;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.artwork.ReloadableArtwork;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.FullscreenTriangle;
import org.vernissage.engine.render.RenderTarget;
import org.vernissage.engine.render.TargetFormat;
import org.vernissage.engine.render.TextureImage;
import org.vernissage.shaders.ShaderSourceException;
import org.vernissage.shaders.isf.IsfDocument;
import org.vernissage.shaders.isf.IsfExpression;
import org.vernissage.shaders.isf.IsfImport;
import org.vernissage.shaders.isf.IsfInput;
import org.vernissage.shaders.isf.IsfInputType;
import org.vernissage.shaders.isf.IsfLoader;
import org.vernissage.shaders.isf.IsfPass;
import org.vernissage.shaders.isf.IsfShader;

/**
 * Plays an ISF shader: each pass drawn in order into its {@code TARGET} buffer (RGBA8, or RGBA32F
 * when {@code FLOAT}; persistent ones keep their content across frames), the last pass into the
 * frame. Value inputs are the artwork's parameters (see {@link IsfParameters}); image inputs are
 * textures bound with {@link #bindImage} (another layer's output) or loaded from files given at
 * construction; imported images are loaded once per (re)load.
 *
 * <p>Built-ins: {@code TIME} is {@link FrameInfo#shaderTimeSeconds()}, {@code TIMEDELTA} the
 * frame's delta, {@code FRAMEINDEX} its index, {@code DATE} the show time counted from
 * {@code dateOrigin} (see {@link DateUniform}), {@code PASSINDEX} and {@code RENDERSIZE} (the size
 * of the buffer the pass draws into) per pass. Pass sizes are evaluated every frame (arithmetic,
 * no allocation), so a resized canvas or a moved input resizes the buffers in the same frame.
 *
 * <p>Render thread only, like every artwork; owned by the render loop from setup to dispose.
 * {@link #reload} builds the new program, buffers and images before touching the old ones: a
 * failure leaves the artwork as it was.
 */
public final class IsfArtwork implements ReloadableArtwork, ListensToAudio {

    /** GL guarantees at least this texture size; a pass expression is held inside it. */
    private static final int MAX_SIZE = 16_384;
    /** An {@code audio} input's width without MAX: about 21 ms at 48 kHz, the analyser's block. */
    public static final int DEFAULT_AUDIO_SAMPLES = 1024;
    /** An {@code audioFFT} input's width without MAX: the bins of a 1024-sample block. */
    public static final int DEFAULT_FFT_BINS = 512;

    private final Path root;
    private final Path file;
    private final ParameterLayout layout;
    private final Map<String, Path> imageFiles;
    private final String parameterPrefix;
    private final DateUniform date;
    private final IsfLoader loader = new IsfLoader();
    private final float[] values;
    private final IsfExpression.Variables sizeVariables = this::sizeVariable;
    private final Map<String, Integer> sizeSlots = new HashMap<>();
    /** Images bound from outside, by image input name; survive reloads. */
    private final Map<String, TextureImage> bound = new HashMap<>();

    private AudioFrames audioFrames;
    private Loaded loaded;
    private FullscreenTriangle triangle;
    private ImageTexture blank;
    private int canvasWidth;
    private int canvasHeight;

    /**
     * @param root the artwork's folder: the shader and its includes must lie inside it
     * @param file the {@code .fs} file
     * @param layout the parameters the conductor feeds (usually {@link IsfParameters#specs})
     * @param imageFiles still images for image inputs, by input name (loaded at setup and reload)
     * @param dateOrigin the date and time of show time 0, for {@code DATE}
     */
    public IsfArtwork(Path root, Path file, ParameterLayout layout, Map<String, Path> imageFiles,
                      LocalDateTime dateOrigin) {
        this(root, file, layout, imageFiles, dateOrigin, "");
    }

    /**
     * An ISF shader whose value input {@code NAME} reads the layout's parameter
     * {@code parameterPrefix + NAME}: a layer of a render graph, whose snapshot holds the inputs of
     * several shaders (and of other layers), each under its layer's prefix.
     *
     * @param parameterPrefix put before every input name to find its parameter ({@code ""}: the name itself)
     */
    public IsfArtwork(Path root, Path file, ParameterLayout layout, Map<String, Path> imageFiles,
                      LocalDateTime dateOrigin, String parameterPrefix) {
        this.root = root;
        this.parameterPrefix = parameterPrefix;
        this.file = file;
        this.layout = layout;
        this.imageFiles = Map.copyOf(imageFiles);
        this.date = new DateUniform(dateOrigin);
        this.values = new float[layout.slotCount()];
        layout.copyDefaultsInto(values);
        for (int i = 0; i < layout.parameterCount(); i++) {
            String name = layout.specs().get(i).name();
            if (name.startsWith(parameterPrefix)) {
                // Pass sizes name the inputs as the shader does: without the prefix.
                sizeSlots.put(name.substring(parameterPrefix.length()), layout.offset(i));
            }
        }
    }

    /** Everything one load built; swapped as a whole. */
    private record Loaded(IsfShader shader, IsfProgram program, PassBuffer[] buffers, List<ImageTexture> owned,
                          TextureImage[] units, int[] imageUnits, String[] imageNames, boolean[] fired,
                          float[] lastEventCounts, AudioTexture[] audio, List<Path> files) implements AutoCloseable {
        @Override
        public void close() {
            program.close();
            for (AudioTexture texture : audio) {
                texture.close();
            }
            for (PassBuffer buffer : buffers) {
                if (buffer != null) {
                    buffer.close();
                }
            }
            owned.forEach(ImageTexture::close);
        }
    }

    @Override
    public void setup(RenderTarget target) throws ArtworkException {
        triangle = new FullscreenTriangle();
        blank = ImageTexture.blank();
        canvasWidth = target.width();
        canvasHeight = target.height();
        loaded = build();
    }

    @Override
    public void reload() throws ArtworkException {
        stage().install();
    }

    /**
     * Builds the shader's next program, buffers and images from its files without touching the
     * ones playing, for a caller that swaps several artworks all or nothing (a render graph):
     * {@link Staged#install} swaps them in, {@link Staged#close} drops them. Render thread.
     *
     * @throws ArtworkException when the files do not load or compile; the artwork is unchanged
     */
    public Staged stage() throws ArtworkException {
        return new Staged(build());
    }

    /** A reload built and not yet installed; owned by the caller of {@link #stage}. */
    public final class Staged implements AutoCloseable {
        private Loaded next;

        private Staged(Loaded next) {
            this.next = next;
        }

        /** Plays what was built from the next frame on, and frees what played before. */
        public void install() {
            Loaded previous = loaded;
            loaded = next;
            next = null;
            if (previous != null) {
                previous.close();
            }
        }

        /** Frees what was built unless it was installed. */
        @Override
        public void close() {
            if (next != null) {
                next.close();
                next = null;
            }
        }
    }

    /**
     * Whether the layout's parameter {@code parameter} feeds a value input of the shader now
     * playing (after setup): a graph of layers checks every parameter is read by someone.
     */
    public boolean reads(String parameter) {
        return parameter.startsWith(parameterPrefix) && loaded != null
                && loaded.shader().document().input(parameter.substring(parameterPrefix.length()))
                .filter(input -> document().valueInputs().contains(input)).isPresent();
    }

    @Override
    public List<Path> sourceFiles() {
        return loaded == null ? List.of(file) : loaded.files();
    }

    /** The header of the shader now playing (after setup). */
    public IsfDocument document() {
        return loaded.shader().document();
    }

    /**
     * Makes image input {@code input} sample {@code image} from the next frame on (another layer's
     * output, a camera): render thread, before or during play. The texture's id is read every
     * frame, so a ping-pong source may swap it.
     *
     * @throws IllegalArgumentException when the shader has no image input of that name
     */
    public void bindImage(String input, TextureImage image) {
        if (loaded != null && loaded.shader().document().imageInputs().stream().noneMatch(i -> i.name().equals(input))) {
            throw new IllegalArgumentException(file + ": no image input \"" + input + "\" (image inputs: "
                    + loaded.shader().document().imageInputs().stream().map(IsfInput::name).toList() + ")");
        }
        bound.put(input, image);
        if (loaded != null) {
            bindUnits(loaded);
        }
    }

    /**
     * Feeds the shader's {@code audio} and {@code audioFFT} inputs from {@code frames} (written by
     * the audio input's thread) from the next frame on. Render thread, before or during play.
     */
    @Override
    public void listenTo(AudioFrames frames) {
        this.audioFrames = frames;
    }

    /** Whether the shader has {@code audio} or {@code audioFFT} inputs (known once set up). */
    @Override
    public boolean hasAudioInputs() {
        return loaded != null && loaded.audio().length > 0;
    }

    /**
     * {@link #buildAll} with the caller's framebuffer and viewport put back afterwards: making pass
     * buffers binds them, and a reload runs between frames, where the render loop's binding holds.
     */
    private Loaded build() throws ArtworkException {
        int framebuffer = glGetInteger(GL_FRAMEBUFFER_BINDING);
        int[] viewport = new int[4];
        glGetIntegerv(GL_VIEWPORT, viewport);
        try {
            return buildAll();
        } finally {
            glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
            glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
        }
    }

    private Loaded buildAll() throws ArtworkException {
        IsfShader shader;
        try {
            shader = loader.load(root, file);
        } catch (ShaderSourceException e) {
            throw new ArtworkException(e.getMessage(), e);
        }
        IsfDocument document = shader.document();
        for (String name : imageFiles.keySet()) {
            if (document.imageInputs().stream().noneMatch(input -> input.name().equals(name))) {
                throw new ArtworkException(file + ": an image file is given for \"" + name
                        + "\" but the shader has no image input of that name (expected one of "
                        + document.imageInputs().stream().map(IsfInput::name).toList() + ")");
            }
        }
        IsfProgram program = new IsfProgram(shader, layout, parameterPrefix);
        List<ImageTexture> owned = new ArrayList<>();
        List<AudioTexture> audio = new ArrayList<>();
        PassBuffer[] buffers = new PassBuffer[document.passes().size()];
        try {
            Map<String, TextureImage> byName = new LinkedHashMap<>();
            for (IsfImport image : document.imports()) {
                byName.put(image.name(), loadImage(owned, image.path(), "IMPORTED." + image.name()));
            }
            for (IsfInput input : document.imageInputs()) {
                if (input.type() != IsfInputType.IMAGE) {
                    boolean fft = input.type() == IsfInputType.AUDIO_FFT;
                    float[] max = input.max();
                    int width = max.length > 0 && max[0] >= 1 ? (int) Math.min(MAX_SIZE, max[0])
                            : fft ? DEFAULT_FFT_BINS : DEFAULT_AUDIO_SAMPLES;
                    AudioTexture texture = new AudioTexture(fft, width);
                    audio.add(texture);
                    byName.put(input.name(), texture);
                }
            }
            for (Map.Entry<String, Path> image : imageFiles.entrySet()) {
                byName.put(image.getKey(), loadImage(owned, image.getValue(), "image input " + image.getKey()));
            }
            for (int i = 0; i < buffers.length; i++) {
                IsfPass pass = document.passes().get(i);
                if (pass.target().isPresent()) {
                    buffers[i] = new PassBuffer(pass.persistent(),
                            pass.floatingPoint() ? TargetFormat.RGBA32F : TargetFormat.RGBA8,
                            size(pass.width().orElse(null), canvasWidth), size(pass.height().orElse(null), canvasHeight));
                    byName.put(pass.target().get(), buffers[i]);
                }
            }
            List<String> samplers = program.samplers();
            TextureImage[] units = new TextureImage[samplers.size()];
            int images = document.imageInputs().size();
            int[] imageUnits = new int[images];
            String[] imageNames = new String[images];
            for (int i = 0; i < images; i++) {
                imageUnits[i] = i;
                imageNames[i] = samplers.get(i);
            }
            for (int unit = 0; unit < units.length; unit++) {
                units[unit] = byName.getOrDefault(samplers.get(unit), blank);
            }
            int inputs = document.valueInputs().size();
            float[] lastEventCounts = new float[inputs];
            for (int i = 0; i < inputs; i++) {
                // A reload must not fire every event: start from the counts as they are now.
                lastEventCounts[i] = program.offsetOf(i) < 0 ? 0f : values[program.offsetOf(i)];
            }
            Loaded next = new Loaded(shader, program, buffers, owned, units, imageUnits, imageNames,
                    new boolean[inputs], lastEventCounts, audio.toArray(AudioTexture[]::new), shader.files());
            bindUnits(next);
            return next;
        } catch (ArtworkException | RuntimeException e) {
            new Loaded(shader, program, buffers, owned, new TextureImage[0], new int[0], new String[0],
                    new boolean[0], new float[0], audio.toArray(AudioTexture[]::new), List.of()).close();
            throw e;
        }
    }

    private static ImageTexture loadImage(List<ImageTexture> owned, Path path, String what) throws ArtworkException {
        try {
            ImageTexture texture = ImageTexture.load(path);
            owned.add(texture);
            return texture;
        } catch (IOException e) {
            throw new ArtworkException(path + ": cannot read " + what + " (expected a PNG or JPEG file): "
                    + e.getMessage(), e);
        }
    }

    /** Image inputs bound from outside win over files and the blank image. */
    private void bindUnits(Loaded target) {
        for (int i = 0; i < target.imageNames().length; i++) {
            TextureImage image = bound.get(target.imageNames()[i]);
            if (image != null) {
                target.units()[target.imageUnits()[i]] = image;
            }
        }
    }

    @Override
    public void update(FrameInfo frame, ParameterSnapshot parameters) {
        parameters.copyValuesInto(values);
        IsfProgram program = loaded.program();
        boolean[] fired = loaded.fired();
        float[] lastEventCounts = loaded.lastEventCounts();
        for (int i = 0; i < fired.length; i++) {
            int at = program.offsetOf(i);
            if (at >= 0) {
                float count = values[at];
                fired[i] = count != lastEventCounts[i];
                lastEventCounts[i] = count;
            }
        }
        date.at(frame.timeSeconds());
        if (audioFrames != null && loaded.audio().length > 0 && audioFrames.latch()) {
            for (AudioTexture texture : loaded.audio()) {
                texture.upload(audioFrames);
            }
        }
    }

    @Override
    public void render(FrameInfo frame, RenderTarget target) {
        canvasWidth = target.width();
        canvasHeight = target.height();
        Loaded now = loaded;
        IsfProgram program = now.program();
        program.use();
        program.applyFrame(values, now.fired(), frame.shaderTimeSeconds(), (float) frame.deltaSeconds(), date, frame.index());
        List<IsfPass> passes = now.shader().document().passes();
        PassBuffer[] buffers = now.buffers();
        for (int i = 0; i < buffers.length; i++) {
            PassBuffer buffer = buffers[i];
            int width = target.width();
            int height = target.height();
            if (buffer != null) {
                IsfPass pass = passes.get(i);
                width = size(pass.width().orElse(null), canvasWidth);
                height = size(pass.height().orElse(null), canvasHeight);
                buffer.resize(width, height);
                buffer.bindForDrawing();
            } else {
                target.bind();
            }
            bindTextures(now);
            program.use();
            program.applyPass(i, width, height);
            triangle.draw();
            if (buffer != null) {
                buffer.drawn();
            }
        }
        PassBuffer last = buffers[buffers.length - 1];
        if (last != null) {
            // The last pass drew into its buffer: the frame shows that buffer.
            glBindFramebuffer(GL_READ_FRAMEBUFFER, last.framebufferId());
            glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target.framebufferId());
            glBlitFramebuffer(0, 0, last.width(), last.height(), 0, 0, target.width(), target.height(),
                    GL_COLOR_BUFFER_BIT, GL_LINEAR);
            target.bind();
        }
    }

    private static void bindTextures(Loaded now) {
        TextureImage[] units = now.units();
        for (int unit = 0; unit < units.length; unit++) {
            glActiveTexture(GL_TEXTURE0 + unit);
            glBindTexture(GL_TEXTURE_2D, units[unit].textureId());
        }
        glActiveTexture(GL_TEXTURE0);
    }

    private int size(IsfExpression expression, int canvas) {
        if (expression == null) {
            return canvas;
        }
        double value = expression.evaluate(sizeVariables);
        if (!(value >= 1)) {
            return 1; // also NaN: a division by zero must not stop the show
        }
        return (int) Math.min(MAX_SIZE, Math.round(value));
    }

    private double sizeVariable(String name) {
        switch (name) {
            case "WIDTH":
                return canvasWidth;
            case "HEIGHT":
                return canvasHeight;
            default:
                Integer slot = sizeSlots.get(name);
                if (slot != null) {
                    return values[slot];
                }
                return loaded == null ? 0 : fallback(name);
        }
    }

    private double fallback(String name) {
        return loaded.shader().document().input(name).map(IsfParameters::spec)
                .map(spec -> (double) spec.defaultComponent(0)).orElse(0.0);
    }

    @Override
    public void dispose() {
        if (loaded != null) {
            loaded.close();
        }
        if (blank != null) {
            blank.close();
        }
        if (triangle != null) {
            triangle.close();
        }
    }
}
