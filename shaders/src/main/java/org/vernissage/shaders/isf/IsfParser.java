package org.vernissage.shaders.isf;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vernissage.shaders.ShaderSourceException;

/**
 * Reads the JSON header at the top of an ISF {@code .fs} file (the first comment,
 * {@code /*{ ... }*}{@code /}) into an {@link IsfDocument}, checking every field it knows. Unknown
 * top-level keys are ignored, as ISF hosts do; a known key of the wrong shape is an error naming
 * its JSON path ({@code INPUTS[2].TYPE}) and what was expected.
 *
 * <p>Stateless apart from its Jackson mapper (thread-safe once built): one instance may serve
 * every load, on any thread.
 */
public final class IsfParser {

    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "1");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "0");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .enable(JsonParser.Feature.ALLOW_TRAILING_COMMA)
            .build();

    /** Where the header lies in a file's text. */
    record Header(String json, int firstLine) {
    }

    /**
     * @param file the {@code .fs} file, as messages name it (its folder resolves IMPORTED paths)
     * @param text the file's whole text
     * @throws ShaderSourceException when the file has no header or a field is wrong; one line
     *     naming the file, the line or JSON path, and what was expected
     */
    public IsfDocument parse(Path file, String text) throws ShaderSourceException {
        Header header = findHeader(file, text);
        JsonNode root;
        try {
            root = mapper.readTree(header.json());
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            int line = where == null ? header.firstLine() : header.firstLine() + where.getLineNr() - 1;
            throw new ShaderSourceException(file.toString(), line, "the ISF header is not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + " (expected /*{ \"INPUTS\": [...] }*/)", e);
        }
        return new Reader(file, root).read();
    }

    static Header findHeader(Path file, String text) throws ShaderSourceException {
        int open = text.indexOf("/*");
        String before = open < 0 ? text : text.substring(0, open);
        if (open < 0 || !before.isBlank() && !before.strip().startsWith("//")) {
            throw new ShaderSourceException(file.toString(), 1,
                    "no ISF header: expected the file to start with a comment /*{ ... }*/ holding its JSON", null);
        }
        int close = text.indexOf("*/", open + 2);
        if (close < 0) {
            throw new ShaderSourceException(file.toString(), lineOf(text, open),
                    "the ISF header comment never ends (expected */ after the JSON)", null);
        }
        return new Header(text.substring(open + 2, close), lineOf(text, open));
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Reads one header; one per parse. */
    private static final class Reader {
        private final Path file;
        private final JsonNode root;

        Reader(Path file, JsonNode root) {
            this.file = file;
            this.root = root;
        }

        IsfDocument read() throws ShaderSourceException {
            if (!root.isObject()) {
                throw error("the header", "a JSON object { ... }, found " + kind(root));
            }
            int version = version();
            List<IsfInput> inputs = inputs();
            Set<String> names = new HashSet<>();
            for (IsfInput input : inputs) {
                names.add(input.name());
            }
            List<IsfImport> imports = imports(names);
            List<IsfPass> passes = passes(version, names);
            return new IsfDocument(file, version, text("DESCRIPTION"), text("CREDIT"), strings("CATEGORIES"),
                    inputs, passes, imports, kindOf(inputs));
        }

        private int version() throws ShaderSourceException {
            JsonNode vsn = root.get("ISFVSN");
            if (vsn == null || vsn.isNull()) {
                return 1;
            }
            String shown = vsn.asText().strip();
            if (shown.startsWith("2")) {
                return 2;
            }
            if (shown.startsWith("1")) {
                return 1;
            }
            throw error("ISFVSN", "\"2.0\" (or no ISFVSN for a version 1 file), found " + vsn);
        }

        private String text(String key) throws ShaderSourceException {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                return "";
            }
            if (!node.isValueNode()) {
                throw error(key, "a string, found " + kind(node));
            }
            return node.asText();
        }

        private List<String> strings(String key) throws ShaderSourceException {
            JsonNode node = root.get(key);
            List<String> out = new ArrayList<>();
            if (node == null || node.isNull()) {
                return out;
            }
            if (!node.isArray()) {
                throw error(key, "an array of strings, found " + kind(node));
            }
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isTextual()) {
                    throw error(key + "[" + i + "]", "a string, found " + kind(node.get(i)));
                }
                out.add(node.get(i).asText());
            }
            return out;
        }

        private List<IsfInput> inputs() throws ShaderSourceException {
            JsonNode node = root.get("INPUTS");
            List<IsfInput> out = new ArrayList<>();
            if (node == null || node.isNull()) {
                return out;
            }
            if (!node.isArray()) {
                throw error("INPUTS", "an array of inputs, found " + kind(node));
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                IsfInput input = input("INPUTS[" + i + "]", node.get(i));
                if (!seen.add(input.name())) {
                    throw error("INPUTS[" + i + "].NAME", "a name no other input has, found \"" + input.name()
                            + "\" twice");
                }
                out.add(input);
            }
            return out;
        }

        private IsfInput input(String path, JsonNode node) throws ShaderSourceException {
            if (!node.isObject()) {
                throw error(path, "an object {\"NAME\": ..., \"TYPE\": ...}, found " + kind(node));
            }
            String name = identifier(path + ".NAME", node.get("NAME"));
            JsonNode typeNode = node.get("TYPE");
            if (typeNode == null || !typeNode.isTextual()) {
                throw error(path + ".TYPE", "one of " + IsfInputType.isfNames() + ", found " + kind(typeNode));
            }
            IsfInputType type = IsfInputType.fromIsfName(typeNode.asText()).orElseThrow(() -> error(path + ".TYPE",
                    "one of " + IsfInputType.isfNames() + ", found \"" + typeNode.asText() + "\""));
            int components = switch (type) {
                case POINT2D -> 2;
                case COLOR -> 4;
                default -> 1;
            };
            String label = node.hasNonNull("LABEL") ? node.get("LABEL").asText() : name;
            List<Integer> values = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            if (type == IsfInputType.LONG) {
                for (float value : numbers(path + ".VALUES", node.get("VALUES"), -1)) {
                    values.add(Math.round(value));
                }
                JsonNode labelNode = node.get("LABELS");
                if (labelNode != null && labelNode.isArray()) {
                    labelNode.forEach(each -> labels.add(each.asText()));
                }
                if (!labels.isEmpty() && labels.size() != values.size()) {
                    throw error(path + ".LABELS", values.size() + " labels, one per value, found " + labels.size());
                }
            }
            return new IsfInput(name, type, label,
                    numbers(path + ".DEFAULT", node.get("DEFAULT"), components),
                    numbers(path + ".MIN", node.get("MIN"), components),
                    numbers(path + ".MAX", node.get("MAX"), components),
                    numbers(path + ".IDENTITY", node.get("IDENTITY"), components), values, labels);
        }

        /**
         * A number, a boolean or an array of them, as floats; {@code components} is how many an
         * array must hold (a colour may give 3, alpha 1), or -1 for any number.
         */
        private float[] numbers(String path, JsonNode node, int components) throws ShaderSourceException {
            if (node == null || node.isNull()) {
                return new float[0];
            }
            if (node.isArray()) {
                boolean colorWithoutAlpha = components == 4 && node.size() == 3;
                if (components >= 0 && node.size() != components && !colorWithoutAlpha) {
                    throw error(path, components + " numbers, found " + node.size());
                }
                float[] out = new float[colorWithoutAlpha ? 4 : node.size()];
                out[out.length - 1] = 1f;
                for (int i = 0; i < node.size(); i++) {
                    out[i] = number(path + "[" + i + "]", node.get(i));
                }
                return out;
            }
            if (components > 1) {
                throw error(path, "an array of " + components + " numbers, found " + kind(node));
            }
            return new float[] {number(path, node)};
        }

        private float number(String path, JsonNode node) throws ShaderSourceException {
            if (node.isNumber()) {
                return node.floatValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue() ? 1f : 0f;
            }
            throw error(path, "a number, found " + kind(node));
        }

        private List<IsfImport> imports(Set<String> names) throws ShaderSourceException {
            JsonNode node = root.get("IMPORTED");
            List<IsfImport> out = new ArrayList<>();
            if (node == null || node.isNull()) {
                return out;
            }
            Path folder = file.toAbsolutePath().getParent();
            if (node.isObject()) {
                // Version 2: {"name": {"PATH": "file.png"}}.
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    out.add(importOf("IMPORTED." + entry.getKey(), entry.getKey(), entry.getValue(), folder, names));
                }
            } else if (node.isArray()) {
                // Version 1: [{"NAME": "name", "PATH": "file.png"}].
                for (int i = 0; i < node.size(); i++) {
                    String path = "IMPORTED[" + i + "]";
                    String name = identifier(path + ".NAME", node.get(i).get("NAME"));
                    out.add(importOf(path, name, node.get(i), folder, names));
                }
            } else {
                throw error("IMPORTED", "an object {\"name\": {\"PATH\": \"file.png\"}}, found " + kind(node));
            }
            return out;
        }

        private IsfImport importOf(String path, String name, JsonNode node, Path folder, Set<String> names)
                throws ShaderSourceException {
            identifier(path, new com.fasterxml.jackson.databind.node.TextNode(name));
            JsonNode file = node.get("PATH");
            if (file == null || !file.isTextual() || file.asText().isBlank()) {
                throw error(path + ".PATH", "the image file's name, found " + kind(file));
            }
            if (!names.add(name)) {
                throw error(path, "a name no input or other image has, found \"" + name + "\" twice");
            }
            return new IsfImport(name, folder.resolve(file.asText()).normalize());
        }

        private List<IsfPass> passes(int version, Set<String> names) throws ShaderSourceException {
            Map<String, JsonNode> persistentBuffers = persistentBuffers();
            JsonNode node = root.get("PASSES");
            List<IsfPass> out = new ArrayList<>();
            if (node != null && !node.isNull() && !node.isArray()) {
                throw error("PASSES", "an array of passes, found " + kind(node));
            }
            int count = node == null || node.isNull() ? 0 : node.size();
            Set<String> targets = new HashSet<>();
            for (int i = 0; i < count; i++) {
                String path = "PASSES[" + i + "]";
                JsonNode pass = node.get(i);
                if (!pass.isObject()) {
                    throw error(path, "an object, found " + kind(pass));
                }
                Optional<String> target = pass.hasNonNull("TARGET")
                        ? Optional.of(identifier(path + ".TARGET", pass.get("TARGET"))) : Optional.empty();
                if (target.isPresent()) {
                    if (names.contains(target.get())) {
                        throw error(path + ".TARGET", "a name no input or imported image has, found \""
                                + target.get() + "\"");
                    }
                    if (!targets.add(target.get())) {
                        throw error(path + ".TARGET", "a buffer no earlier pass writes, found \""
                                + target.get() + "\" again");
                    }
                }
                // Version 1 kept a buffer's properties in PERSISTENT_BUFFERS; the pass has them in 2.
                JsonNode buffer = target.map(persistentBuffers::get).orElse(null);
                boolean persistent = flag(path + ".PERSISTENT", pass.get("PERSISTENT")) || buffer != null;
                boolean floating = flag(path + ".FLOAT", pass.get("FLOAT"))
                        || buffer != null && flag("PERSISTENT_BUFFERS." + target.get() + ".FLOAT", buffer.get("FLOAT"));
                Optional<IsfExpression> width = size(path + ".WIDTH", pass.get("WIDTH"), buffer, "WIDTH", names);
                Optional<IsfExpression> height = size(path + ".HEIGHT", pass.get("HEIGHT"), buffer, "HEIGHT", names);
                out.add(new IsfPass(target, persistent, floating, width, height));
            }
            if (out.isEmpty()) {
                out.add(new IsfPass(Optional.empty(), false, false, Optional.empty(), Optional.empty()));
            }
            if (version == 1) {
                for (String buffer : persistentBuffers.keySet()) {
                    if (!targets.contains(buffer)) {
                        throw error("PERSISTENT_BUFFERS." + buffer, "the TARGET of a pass (no pass draws into \""
                                + buffer + "\")");
                    }
                }
            }
            return out;
        }

        /** Version 1's PERSISTENT_BUFFERS: an array of names, or an object of name to properties. */
        private Map<String, JsonNode> persistentBuffers() throws ShaderSourceException {
            JsonNode node = root.get("PERSISTENT_BUFFERS");
            Map<String, JsonNode> out = new HashMap<>();
            if (node == null || node.isNull()) {
                return out;
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    out.put(identifier("PERSISTENT_BUFFERS[" + i + "]", node.get(i)), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    out.put(entry.getKey(), entry.getValue());
                }
            } else {
                throw error("PERSISTENT_BUFFERS", "an array of buffer names, found " + kind(node));
            }
            return out;
        }

        private Optional<IsfExpression> size(String path, JsonNode node, JsonNode buffer, String key,
                                              Set<String> names) throws ShaderSourceException {
            JsonNode given = node != null && !node.isNull() ? node : buffer == null ? null : buffer.get(key);
            if (given == null || given.isNull()) {
                return Optional.empty();
            }
            if (!given.isTextual() && !given.isNumber()) {
                throw error(path, "an expression like \"$WIDTH/2\" or a number, found " + kind(given));
            }
            IsfExpression expression;
            try {
                expression = IsfExpression.parse(given.asText());
            } catch (IllegalArgumentException e) {
                throw error(path, "an expression: " + e.getMessage());
            }
            for (String variable : expression.variables()) {
                if (!variable.equals("WIDTH") && !variable.equals("HEIGHT") && !isValueInput(variable)) {
                    throw error(path, "$WIDTH, $HEIGHT or the name of a number input in \"" + given.asText()
                            + "\", found $" + variable);
                }
            }
            return Optional.of(expression);
        }

        private boolean isValueInput(String name) {
            JsonNode inputs = root.get("INPUTS");
            if (inputs == null || !inputs.isArray()) {
                return false;
            }
            for (JsonNode input : inputs) {
                if (name.equals(input.path("NAME").asText())) {
                    return IsfInputType.fromIsfName(input.path("TYPE").asText()).map(t -> !t.isImage()).orElse(false);
                }
            }
            return false;
        }

        private boolean flag(String path, JsonNode node) throws ShaderSourceException {
            if (node == null || node.isNull()) {
                return false;
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isNumber()) {
                return node.doubleValue() != 0;
            }
            String word = node.asText().strip().toLowerCase(java.util.Locale.ROOT);
            if (TRUE_WORDS.contains(word)) {
                return true;
            }
            if (FALSE_WORDS.contains(word)) {
                return false;
            }
            throw error(path, "true or false, found " + node);
        }

        private String identifier(String path, JsonNode node) throws ShaderSourceException {
            if (node == null || !node.isTextual() || !node.asText().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw error(path, "a GLSL name (letters, digits, _), found " + kind(node));
            }
            return node.asText();
        }

        private static String kind(JsonNode node) {
            if (node == null || node.isMissingNode()) {
                return "nothing";
            }
            if (node.isTextual()) {
                return "\"" + node.asText() + "\"";
            }
            return node.isContainerNode() ? (node.isArray() ? "an array" : "an object") : node.toString();
        }

        private ShaderSourceException error(String path, String expected) {
            return new ShaderSourceException(file.toString(), 0, path + ": expected " + expected, null);
        }
    }

    private static IsfKind kindOf(List<IsfInput> inputs) {
        boolean start = false;
        boolean end = false;
        boolean progress = false;
        boolean input = false;
        for (IsfInput each : inputs) {
            switch (each.name()) {
                case "startImage" -> start = each.type() == IsfInputType.IMAGE;
                case "endImage" -> end = each.type() == IsfInputType.IMAGE;
                case "progress" -> progress = each.type() == IsfInputType.FLOAT;
                case "inputImage" -> input = each.type() == IsfInputType.IMAGE;
                default -> { }
            }
        }
        if (start && end && progress) {
            return IsfKind.TRANSITION;
        }
        return input ? IsfKind.FILTER : IsfKind.GENERATOR;
    }
}
