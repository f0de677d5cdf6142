package org.vernissage.engine.render.graph;

import static org.lwjgl.opengl.GL13C.GL_TEXTURE0;
import static org.lwjgl.opengl.GL13C.glActiveTexture;
import static org.lwjgl.opengl.GL20C.GL_SAMPLER_2D;
import static org.lwjgl.opengl.GL20C.glUniform1i;
import static org.lwjgl.opengl.GL30C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL30C.glBindTexture;
import static org.lwjgl.opengl.GL31C.glUniformBlockBinding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.ActiveUniform;
import org.vernissage.engine.render.ActiveUniformBlock;
import org.vernissage.engine.render.FullscreenTriangle;
import org.vernissage.engine.render.ParameterUniforms;
import org.vernissage.engine.render.RenderTarget;
import org.vernissage.engine.render.ShaderProgram;
import org.vernissage.engine.render.TextureImage;
import org.vernissage.shaders.ShaderDiagnostics;
import org.vernissage.shaders.ShaderSource;
import org.vernissage.shaders.ShaderSourceException;
import org.vernissage.shaders.ShaderSourceLoader;

/**
 * One node of a render graph that draws a plain GLSL fragment shader over its whole target. Its
 * uniforms are, by name: any of the artwork's parameters (a layer uses the ones it needs; the
 * others are for other layers), the engine's built-ins ({@code TIME}, {@code RENDERSIZE} = this
 * node's size, {@code FRAMEINDEX}, the touches), a {@code sampler2D} per image it was given (the
 * outputs of nodes drawn before it by their names, {@code FEEDBACK} for its own previous frame,
 * images from the Java author), and the Java author's {@link FrameUniform}s and
 * {@link UniformArray}s ({@code uniform vec4 NAME[N]}, e.g. a network's weights); its uniform
 * blocks are the Java author's {@link FrameBlock}s, each bound to the binding point of its place in
 * the node's list. Anything else is an error at setup naming the shader and the uniform.
 *
 * <p>Parameter uniforms are checked and applied by the engine's {@link ParameterUniforms} over the
 * sub-layout of the parameters this shader uses; each frame copies their slots out of the snapshot
 * by precomputed index.
 *
 * <p>Render thread only, with the GL context current; owned by the {@link RenderGraph}.
 */
final class ShaderPass implements Artwork {

    /** The sampler through which a feedback node reads its own previous frame. */
    static final String FEEDBACK = "FEEDBACK";

    private final Path folder;
    private final Path shader;
    private final ParameterLayout layout;
    private final String manifestName;
    private final Map<String, TextureImage> images;
    private final Map<String, FrameUniform> frameUniforms;
    /** The node's uniform blocks; block i is bound at binding point i while this node draws. */
    private final UniformBlockBuffer[] blocks;
    private final Map<String, UniformArray> uniformArrays;
    private final BlockSpecialisation specialisation; // null: none
    private final ShaderSource fixedSource; // null: read the file (a warm-up's pass has its text given)
    private FullscreenTriangle triangle;
    private Built built;
    private Built variant; // the shader with a block's values compiled in, drawn instead of built; null: none
    private volatile boolean variantShown; // variant != null, for readers on other threads
    private RenderTarget lastTarget;

    /**
     * @param folder the artwork folder: includes and the shader must stay inside it
     * @param images every sampler the shader may declare, by name
     * @param manifestName the file the parameters were declared in, for messages
     */
    ShaderPass(Path folder, Path shader, ParameterLayout layout, String manifestName,
               Map<String, TextureImage> images, List<FrameUniform> frameUniforms, List<FrameBlock> frameBlocks,
               List<UniformArray> arrays, BlockSpecialisation specialisation) {
        this(folder, shader, layout, manifestName, images, frameUniforms, frameBlocks, arrays, specialisation, null);
    }

    private ShaderPass(Path folder, Path shader, ParameterLayout layout, String manifestName,
                       Map<String, TextureImage> images, List<FrameUniform> frameUniforms,
                       List<FrameBlock> frameBlocks, List<UniformArray> arrays, BlockSpecialisation specialisation,
                       ShaderSource fixedSource) {
        this.specialisation = specialisation;
        this.fixedSource = fixedSource;
        this.folder = folder;
        this.shader = shader;
        this.layout = layout;
        this.manifestName = manifestName;
        this.images = new LinkedHashMap<>(images);
        this.frameUniforms = new LinkedHashMap<>();
        for (FrameUniform uniform : frameUniforms) {
            this.frameUniforms.put(uniform.name(), uniform);
        }
        this.blocks = frameBlocks.stream().map(UniformBlockBuffer::new).toArray(UniformBlockBuffer[]::new);
        this.uniformArrays = new LinkedHashMap<>();
        for (UniformArray array : arrays) {
            this.uniformArrays.put(array.name(), array);
        }
    }

    Path shader() {
        return shader;
    }

    /** The parameters this shader uses, known after setup. */
    List<ParameterSpec> usedParameters() {
        return built.used();
    }

    @Override
    public void setup(RenderTarget target) throws ArtworkException {
        built = build();
        triangle = new FullscreenTriangle();
        for (UniformBlockBuffer block : blocks) {
            block.create();
        }
        lastTarget = target;
        if (specialisation != null) {
            specialisation.setup(this);
        }
    }

    /** Builds the program again from the file as it is now, without installing it. */
    Built rebuild() throws ArtworkException {
        return build();
    }

    /** Installs a program from {@link #rebuild}, freeing the previous one. */
    void install(Built fresh) {
        Built old = built;
        if (fresh.used().equals(old.used())) {
            // The triggers the old program already showed are not shown again by the new one.
            fresh.uniforms().continueFrom(old.uniforms());
        }
        built = fresh;
        old.close();
        if (specialisation != null) {
            specialisation.sourceChanged();
        }
    }

    private Built build() throws ArtworkException {
        ShaderSource source;
        try {
            source = fixedSource != null ? fixedSource : new ShaderSourceLoader().load(folder, shader);
        } catch (ShaderSourceException e) {
            throw new ArtworkException(e.getMessage(), e);
        }
        return build(source);
    }

    private Built build(ShaderSource source) throws ArtworkException {
        String shaderName = shader.toString();
        ShaderProgram program = ShaderProgram.build(FullscreenTriangle.VERTEX_SHADER, source.text(), shaderName,
                log -> ShaderDiagnostics.map(log, source));
        try {
            return classify(program, shaderName, source);
        } catch (ArtworkException | RuntimeException e) {
            program.close();
            throw e;
        }
    }

    private Built classify(ShaderProgram program, String shaderName, ShaderSource source) throws ArtworkException {
        List<ActiveUniform> rest = new ArrayList<>();
        List<TextureImage> samplerImages = new ArrayList<>();
        List<Integer> samplerLocations = new ArrayList<>();
        List<FrameUniform> custom = new ArrayList<>();
        List<Integer> customLocations = new ArrayList<>();
        List<UniformArray> arrays = new ArrayList<>();
        List<Integer> arrayLocations = new ArrayList<>();
        for (ActiveUniform uniform : program.activeUniforms()) {
            // Drivers name an active array after its first element.
            String arrayName = uniform.name().endsWith("[0]")
                    ? uniform.name().substring(0, uniform.name().length() - 3) : uniform.name();
            if (uniformArrays.containsKey(arrayName)) {
                UniformArray declared = uniformArrays.get(arrayName);
                if (uniform.glType() != declared.glType() || uniform.size() != declared.length()) {
                    throw new ArtworkException(shaderName + ": uniform '" + arrayName + "' is " + uniform.glslType()
                            + "[" + uniform.size() + "] but the artwork sets it as vec4[" + declared.length()
                            + "] (expected `uniform vec4 " + arrayName + "[" + declared.length() + "];`, every"
                            + " element used)");
                }
                arrays.add(declared);
                arrayLocations.add(uniform.location());
                continue;
            }
            if (uniform.glType() == GL_SAMPLER_2D) {
                TextureImage image = images.get(uniform.name());
                if (image == null || uniform.size() != 1) {
                    throw new ArtworkException(shaderName + ": sampler '" + uniform.name() + "' is not an image"
                            + " this layer can read (expected one of: " + String.join(", ", images.keySet())
                            + "; a layer reads the layers drawn before it by name, and its own previous"
                            + " frame as " + FEEDBACK + " when it has \"feedback\": true)");
                }
                samplerImages.add(image);
                samplerLocations.add(uniform.location());
            } else if (frameUniforms.containsKey(uniform.name())) {
                FrameUniform declared = frameUniforms.get(uniform.name());
                if (declared.glType() != uniform.glType() || uniform.size() != 1) {
                    throw new ArtworkException(shaderName + ": uniform '" + uniform.name() + "' is "
                            + uniform.glslType() + " but the artwork sets it as " + declared.glslType()
                            + " (expected `uniform " + declared.glslType() + " " + uniform.name() + ";`)");
                }
                custom.add(declared);
                customLocations.add(uniform.location());
            } else {
                rest.add(uniform);
            }
        }
        bindBlocks(program, shaderName);
        List<ParameterSpec> usedHere = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < layout.parameterCount(); i++) {
            ParameterSpec spec = layout.specs().get(i);
            if (rest.stream().anyMatch(u -> u.name().equals(spec.name()))) {
                usedHere.add(spec);
                for (int c = 0; c < spec.type().components(); c++) {
                    slots.add(layout.offset(i) + c);
                }
            }
        }
        ParameterLayout subLayout = new ParameterLayout(usedHere);
        ParameterUniforms uniforms = ParameterUniforms.check(subLayout, rest, shaderName, manifestName);
        return new Built(program, source, List.copyOf(usedHere), uniforms, toArray(slots), new float[subLayout.slotCount()],
                samplerImages.toArray(TextureImage[]::new), toArray(samplerLocations),
                custom.toArray(FrameUniform[]::new), toArray(customLocations),
                arrays.toArray(UniformArray[]::new), toArray(arrayLocations));
    }

    /**
     * Binds each uniform block of the program to its {@link FrameBlock}'s binding point, after
     * checking that the artwork declared it with the size the shader gives it.
     */
    private void bindBlocks(ShaderProgram program, String shaderName) throws ArtworkException {
        for (ActiveUniformBlock active : program.activeUniformBlocks()) {
            int binding = bindingOf(active.name());
            if (binding < 0) {
                throw new ArtworkException(shaderName + ": uniform block '" + active.name() + "' is not a block"
                        + " the artwork fills (expected one of: " + blockNames() + ")");
            }
            FrameBlock declared = blocks[binding].block();
            if (active.dataSize() != declared.bytes()) {
                throw new ArtworkException(shaderName + ": uniform block '" + active.name() + "' takes "
                        + active.dataSize() + " bytes but the artwork fills " + declared.bytes() + " (expected `layout(std140)"
                        + " uniform " + declared.name() + " { vec4 values[" + declared.vec4s() + "]; };`)");
            }
            glUniformBlockBinding(program.id(), active.index(), binding);
        }
    }

    private int bindingOf(String blockName) {
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i].block().name().equals(blockName)) {
                return i;
            }
        }
        return -1;
    }

    private String blockNames() {
        if (blocks.length == 0) {
            return "none: declare it with NodeBuilder.uniformBlock";
        }
        List<String> names = new ArrayList<>();
        for (UniformBlockBuffer block : blocks) {
            names.add(block.block().name());
        }
        return String.join(", ", names);
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void update(FrameInfo frame, ParameterSnapshot parameters) {
        if (specialisation != null) {
            specialisation.frame(lastTarget);
        }
        take(built, parameters);
        if (variant != null) {
            take(variant, parameters); // both programs in step: either may draw the next frame
        }
    }

    private static void take(Built b, ParameterSnapshot parameters) {
        for (int i = 0; i < b.slots.length; i++) {
            b.values[i] = parameters.value(b.slots[i]);
        }
        b.uniforms.updateTouches(parameters.touches());
    }

    @Override
    public void render(FrameInfo frame, RenderTarget target) {
        lastTarget = target;
        Built b = variant != null ? variant : built;
        b.program.use();
        for (int unit = 0; unit < b.samplerImages.length; unit++) {
            glActiveTexture(GL_TEXTURE0 + unit);
            glBindTexture(GL_TEXTURE_2D, b.samplerImages[unit].textureId());
            glUniform1i(b.samplerLocations[unit], unit);
        }
        glActiveTexture(GL_TEXTURE0);
        b.uniforms.applyBuiltins(frame.shaderTimeSeconds(), target.width(), target.height(), frame.index());
        b.uniforms.applyParameters(b.values);
        for (int i = 0; i < b.custom.length; i++) {
            b.custom[i].apply(b.customLocations[i]);
        }
        for (int i = 0; i < blocks.length; i++) {
            blocks[i].bind(i);
        }
        for (int i = 0; i < b.arrays.length; i++) {
            b.arrays[i].apply(b.arrayLocations[i]);
        }
        triangle.draw();
        for (int unit = b.samplerImages.length - 1; unit >= 0; unit--) {
            // Unbound, so the next node may draw into a texture this one sampled without a feedback loop.
            glActiveTexture(GL_TEXTURE0 + unit);
            glBindTexture(GL_TEXTURE_2D, 0);
        }
    }

    @Override
    public void dispose() {
        if (triangle != null) {
            triangle.close();
        }
        if (specialisation != null) {
            specialisation.close();
        }
        dropVariant();
        if (built != null) {
            built.close();
        }
        for (UniformBlockBuffer block : blocks) {
            block.close();
        }
    }

    // --- specialisation (BlockSpecialisation calls these on the render thread) ---

    /** The shader's source as the program drawing now was built from it (includes resolved). */
    String sourceText() {
        return built.source().text();
    }

    ParameterLayout layout() {
        return layout;
    }

    boolean hasVariant() {
        return variant != null;
    }

    boolean hasVariantRacy() {
        return variantShown;
    }

    /**
     * Builds {@code text} (the shader with a block compiled in, same lines) and draws it instead of
     * the block program from this frame on.
     */
    void installVariant(String text) throws ArtworkException {
        Built fresh = build(new ShaderSource(text, built.source().origins()));
        fresh.uniforms().continueFrom(built.uniforms());
        dropVariant();
        variant = fresh;
        variantShown = true;
    }

    /** Draws the block program again from this frame on. */
    void dropVariant() {
        if (variant != null) {
            variant.close();
            variant = null;
            variantShown = false;
        }
    }

    /**
     * What a fresh pass of this node needs to draw the same program variant in another context:
     * same file, same uniforms (by shape), images as unbound samplers, every block but
     * {@code compiledIn}. Render thread; the recipe is then used on the worker's thread.
     */
    WarmRecipe warmRecipe(FrameBlock compiledIn) {
        Map<String, TextureImage> unbound = new LinkedHashMap<>();
        images.keySet().forEach(name -> unbound.put(name, UNBOUND));
        return new WarmRecipe(folder, shader, layout, manifestName, unbound,
                frameUniforms.values().stream().map(u -> new FrameUniform(u.name(), u.components())).toList(),
                java.util.Arrays.stream(blocks).map(UniformBlockBuffer::block).filter(b -> b != compiledIn)
                        .map(b -> new FrameBlock(b.name(), b.vec4s())).toList(),
                uniformArrays.values().stream().map(a -> new UniformArray(a.name(), a.length())).toList(),
                built.source().origins());
    }

    /** Texture 0: sampling it reads black; the warm-up's draw only needs the program to run. */
    private static final TextureImage UNBOUND = new TextureImage() {
        @Override
        public int textureId() {
            return 0;
        }

        @Override
        public int width() {
            return 1;
        }

        @Override
        public int height() {
            return 1;
        }
    };

    /** See {@link #warmRecipe}. Its fresh passes are made on the worker's thread, one per warm-up. */
    record WarmRecipe(Path folder, Path shader, ParameterLayout layout, String manifestName,
                      Map<String, TextureImage> images, List<FrameUniform> uniforms, List<FrameBlock> blocks,
                      List<UniformArray> arrays, List<String> origins) {
        /** A pass drawing {@code text} (not set up). */
        ShaderPass fresh(String text) {
            return new ShaderPass(folder, shader, layout, manifestName, images, uniforms, blocks, arrays, null,
                    new ShaderSource(text, origins));
        }
    }

    /** A linked program and everything resolved against it: swapped whole by a reload. */
    record Built(ShaderProgram program, ShaderSource source, List<ParameterSpec> used, ParameterUniforms uniforms, int[] slots, float[] values,
                         TextureImage[] samplerImages, int[] samplerLocations, FrameUniform[] custom,
                         int[] customLocations, UniformArray[] arrays, int[] arrayLocations) {
        /** Frees the program. */
        void close() {
            program.close();
        }
    }
}
