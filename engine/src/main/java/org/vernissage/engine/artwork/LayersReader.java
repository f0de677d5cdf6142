package org.vernissage.engine.artwork;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.render.TargetFormat;
import org.vernissage.engine.render.graph.BlendMode;
import org.vernissage.engine.render.graph.GraphArtworks;
import org.vernissage.engine.render.graph.GraphPiece;
import org.vernissage.engine.render.graph.RenderResolution;
import org.vernissage.shaders.isf.IsfDocument;
import org.vernissage.shaders.isf.IsfInput;
import org.vernissage.shaders.isf.IsfInputType;

/**
 * Reads what a manifest may declare instead of one {@code shader}: {@code layers} (each a name, a
 * shader file, and optionally {@code blend}, {@code opacity}, {@code feedback}, {@code format},
 * {@code scale}) with an optional {@code resolution}, or the {@code class} of a Java piece. Each
 * layer adds two parameters, {@code <name>_opacity} (float 0..1) and {@code <name>_blend} (int, a
 * {@link BlendMode} code), after the declared ones, so bindings and cues move them like any other.
 *
 * <p>A layer whose shader is an ISF file ({@code .fs}) also adds one parameter per value INPUT,
 * called {@code <layer>_<INPUT NAME>} (the prefix keeps two ISF layers' inputs apart; the player
 * maps it back to the uniform's name), unless the manifest declares a parameter of that name and
 * type itself (to give it another range, default or unit). Its {@code images} object gives each
 * image input an earlier layer's image (by the layer's name) or a still image file of the folder.
 *
 * <pre>
 * "resolution": [640, 360]   (pixels)  or  0.5  (a fraction of the canvas; default 1)
 * "layers": [ {"name": "sea", "shader": "sea.frag"},
 *             {"name": "glow", "shader": "glow.frag", "blend": "screen", "opacity": 0.8,
 *              "feedback": true, "format": "rgba16f", "scale": 0.5},
 *             {"name": "ripple", "shader": "ripple.fs", "images": {"inputImage": "sea"}} ]
 * "class": "org.vernissage.artworks.ember.Ember"
 * </pre>
 *
 * <p>Used on the loading thread only. Holds no shared state: one instance per load.
 */
final class LayersReader {

    private static final List<String> LAYER_FIELDS =
            List.of("name", "shader", "blend", "opacity", "feedback", "format", "scale", "images");
    private static final List<String> FORMATS = List.of("rgba8", "rgba16f", "rgba32f");
    private static final Pattern LAYER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*");
    private static final List<String> RESERVED = List.of("FEEDBACK", "TIME", "RENDERSIZE", "FRAMEINDEX",
            "TOUCH_COUNT", "TOUCHES");
    /** Exclusive ways of saying what the artwork draws. */
    private static final List<String> DRAWINGS = List.of("shader", "layers", "class");

    private final Path folder;
    private final FirstUses names = new FirstUses();
    /** Parameters the layers add, so that two never share a name. */
    private final FirstUses added = new FirstUses();
    /** Every layer's name as written, to tell a later layer from a missing image file. */
    private List<String> allNames = List.of();
    /** The names of the layers read so far: those an ISF layer's image input may name. */
    private final List<String> earlier = new ArrayList<>();

    LayersReader(Path folder) {
        this.folder = folder;
    }

    /**
     * True when {@code top} declares layers or a class instead of a shader; refuses a manifest
     * with more than one of {@code shader}, {@code layers} and {@code class}.
     */
    boolean replacesShader(ManifestFields top) throws ManifestException {
        List<String> present = DRAWINGS.stream().filter(top::has).toList();
        if (present.size() > 1) {
            throw top.error(present.get(1), "only one of \"shader\", \"layers\" or \"class\"",
                    "both \"" + present.get(0) + "\" and \"" + present.get(1) + "\"");
        }
        if (top.has("resolution") && !top.has("layers")) {
            throw top.error("resolution", "a resolution only beside \"layers\" (a Java piece declares its"
                    + " own)", Found.json(top.get("resolution")));
        }
        return !present.isEmpty() && !present.get(0).equals("shader");
    }

    /** The graph {@code top} declares; {@link GraphDeclaration#NONE} for a manifest of one shader. */
    GraphDeclaration read(ManifestFields top, List<ParameterSpec> declared) throws ManifestException {
        if (top.has("class")) {
            return new GraphDeclaration(RenderResolution.CANVAS, List.of(), javaClass(top));
        }
        if (!top.has("layers")) {
            return GraphDeclaration.NONE;
        }
        String expectedArray = "a non-empty array of layer objects [ {\"name\": ..., \"shader\": ...} ]";
        allNames = namesAsWritten(top.get("layers"));
        List<LayerSpec> layers = top.optionalObjects("layers", expectedArray,
                "a layer object {\"name\": ..., \"shader\": ...}", f -> layer(f, declared));
        if (layers.isEmpty()) {
            throw top.error("layers", expectedArray, "[]");
        }
        int most = 16;
        if (layers.size() > most) {
            throw top.error("layers", "at most " + most + " layers", layers.size() + " layers");
        }
        return new GraphDeclaration(resolution(top), layers, "");
    }

    private static List<String> namesAsWritten(JsonNode layers) {
        List<String> written = new ArrayList<>();
        if (layers != null && layers.isArray()) {
            for (JsonNode layer : layers) {
                JsonNode name = layer.get("name");
                if (name != null && name.isTextual()) {
                    written.add(name.textValue());
                }
            }
        }
        return written;
    }

    /**
     * The parameters each layer adds: an ISF layer's inputs, then its opacity and its blend mode,
     * defaults as declared.
     */
    static List<ParameterSpec> controls(GraphDeclaration graph) {
        List<ParameterSpec> controls = new ArrayList<>();
        for (LayerSpec layer : graph.layers()) {
            controls.addAll(layer.inputs());
            controls.add(new ParameterSpec(layer.name() + "_opacity", ParameterType.FLOAT, 0, 1,
                    new float[] {layer.opacity()}, "", "Opacity of layer " + layer.name() + "."));
            controls.add(new ParameterSpec(layer.name() + "_blend", ParameterType.INT, 0, BlendMode.maxCode(),
                    new float[] {layer.blend().code()}, "", "Blend mode of layer " + layer.name() + ": "
                    + blendCodes() + "."));
        }
        return controls;
    }

    private static String blendCodes() {
        StringBuilder codes = new StringBuilder();
        for (BlendMode mode : BlendMode.values()) {
            codes.append(mode.code() == 0 ? "" : ", ").append(mode.code()).append(' ').append(mode.manifestName());
        }
        return codes.toString();
    }

    private LayerSpec layer(ManifestFields f, List<ParameterSpec> declared) throws ManifestException {
        f.allowOnly(LAYER_FIELDS);
        String name = name(f, declared);
        Path shader = ManifestLoader.fileInFolder(folder, f, "shader", "shader file");
        BlendMode blend = BlendMode.values()[f.choice("blend", BlendMode.manifestNames(), 0)];
        float opacity = (float) f.optionalNumber("opacity", 0, 1, 1, "a number within [0, 1]");
        boolean feedback = f.optionalBoolean("feedback", false);
        TargetFormat format = TargetFormat.values()[f.choice("format", FORMATS, 0)];
        double scale = f.optionalNumber("scale", 0.0625, 4, 1, "a fraction of the resolution from 0.0625 to 4");
        claimAdded(f, name, name + "_opacity");
        claimAdded(f, name, name + "_blend");
        LayerSpec layer;
        if (ArtworkManifest.isIsfFile(shader)) {
            if (feedback) {
                throw f.error("feedback", "false for an ISF layer (an ISF shader keeps its own PERSISTENT buffers)",
                        "true");
            }
            IsfDocument document = ManifestLoader.isfHeader(folder.resolve(ArtworkManifest.FILE_NAME), shader);
            List<ParameterSpec> inputs = isfInputs(f, name, document, declared);
            Map<String, String> imageLayers = new LinkedHashMap<>();
            Map<String, Path> imageFiles = new LinkedHashMap<>();
            images(f, name, document, imageLayers, imageFiles);
            layer = new LayerSpec(name, shader, blend, opacity, false, format, scale, inputs, imageLayers, imageFiles);
        } else {
            if (f.has("images")) {
                throw f.error("images", "no \"images\" (image inputs are for ISF layers, .fs)", Found.json(f.get("images")));
            }
            layer = new LayerSpec(name, shader, blend, opacity, feedback, format, scale);
        }
        earlier.add(name);
        return layer;
    }

    /** Refuses a parameter name a layer adds when an earlier layer added it already. */
    private void claimAdded(ManifestFields f, String layer, String parameter) throws ManifestException {
        added.claim(f, "name", parameter, "a layer whose parameters' names are not taken",
                "\"" + layer + "\" (it adds " + parameter + ")", "already added by");
    }

    /**
     * The parameters an ISF layer's value inputs add, {@code <layer>_<INPUT>}; a declared
     * parameter of that name stands in for one (it must have the input's type).
     */
    private List<ParameterSpec> isfInputs(ManifestFields f, String layer, IsfDocument document,
                                          List<ParameterSpec> declared) throws ManifestException {
        List<ParameterSpec> inputs = new ArrayList<>();
        for (ParameterSpec spec : IsfParameters.specs(document)) {
            String name = layer + "_" + spec.name();
            ParameterSpec own = declared.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
            if (own != null && own.type() != spec.type()) {
                throw f.error("shader", "an ISF file whose input " + spec.name() + " has type \""
                        + own.type().manifestName() + "\" (parameter '" + name + "' is declared so)",
                        "a \"" + spec.type().manifestName() + "\" input in " + document.file());
            }
            claimAdded(f, layer, name);
            if (own == null) {
                inputs.add(new ParameterSpec(name, spec.type(), spec.min(), spec.max(), spec.defaultValue(),
                        spec.unit(), spec.description()));
            }
        }
        return inputs;
    }

    /** An ISF layer's {@code images}: each image input to an earlier layer or an image file. */
    private void images(ManifestFields f, String layer, IsfDocument document, Map<String, String> imageLayers,
                        Map<String, Path> imageFiles) throws ManifestException {
        ManifestFields images = f.optionalObject("images", "an object {\"inputImage\": \"an earlier layer's name"
                + " or picture.png\"}");
        if (images == null) {
            return;
        }
        List<String> inputs = document.imageInputs().stream().filter(i -> i.type() == IsfInputType.IMAGE)
                .map(IsfInput::name).toList();
        for (Iterator<String> it = f.get("images").fieldNames(); it.hasNext();) {
            String input = it.next();
            if (!inputs.contains(input)) {
                throw images.error(input, "the NAME of an image input of " + document.file() + " " + inputs,
                        "\"" + input + "\"");
            }
            String source = images.requiredText(input);
            if (earlier.contains(source)) {
                imageLayers.put(input, source);
            } else if (allNames.contains(source)) {
                String why = source.equals(layer) ? "this layer itself" : "a later layer: it is drawn after this one";
                throw images.error(input, "an earlier layer's name " + earlier + " or an image file",
                        "\"" + source + "\" (" + why + ")");
            } else {
                imageFiles.put(input, ManifestLoader.fileInFolder(folder, images, input,
                        "image file (or an earlier layer's name " + earlier + ")"));
            }
        }
    }

    private String name(ManifestFields f, List<ParameterSpec> declared) throws ManifestException {
        String expected = "a layer name (letters and digits, single underscores between them, starting with a"
                + " letter)";
        JsonNode value = f.required("name", expected);
        if (!value.isTextual() || !LAYER_NAME.matcher(value.textValue()).matches()) {
            throw f.error("name", expected, Found.json(value));
        }
        String name = value.textValue();
        String usable = "a name the shaders above it may sample";
        if (RESERVED.contains(name) || GlslKeywords.contains(name)) {
            throw f.error("name", usable, Found.json(value) + " (reserved: the engine or GLSL uses it)");
        }
        for (ParameterSpec spec : declared) {
            if (spec.name().equals(name) || spec.name().equals(name + "_opacity")
                    || spec.name().equals(name + "_blend")) {
                throw f.error("name", "a name apart from the parameters (the layer adds " + name + "_opacity and "
                        + name + "_blend)", Found.json(value) + " (parameter '" + spec.name() + "' is declared)");
            }
        }
        names.claim(f, "name", name, "a name no other layer uses", Found.json(value), "already the name of");
        return name;
    }

    private static RenderResolution resolution(ManifestFields top) throws ManifestException {
        String expected = "[width, height] in pixels (1 to " + RenderResolution.MAX_SIDE
                + ") or a fraction of the canvas (above 0, at most 4)";
        JsonNode value = top.get("resolution");
        if (value == null) {
            return RenderResolution.CANVAS;
        }
        if (ManifestFields.isFiniteNumber(value) && value.doubleValue() > 0 && value.doubleValue() <= 4) {
            return RenderResolution.ofCanvas(value.doubleValue());
        }
        if (value.isArray() && value.size() == 2 && side(value.get(0)) && side(value.get(1))) {
            return RenderResolution.fixed(value.get(0).intValue(), value.get(1).intValue());
        }
        throw top.error("resolution", expected, Found.json(value));
    }

    private static boolean side(JsonNode value) {
        return ManifestFields.isIntegral(value) && value.doubleValue() >= 1
                && value.doubleValue() <= RenderResolution.MAX_SIDE;
    }

    private static String javaClass(ManifestFields top) throws ManifestException {
        String name = top.requiredText("class");
        String expected = "the name of a public class implementing " + GraphPiece.class.getName()
                + " with a public no-argument constructor";
        Class<?> found;
        try {
            found = GraphArtworks.pieceClass(name);
        } catch (ClassNotFoundException | LinkageError e) {
            throw top.error("class", expected, Found.json(top.get("class")) + " (not on the class path)");
        }
        if (!GraphPiece.class.isAssignableFrom(found)) {
            throw top.error("class", expected, Found.json(top.get("class")) + " (it does not implement "
                    + GraphPiece.class.getSimpleName() + ")");
        }
        try {
            found.getConstructor();
        } catch (NoSuchMethodException e) {
            throw top.error("class", expected, Found.json(top.get("class")) + " (no public no-argument constructor)");
        }
        return name;
    }
}
