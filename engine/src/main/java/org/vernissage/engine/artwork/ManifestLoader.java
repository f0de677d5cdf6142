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
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;

/**
 * Reads and checks an artwork folder's {@code artwork.json} into an {@link ArtworkManifest}. Every
 * rule the engine relies on later (names a shader can declare, ranges, OSC addresses that resolve to
 * a parameter) is checked here, once, so that a broken manifest is refused at load with one line
 * that tells the artist which field to fix, instead of failing later during the show.
 *
 * <p>Called on the loading thread (start-up or a hot reload), never on the render or conductor
 * threads: it reads the disk. Each {@link #load} call owns everything it creates; nothing is
 * shared between calls, so concurrent loads of different folders are safe.
 */
public final class ManifestLoader {

    private static final List<String> TOP_FIELDS =
            List.of("title", "artist", "year", "description", "shader", "parameters", "osc");
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
        Path file = manifestFileOf(folder);
        JsonNode root = parse(file);
        return new ManifestLoader(folder, file).read(root);
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
        Fields top = Fields.of(file, "", root, "a JSON object { \"title\": ... }");
        top.allowOnly(TOP_FIELDS);
        String title = top.requiredText("title");
        String artist = top.requiredText("artist");
        int year = top.requiredInt("year", YEAR_MIN, YEAR_MAX);
        String description = top.requiredText("description");
        Path shader = shaderPath(top);
        List<ParameterSpec> parameters = new ParameterReader(file).readAll(top);
        List<OscBindingSpec> bindings = new OscBindingReader(file, parameters).readAll(top);
        return new ArtworkManifest(folder, title, artist, year, description, shader, parameters, bindings);
    }

    private Path shaderPath(Fields top) throws ManifestException {
        String name = top.requiredText("shader");
        Path relative = relativeInsideFolder(top, name);
        Path shader = folder.resolve(relative);
        if (!Files.isRegularFile(shader)) {
            String found = Files.isDirectory(shader) ? "a folder at " + shader : "no file at " + shader;
            throw top.error("shader", "an existing shader file in " + folder, found);
        }
        return shader;
    }

    private static Path relativeInsideFolder(Fields top, String name) throws ManifestException {
        String why = "a path relative to the artwork folder that stays inside it";
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw top.error("shader", why, Found.json(top.get("shader")) + " (not a valid path)");
        }
        // Absolute paths and ".." would make the piece depend on where it is installed, and a copy
        // of the folder to another gallery machine would then silently play something else.
        if (path.isAbsolute() || name.startsWith("/") || name.startsWith("\\")) {
            throw top.error("shader", why, Found.json(top.get("shader")) + " (an absolute path)");
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                throw top.error("shader", why, Found.json(top.get("shader")) + " (it leaves the folder with ..)");
            }
        }
        return path;
    }

    /**
     * One JSON object at a field path, read field by field. Every error it raises names the
     * manifest file and the field's full path. Lives for one object of one load.
     */
    private static final class Fields {

        private final Path file;
        private final String path;
        private final JsonNode node;

        private Fields(Path file, String path, JsonNode node) {
            this.file = file;
            this.path = path;
            this.node = node;
        }

        /** The object at {@code path}; {@code what} describes the object for the error. */
        static Fields of(Path file, String path, JsonNode node, String what) throws ManifestException {
            if (node == null || !node.isObject()) {
                throw ManifestException.field(file, path, what, Found.json(node));
            }
            return new Fields(file, path, node);
        }

        /** Refuses any field not in {@code allowed}: a typo must not silently fall back to a default. */
        void allowOnly(List<String> allowed) throws ManifestException {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw ManifestException.unknownField(file, pathOf(name), Found.suggestion(name, allowed),
                            String.join(", ", allowed));
                }
            }
        }

        String pathOf(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        JsonNode get(String field) {
            return node.get(field);
        }

        boolean has(String field) {
            return node.has(field);
        }

        ManifestException error(String field, String expected, String found) {
            return ManifestException.field(file, pathOf(field), expected, found);
        }

        /** The field's value, or an error saying it is required and what it should be. */
        JsonNode required(String field, String expected) throws ManifestException {
            JsonNode value = node.get(field);
            if (value == null) {
                throw error(field, expected, Found.MISSING);
            }
            return value;
        }

        String requiredText(String field) throws ManifestException {
            String expected = "a non-blank string";
            JsonNode value = required(field, expected);
            if (!value.isTextual() || value.textValue().isBlank()) {
                throw error(field, expected, Found.json(value));
            }
            return value.textValue();
        }

        String optionalText(String field) throws ManifestException {
            JsonNode value = node.get(field);
            if (value == null) {
                return "";
            }
            if (!value.isTextual()) {
                throw error(field, "a string", Found.json(value));
            }
            return value.textValue();
        }

        int requiredInt(String field, int min, int max) throws ManifestException {
            String expected = "an integer from " + min + " to " + max;
            return integerIn(required(field, expected), field, min, max, expected);
        }

        /** The field as an integer in {@code min..max}, or {@code fallback} when absent. */
        int optionalInt(String field, int min, int max, int fallback, String expected) throws ManifestException {
            JsonNode value = node.get(field);
            return value == null ? fallback : integerIn(value, field, min, max, expected);
        }

        private int integerIn(JsonNode value, String field, int min, int max, String expected)
                throws ManifestException {
            if (!Found.isIntegral(value) || value.doubleValue() < min || value.doubleValue() > max) {
                throw error(field, expected, Found.json(value));
            }
            return value.intValue();
        }
    }

    /**
     * Reads the {@code parameters} array into specs, checking names, types, ranges and defaults.
     * Lives for one load.
     */
    private static final class ParameterReader {

        private static final List<String> FIELDS =
                List.of("name", "type", "min", "max", "default", "unit", "description");
        private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        /** Uniforms the engine itself sets on every shader; a parameter may not shadow them. */
        private static final List<String> ENGINE_UNIFORMS = List.of("TIME", "RENDERSIZE", "FRAMEINDEX");

        private final Path file;
        private final Map<String, String> pathByName = new HashMap<>();

        ParameterReader(Path file) {
            this.file = file;
        }

        List<ParameterSpec> readAll(Fields top) throws ManifestException {
            JsonNode array = top.get("parameters");
            if (array == null) {
                return List.of(); // a piece driven only by time needs no parameters
            }
            if (!array.isArray()) {
                throw top.error("parameters", "an array of parameter objects [ {\"name\": ...} ]", Found.json(array));
            }
            List<ParameterSpec> specs = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String path = "parameters[" + i + "]";
                specs.add(read(Fields.of(file, path, array.get(i), "a parameter object {\"name\": ...}")));
            }
            return specs;
        }

        private ParameterSpec read(Fields f) throws ManifestException {
            f.allowOnly(FIELDS);
            String name = name(f);
            ParameterType type = type(f);
            Range range = range(f, type);
            float[] defaultValue = defaultValue(f, type, range);
            return new ParameterSpec(name, type, range.min, range.max, defaultValue,
                    f.optionalText("unit"), f.optionalText("description"));
        }

        private String name(Fields f) throws ManifestException {
            String expected = "a GLSL identifier (letters, digits, _; not starting with a digit)";
            JsonNode value = f.required("name", expected);
            if (!value.isTextual() || !IDENTIFIER.matcher(value.textValue()).matches()) {
                throw f.error("name", expected, Found.json(value));
            }
            String name = value.textValue();
            checkNotReserved(f, name);
            String earlier = pathByName.putIfAbsent(name, f.path);
            if (earlier != null) {
                throw f.error("name", "a name no other parameter uses",
                        Found.json(value) + " (already the name of " + earlier + ")");
            }
            return name;
        }

        private static void checkNotReserved(Fields f, String name) throws ManifestException {
            String expected = "a name the shader may declare";
            if (name.startsWith("gl_")) {
                throw f.error("name", expected, "\"" + name + "\" (names starting with gl_ are reserved by GLSL)");
            }
            if (name.contains("__")) {
                throw f.error("name", expected, "\"" + name + "\" (names containing __ are reserved by GLSL)");
            }
            if (GlslKeywords.contains(name)) {
                throw f.error("name", expected, "\"" + name + "\" (a reserved GLSL keyword)");
            }
            if (ENGINE_UNIFORMS.contains(name)) {
                throw f.error("name", expected, "\"" + name + "\" (reserved: the engine sets the uniform "
                        + name + " itself; its built-ins are " + String.join(", ", ENGINE_UNIFORMS) + ")");
            }
        }

        private static ParameterType type(Fields f) throws ManifestException {
            String expected = "one of " + ParameterType.manifestNames();
            JsonNode value = f.required("type", expected);
            Optional<ParameterType> type = value.isTextual()
                    ? ParameterType.fromManifestName(value.textValue()) : Optional.empty();
            if (type.isEmpty()) {
                throw f.error("type", expected, Found.json(value));
            }
            return type.get();
        }

        private static Range range(Fields f, ParameterType type) throws ManifestException {
            // A bool is a switch and a colour a 0..1 RGBA value: their range goes without saying.
            boolean implicit = type == ParameterType.BOOL || type == ParameterType.COLOR;
            String noun = type == ParameterType.INT ? "an integer" : "a number";
            float min = bound(f, "min", type, implicit, 0f, noun);
            String atLeastMin = noun + " >= min (" + show(min, type) + ")";
            float max = bound(f, "max", type, implicit, 1f, atLeastMin);
            if (max < min) {
                throw f.error("max", atLeastMin, Found.json(f.get("max")));
            }
            return new Range(min, max);
        }

        private static float bound(Fields f, String field, ParameterType type, boolean implicit,
                                   float fallback, String expected) throws ManifestException {
            if (implicit && !f.has(field)) {
                return fallback;
            }
            return number(f, field, f.required(field, expected), type, expected);
        }

        private static float[] defaultValue(Fields f, ParameterType type, Range range) throws ManifestException {
            int components = type.components();
            if (components == 1) {
                JsonNode value = f.required("default", scalarExpectation(type, range));
                return new float[] {scalarDefault(f, "default", value, type, range)};
            }
            String expected = "an array of " + components + " numbers " + shapeOf(type);
            JsonNode value = f.required("default", expected);
            if (!value.isArray() || value.size() != components) {
                throw f.error("default", expected, Found.json(value));
            }
            float[] result = new float[components];
            for (int c = 0; c < components; c++) {
                result[c] = scalarDefault(f, "default[" + c + "]", value.get(c), type, range);
            }
            return result;
        }

        private static float scalarDefault(Fields f, String field, JsonNode value, ParameterType type,
                                           Range range) throws ManifestException {
            String expected = scalarExpectation(type, range);
            float v;
            if (type == ParameterType.BOOL && value.isBoolean()) {
                v = value.booleanValue() ? 1f : 0f;
            } else if (type == ParameterType.BOOL && !(Found.isIntegral(value) && isZeroOrOne(value))) {
                throw f.error(field, expected, Found.json(value));
            } else {
                v = number(f, field, value, type, expected);
            }
            if (v < range.min || v > range.max) {
                throw f.error(field, expected, Found.json(value));
            }
            return v;
        }

        private static boolean isZeroOrOne(JsonNode value) {
            return value.doubleValue() == 0.0 || value.doubleValue() == 1.0;
        }

        private static String scalarExpectation(ParameterType type, Range range) {
            String within = " within [" + show(range.min, type) + ", " + show(range.max, type) + "]";
            return switch (type) {
                case BOOL -> "true, false, 0 or 1" + within;
                case INT -> "an integer" + within;
                default -> "a number" + within;
            };
        }

        private static String shapeOf(ParameterType type) {
            return switch (type) {
                case VEC2 -> "[x, y]";
                case VEC3 -> "[x, y, z]";
                case COLOR -> "[r, g, b, a]";
                default -> "";
            };
        }

        /** A JSON number as a float; int parameters also require an integral value. */
        private static float number(Fields f, String field, JsonNode value, ParameterType type, String expected)
                throws ManifestException {
            boolean ok = value != null && value.isNumber()
                    && (type != ParameterType.INT || Found.isIntegral(value))
                    && Float.isFinite((float) value.doubleValue());
            if (!ok) {
                throw f.error(field, expected, Found.json(value));
            }
            return (float) value.doubleValue();
        }

        private static String show(float value, ParameterType type) {
            return type == ParameterType.INT || type == ParameterType.BOOL
                    ? Long.toString((long) value) : Float.toString(value);
        }

        private record Range(float min, float max) {
        }
    }

    /**
     * Reads the {@code osc} array into binding specs, resolving each against the declared
     * parameters. Lives for one load.
     */
    private static final class OscBindingReader {

        private static final List<String> FIELDS = List.of("address", "parameter", "component", "input");
        /** OSC 1.0 pattern characters, plus '#' (reserved for bundles) and ',' (type tags). */
        private static final String PATTERN_CHARACTERS = "#*,?[]{}";

        private final Path file;
        private final Map<String, ParameterSpec> parameters = new LinkedHashMap<>();
        private final Map<String, String> pathByAddress = new HashMap<>();

        OscBindingReader(Path file, List<ParameterSpec> declared) {
            this.file = file;
            for (ParameterSpec spec : declared) {
                parameters.put(spec.name(), spec);
            }
        }

        List<OscBindingSpec> readAll(Fields top) throws ManifestException {
            JsonNode array = top.get("osc");
            if (array == null) {
                return List.of();
            }
            if (!array.isArray()) {
                throw top.error("osc", "an array of bindings [ {\"address\": ...} ]", Found.json(array));
            }
            List<OscBindingSpec> bindings = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String path = "osc[" + i + "]";
                bindings.add(read(Fields.of(file, path, array.get(i), "a binding object {\"address\": ...}")));
            }
            return bindings;
        }

        private OscBindingSpec read(Fields f) throws ManifestException {
            f.allowOnly(FIELDS);
            String address = address(f);
            ParameterSpec parameter = parameter(f);
            int components = parameter.type().components();
            String expected = "an integer from 0 to " + (components - 1) + " (" + parameter.name() + " is a "
                    + parameter.type().manifestName() + " with " + components + " component"
                    + (components == 1 ? "" : "s") + ")";
            int component = f.optionalInt("component", 0, components - 1, 0, expected);
            float[] input = input(f, parameter);
            return new OscBindingSpec(address, parameter.name(), component, input[0], input[1]);
        }

        private String address(Fields f) throws ManifestException {
            String expected = "a literal OSC address like \"/vernissage/piece/energy\"";
            JsonNode value = f.required("address", expected);
            if (!value.isTextual()) {
                throw f.error("address", expected, Found.json(value));
            }
            String address = value.textValue();
            String problem = addressProblem(address);
            if (problem != null) {
                throw f.error("address", expected, Found.json(value) + " (" + problem + ")");
            }
            String earlier = pathByAddress.putIfAbsent(address, f.path);
            if (earlier != null) {
                throw f.error("address", "an address no other binding uses",
                        Found.json(value) + " (already bound by " + earlier + ")");
            }
            return address;
        }

        /** Why {@code address} is not a literal OSC address, or null when it is one. */
        private static String addressProblem(String address) {
            if (!address.startsWith("/")) {
                return "it must start with '/'";
            }
            for (int i = 0; i < address.length(); i++) {
                char c = address.charAt(i);
                if (Character.isWhitespace(c) || c < 0x20 || c > 0x7e) {
                    return "it must not contain spaces or non-ASCII characters";
                }
                if (PATTERN_CHARACTERS.indexOf(c) >= 0) {
                    return "'" + c + "' is an OSC pattern character; pattern bindings are not supported yet";
                }
            }
            if (address.contains("//")) {
                return "'//' is an OSC 1.1 path wildcard; pattern bindings are not supported yet";
            }
            return null;
        }

        private ParameterSpec parameter(Fields f) throws ManifestException {
            String declared = parameters.isEmpty() ? "none are declared" : String.join(", ", parameters.keySet());
            String expected = "the name of a declared parameter (" + declared + ")";
            JsonNode value = f.required("parameter", expected);
            ParameterSpec spec = value.isTextual() ? parameters.get(value.textValue()) : null;
            if (spec == null) {
                String hint = value.isTextual()
                        ? Found.suggestion(value.textValue(), List.copyOf(parameters.keySet())) : "";
                throw f.error("parameter", expected, Found.json(value) + hint);
            }
            return spec;
        }

        private static float[] input(Fields f, ParameterSpec parameter) throws ManifestException {
            String expected = "[lo, hi]: two numbers with lo != hi";
            JsonNode value = f.get("input");
            if (value == null) {
                if (parameter.min() == parameter.max()) {
                    // The default maps the parameter's own range, which is empty here.
                    throw f.error("input", expected + " (" + parameter.name() + " has min == max, so an input"
                            + " range must be given)", Found.MISSING);
                }
                return new float[] {parameter.min(), parameter.max()};
            }
            if (!value.isArray() || value.size() != 2 || !isFiniteNumber(value.get(0))
                    || !isFiniteNumber(value.get(1))) {
                throw f.error("input", expected, Found.json(value));
            }
            float lo = (float) value.get(0).doubleValue();
            float hi = (float) value.get(1).doubleValue();
            if (lo == hi) {
                throw f.error("input", expected, Found.json(value));
            }
            return new float[] {lo, hi};
        }

        private static boolean isFiniteNumber(JsonNode value) {
            return value.isNumber() && Float.isFinite((float) value.doubleValue());
        }
    }

    /** How a found value is shown in a message: as the artist wrote it, short and on one line. */
    private static final class Found {

        static final String MISSING = "nothing (the field is missing)";
        private static final int MAX_SHOWN = 60;
        private static final Pattern JACKSON_SOURCE =
                Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

        private Found() {
        }

        static String json(JsonNode value) {
            if (value == null) {
                return MISSING;
            }
            String text = value.toString();
            return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
        }

        static boolean isIntegral(JsonNode value) {
            return value != null && value.isNumber() && value.canConvertToExactIntegral();
        }

        /** Jackson's message on one line, its source descriptions shortened to line:column. */
        static String oneLine(String message) {
            String text = message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
            Matcher source = JACKSON_SOURCE.matcher(text);
            return source.replaceAll("line $1, column $2");
        }

        /** {@code " (did you mean \"x\"?)"} for a near miss among {@code candidates}, else empty. */
        static String suggestion(String name, List<String> candidates) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String candidate : candidates) {
                int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
                if (distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
            int allowed = name.length() <= 3 ? 1 : 2;
            return best != null && bestDistance <= allowed ? " (did you mean \"" + best + "\"?)" : "";
        }

        /** Optimal string alignment distance: a swap of two letters ("defualt") counts as one edit. */
        private static int distance(String a, String b) {
            int[][] d = new int[a.length() + 1][b.length() + 1];
            for (int i = 0; i <= a.length(); i++) {
                d[i][0] = i;
            }
            for (int j = 0; j <= b.length(); j++) {
                d[0][j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                    if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                    }
                }
            }
            return d[a.length()][b.length()];
        }
    }

    /** The GLSL 3.30 keywords and reserved words: none may name a uniform. */
    private static final class GlslKeywords {

        private static final Set<String> WORDS = Set.of(
                // keywords
                "attribute", "const", "uniform", "varying", "layout", "centroid", "flat", "smooth",
                "noperspective", "break", "continue", "do", "for", "while", "switch", "case", "default",
                "if", "else", "in", "out", "inout", "float", "int", "void", "bool", "true", "false",
                "invariant", "discard", "return", "mat2", "mat3", "mat4", "mat2x2", "mat2x3", "mat2x4",
                "mat3x2", "mat3x3", "mat3x4", "mat4x2", "mat4x3", "mat4x4", "vec2", "vec3", "vec4",
                "ivec2", "ivec3", "ivec4", "bvec2", "bvec3", "bvec4", "uint", "uvec2", "uvec3", "uvec4",
                "lowp", "mediump", "highp", "precision", "sampler1D", "sampler2D", "sampler3D",
                "samplerCube", "sampler1DShadow", "sampler2DShadow", "samplerCubeShadow",
                "sampler1DArray", "sampler2DArray", "sampler1DArrayShadow", "sampler2DArrayShadow",
                "isampler1D", "isampler2D", "isampler3D", "isamplerCube", "isampler1DArray",
                "isampler2DArray", "usampler1D", "usampler2D", "usampler3D", "usamplerCube",
                "usampler1DArray", "usampler2DArray", "sampler2DRect", "sampler2DRectShadow",
                "isampler2DRect", "usampler2DRect", "samplerBuffer", "isamplerBuffer", "usamplerBuffer",
                "sampler2DMS", "isampler2DMS", "usampler2DMS", "sampler2DMSArray", "isampler2DMSArray",
                "usampler2DMSArray", "struct",
                // reserved for future use
                "common", "partition", "active", "asm", "class", "union", "enum", "typedef", "template",
                "this", "packed", "goto", "inline", "noinline", "volatile", "public", "static", "extern",
                "external", "interface", "long", "short", "double", "half", "fixed", "unsigned",
                "superp", "input", "output", "hvec2", "hvec3", "hvec4", "dvec2", "dvec3", "dvec4",
                "fvec2", "fvec3", "fvec4", "sampler3DRect", "filter", "image1D", "image2D", "image3D",
                "imageCube", "iimage1D", "iimage2D", "iimage3D", "iimageCube", "uimage1D", "uimage2D",
                "uimage3D", "uimageCube", "image1DArray", "image2DArray", "iimage1DArray",
                "iimage2DArray", "uimage1DArray", "uimage2DArray", "image1DShadow", "image2DShadow",
                "image1DArrayShadow", "image2DArrayShadow", "imageBuffer", "iimageBuffer",
                "uimageBuffer", "sizeof", "cast", "namespace", "using", "row_major",
                // keywords of later GLSL versions, so a piece can move to #version 4xx unchanged
                "patch", "sample", "subroutine", "precise", "buffer", "shared", "coherent", "restrict",
                "readonly", "writeonly", "atomic_uint", "dmat2", "dmat3", "dmat4", "resource");

        private GlslKeywords() {
        }

        static boolean contains(String name) {
            return WORDS.contains(name);
        }
    }
}
