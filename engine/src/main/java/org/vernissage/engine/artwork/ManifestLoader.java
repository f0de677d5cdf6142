package org.vernissage.engine.artwork;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.shaders.ShaderSourceException;
import org.vernissage.shaders.isf.IsfDocument;
import org.vernissage.shaders.isf.IsfInput;
import org.vernissage.shaders.isf.IsfParser;

/**
 * Reads and checks an artwork folder's {@code artwork.json} into an {@link ArtworkManifest}. Every
 * rule the engine relies on later (names a shader can declare, ranges, OSC addresses that resolve to
 * a parameter) is checked here, once, so that a broken manifest is refused at load with one line
 * that tells the artist which field to fix, instead of failing later during the show.
 *
 * <p>This class checks the folder and file, parses the JSON and reads the top-level fields; each
 * parameter is read by {@link ParameterReader}, each binding by {@link BindingReader}, and
 * every field through {@link ManifestFields}.
 *
 * <p>Called on the loading thread (start-up or a hot reload), never on the render or conductor
 * threads: it reads the disk. Each {@link #load} call owns everything it creates; nothing is
 * shared between calls (no shared state), so concurrent loads of different folders are safe.
 */
public final class ManifestLoader {

    private static final List<String> TOP_FIELDS =
            topFields();
    private static final int YEAR_MIN = 1900;
    private static final int YEAR_MAX = 2100;

    private final Path folder;
    private final Path file;

    private ManifestLoader(Path folder, Path file) {
        this.folder = folder;
        this.file = file;
    }

    /**
     * Loads the manifest of the artwork in {@code folder}.
     *
     * @param folder the artwork folder, as the user gave it (messages show it the same way)
     * @return the checked manifest; its shader path is resolved against {@code folder}
     * @throws ManifestException with a one-line message naming the file, field and expectation
     */
    public static ArtworkManifest load(Path folder) throws ManifestException {
        if (Files.isRegularFile(folder) && ArtworkManifest.isIsfFile(folder)) {
            return loadIsfFile(folder);
        }
        Path file = manifestFileOf(folder);
        JsonNode root = parse(file);
        return new ManifestLoader(folder, file).read(root);
    }

    /**
     * An ISF file played without a manifest: its id is the file's name without {@code .fs}, its
     * parameters its value INPUTS, its title that id, its artist the CREDIT and its description the
     * DESCRIPTION; no bindings (every parameter is still reachable at its OSC address).
     *
     * @throws ManifestException naming the file, the header key and what was expected
     */
    public static ArtworkManifest loadIsfFile(Path file) throws ManifestException {
        IsfDocument document = isfHeader(file, file);
        String name = file.getFileName().toString();
        String id = name.substring(0, name.length() - ".fs".length());
        Path folder = file.toAbsolutePath().getParent();
        return new ArtworkManifest(folder, id, document.credit(), 0, document.description(), file,
                IsfParameters.specs(document), List.of(), GraphDeclaration.NONE,
                FrameInfo.DEFAULT_SHADER_TIME_PERIOD_SECONDS, id, Map.of());
    }

    static IsfDocument isfHeader(Path blame, Path shader) throws ManifestException {
        try {
            return new IsfParser().parse(shader, Files.readString(shader));
        } catch (ShaderSourceException e) {
            throw ManifestException.location(blame, e.getMessage(), "an ISF header", e);
        } catch (IOException e) {
            throw ManifestException.location(blame, shader + ": cannot read: " + e, "a readable ISF file", e);
        }
    }

    private static Path manifestFileOf(Path folder) throws ManifestException {
        if (!Files.exists(folder)) {
            throw ManifestException.location(folder, "artwork folder not found: " + folder,
                    "an existing artwork folder", null);
        }
        if (!Files.isDirectory(folder)) {
            throw ManifestException.location(folder, folder + " is not a folder", "an artwork folder", null);
        }
        Path file = folder.resolve(ArtworkManifest.FILE_NAME);
        if (!Files.exists(file)) {
            throw ManifestException.location(file, folder + " has no " + ArtworkManifest.FILE_NAME
                    + " (every artwork folder needs a manifest)", "a manifest file", null);
        }
        if (!Files.isRegularFile(file)) {
            throw ManifestException.location(file, file + " is not a file", "a manifest file", null);
        }
        return file;
    }

    private static JsonNode parse(Path file) throws ManifestException {
        // Duplicate keys and trailing garbage are syntax errors here: with either, the artist's
        // intent is ambiguous and Jackson would silently keep one reading of it.
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        try (InputStream in = Files.newInputStream(file)) {
            return mapper.readTree(in);
        } catch (JacksonException e) {
            throw syntaxError(file, e);
        } catch (IOException e) {
            throw ManifestException.location(file, file + ": cannot read: " + e,
                    "a readable manifest file", e);
        }
    }

    private static List<String> topFields() {
        List<String> fields = new ArrayList<>(
                List.of("title", "artist", "year", "description", "shader", "parameters"));
        fields.addAll(List.of("layers", "resolution", "class"));
        fields.addAll(BindingReader.arrayNames());
        fields.add("timePeriod");
        fields.add("images"); // an ISF shader's image inputs
        fields.add("models"); // read by the models module (org.vernissage.models), not here
        fields.add("disclosure"); // the AI disclosure caption, read by DisclosureReader
        fields.add(ManifestPrivacy.FIELD); // who records training examples, with what consent
        return List.copyOf(fields);
    }

    private static ManifestException syntaxError(Path file, JacksonException e) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        return ManifestException.syntax(file, line, column, Found.oneLine(e.getOriginalMessage()), e);
    }

    private ArtworkManifest read(JsonNode root) throws ManifestException {
        if (root == null || root.isMissingNode()) {
            throw ManifestException.field(file, "", "a JSON object { \"title\": ... }", "an empty file");
        }
        ManifestFields top = ManifestFields.of(file, "", root, "a JSON object { \"title\": ... }");
        top.allowOnly(TOP_FIELDS);
        String title = top.requiredText("title");
        String artist = top.requiredText("artist");
        int year = top.requiredInt("year", YEAR_MIN, YEAR_MAX);
        String description = top.requiredText("description");
        LayersReader layers = new LayersReader(folder);
        Path shader = layers.replacesShader(top) ? null : shaderPath(top);
        List<ParameterSpec> parameters = new ArrayList<>(new ParameterReader().readAll(top));
        Map<String, Path> images = Map.of();
        if (shader != null && ArtworkManifest.isIsfFile(shader)) {
            IsfDocument document = isfHeader(file, shader);
            parameters = new ArrayList<>(isfParameters(top, document, parameters));
            images = images(top, document);
        } else if (top.has("images")) {
            throw top.error("images", "no \"images\" (image inputs are for ISF shaders, .fs)", "an images object");
        }
        GraphDeclaration graph = layers.read(top, parameters);
        parameters.addAll(LayersReader.controls(graph));
        List<BindingSpec> bindings = new BindingReader(parameters).readAll(top);
        double timePeriod = top.optionalNumber("timePeriod", FrameInfo.MIN_SHADER_TIME_PERIOD_SECONDS,
                FrameInfo.MAX_SHADER_TIME_PERIOD_SECONDS, FrameInfo.DEFAULT_SHADER_TIME_PERIOD_SECONDS,
                "the seconds the shaders' TIME wraps at, a number from " + FrameInfo.MIN_SHADER_TIME_PERIOD_SECONDS
                        + " to " + FrameInfo.MAX_SHADER_TIME_PERIOD_SECONDS);
        ManifestPrivacy.read(top); // checked here; the models part reads it apart (ManifestPrivacy.read)
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return new ArtworkManifest(folder, title, artist, year, description, shader, parameters, bindings,
                graph, timePeriod, name == null ? "artwork" : name.toString(), images);
    }

    /**
     * An ISF shader's parameters are its value INPUTS, in the header's order; a manifest parameter
     * of the same name replaces the one made from the input (to give it another range, default,
     * unit or description) and must keep its type. A manifest parameter that is no input is an
     * error: the shader has no uniform for it.
     */
    private List<ParameterSpec> isfParameters(ManifestFields top, IsfDocument document, List<ParameterSpec> declared)
            throws ManifestException {
        List<ParameterSpec> fromInputs = IsfParameters.specs(document);
        List<ParameterSpec> merged = new ArrayList<>(fromInputs);
        for (int i = 0; i < declared.size(); i++) {
            ParameterSpec spec = declared.get(i);
            int at = -1;
            for (int j = 0; j < fromInputs.size(); j++) {
                if (fromInputs.get(j).name().equals(spec.name())) {
                    at = j;
                }
            }
            if (at < 0) {
                throw ManifestException.field(file, "parameters[" + i + "].name", "the NAME of one of the value"
                        + " INPUTS of " + document.file() + " " + fromInputs.stream().map(ParameterSpec::name).toList(),
                        "\"" + spec.name() + "\"");
            }
            if (fromInputs.get(at).type() != spec.type()) {
                throw ManifestException.field(file, "parameters[" + i + "].type", "\""
                        + fromInputs.get(at).type().manifestName() + "\" (the type of ISF input " + spec.name() + ")",
                        "\"" + spec.type().manifestName() + "\"");
            }
            merged.set(at, spec);
        }
        return merged;
    }

    /** The manifest's {@code images}: image input name to a file in the artwork folder. */
    private Map<String, Path> images(ManifestFields top, IsfDocument document) throws ManifestException {
        Map<String, Path> images = new LinkedHashMap<>();
        JsonNode node = top.get("images");
        if (node == null || node.isNull()) {
            return images;
        }
        if (!node.isObject()) {
            throw top.error("images", "an object {\"inputImage\": \"picture.png\"}", Found.json(node));
        }
        List<String> inputs = document.imageInputs().stream().map(IsfInput::name).toList();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = "images." + entry.getKey();
            if (!inputs.contains(entry.getKey())) {
                throw ManifestException.field(file, field, "the NAME of an image input of " + document.file() + " "
                        + inputs, "\"" + entry.getKey() + "\"");
            }
            if (!entry.getValue().isTextual()) {
                throw ManifestException.field(file, field, "an image file name", Found.json(entry.getValue()));
            }
            Path image = folder.resolve(entry.getValue().textValue());
            if (!Files.isRegularFile(image)) {
                throw ManifestException.field(file, field, "an existing image file in " + folder, "no file at " + image);
            }
            images.put(entry.getKey(), image);
        }
        return images;
    }

    private Path shaderPath(ManifestFields top) throws ManifestException {
        return fileInFolder(folder, top, "shader", "shader file");
    }

    /**
     * The file that {@code field} of {@code fields} names, relative to {@code folder}: it must stay
     * inside the folder and exist; {@code what} names it for the error (e.g. "shader file").
     */
    static Path fileInFolder(Path folder, ManifestFields fields, String field, String what) throws ManifestException {
        String name = fields.requiredText(field);
        Path relative = relativeInsideFolder(fields, field, name);
        Path file = folder.resolve(relative);
        if (!Files.isRegularFile(file)) {
            String found = Files.isDirectory(file) ? "a folder at " + file : "no file at " + file;
            throw fields.error(field, "an existing " + what + " in " + folder, found);
        }
        return file;
    }

    private static Path relativeInsideFolder(ManifestFields fields, String field, String name)
            throws ManifestException {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw notInsideFolder(fields, field, "not a valid path");
        }
        // Absolute paths and ".." would make the piece depend on where it is installed, and a copy
        // of the folder to another gallery machine would then silently play something else.
        if (path.isAbsolute() || name.startsWith("/") || name.startsWith("\\")) {
            throw notInsideFolder(fields, field, "an absolute path");
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                throw notInsideFolder(fields, field, "it leaves the folder with ..");
            }
        }
        return path;
    }

    private static ManifestException notInsideFolder(ManifestFields fields, String field, String why) {
        return fields.error(field, "a path relative to the artwork folder that stays inside it",
                Found.json(fields.get(field)) + " (" + why + ")");
    }
}
