package org.vernissage.showcontrol.oscquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;

/**
 * The OSCQuery namespace of a run (Vidvox's proposal): a tree of containers down to one node per
 * parameter at {@code /vernissage/<artwork id>/<name>} (the address the engine's OSC endpoint
 * takes it at), plus the control methods the wiring adds. Each node renders as JSON with the
 * proposal's attributes: {@code FULL_PATH}, {@code CONTENTS}, {@code DESCRIPTION}, {@code ACCESS}
 * (0 container, 2 write-only, 3 read-write), and for a parameter {@code TYPE}, {@code VALUE}
 * (from a {@link ParameterMirror}), {@code RANGE}, {@code CLIPMODE} and {@code UNIT}.
 *
 * <p>Types, matching what the engine's OSC endpoint takes: float {@code f}, int {@code i}, bool
 * {@code T} (a value true or false; {@code F} is accepted too), vec2 / vec3 {@code ff} /
 * {@code fff}, colour {@code ffff} (r, g, b, a in 0..1), event {@code I} (an impulse: any message is
 * one trigger; write-only, no value).
 *
 * <p>Immutable after construction (on the wiring thread); {@link #render} is called on the server's
 * event loop and allocates the JSON of one answer (an HTTP request, not a hot path).
 */
public final class OscQueryNamespace {

    /** The attributes a node may have; a query for another is a bad request. */
    static final Set<String> ATTRIBUTES = Set.of("FULL_PATH", "CONTENTS", "TYPE", "VALUE", "RANGE", "UNIT",
            "DESCRIPTION", "ACCESS", "CLIPMODE");

    static final int ACCESS_NONE = 0;
    static final int ACCESS_WRITE = 2;
    static final int ACCESS_READ_WRITE = 3;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Node root = new Node("/", "");
    private final String artworkId;
    private final String title;
    private final ParameterLayout layout;
    private final Map<String, Node> byPath = new LinkedHashMap<>();

    /** One node: a container, a parameter ({@code parameter >= 0}) or a method. */
    private static final class Node {
        final String path;
        final String name;
        final Map<String, Node> contents = new LinkedHashMap<>();
        String description = "";
        int parameter = -1;
        OscQueryMethod method;

        Node(String path, String name) {
            this.path = path;
            this.name = name;
        }
    }

    /**
     * @param artworkId the artwork's id (as the OSC endpoint uses it)
     * @param title the artwork's title, describing its container
     * @param methods control addresses to list besides the parameters (may be empty)
     * @throws IllegalArgumentException when a method's path is a parameter's or a container's
     */
    public OscQueryNamespace(String artworkId, String title, ParameterLayout layout, List<OscQueryMethod> methods) {
        this.artworkId = artworkId;
        this.title = title;
        this.layout = layout;
        root.description = "Vernissage";
        byPath.put("/", root);
        Node vernissage = child(root, "vernissage");
        vernissage.description = "the artwork's parameters";
        Node artwork = child(vernissage, artworkId);
        artwork.description = title;
        List<ParameterSpec> specs = layout.specs();
        for (int p = 0; p < specs.size(); p++) {
            Node node = child(artwork, specs.get(p).name());
            node.parameter = p;
            node.description = specs.get(p).description();
        }
        for (OscQueryMethod method : methods) {
            Node node = root;
            for (String part : method.path().substring(1).split("/")) {
                node = child(node, part);
            }
            if (node.parameter >= 0 || node.method != null || !node.contents.isEmpty()) {
                throw new IllegalArgumentException("OSCQuery method " + method.path()
                        + " is already in the namespace (a parameter, a container or another method)");
            }
            node.method = method;
            node.description = method.description();
        }
    }

    private Node child(Node parent, String name) {
        Node existing = parent.contents.get(name);
        if (existing != null) {
            return existing;
        }
        Node node = new Node(parent.path.equals("/") ? "/" + name : parent.path + "/" + name, name);
        parent.contents.put(name, node);
        byPath.put(node.path, node);
        return node;
    }

    /**
     * The same parameters with {@code methods} instead of this namespace's.
     *
     * @throws IllegalArgumentException as the constructor
     */
    public OscQueryNamespace withMethods(List<OscQueryMethod> methods) {
        return new OscQueryNamespace(artworkId, title, layout, methods);
    }

    /** Every node's path, each container before what it contains. */
    public List<String> paths() {
        return List.copyOf(byPath.keySet());
    }

    /** Whether {@code path} is a node of the namespace. */
    public boolean has(String path) {
        return byPath.containsKey(normalise(path));
    }

    /** The parameter index at {@code path}, or -1 (a container, a method, or no node). */
    public int parameterAt(String path) {
        Node node = byPath.get(normalise(path));
        return node == null ? -1 : node.parameter;
    }

    /** Every parameter node's path, in parameter order. */
    public List<String> parameterPaths() {
        List<String> paths = new ArrayList<>();
        for (Node node : byPath.values()) {
            if (node.parameter >= 0) {
                paths.add(node.path);
            }
        }
        return paths;
    }

    /** The full path of parameter {@code parameter}. */
    public String pathOf(int parameter) {
        for (Node node : byPath.values()) {
            if (node.parameter == parameter) {
                return node.path;
            }
        }
        throw new IllegalArgumentException("no parameter " + parameter);
    }

    /** The node at {@code path} with its whole subtree and current values; empty when there is none. */
    public Optional<ObjectNode> render(String path, ParameterMirror values) {
        Node node = byPath.get(normalise(path));
        return node == null ? Optional.empty() : Optional.of(render(node, values));
    }

    private static String normalise(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private ObjectNode render(Node node, ParameterMirror values) {
        ObjectNode json = JSON.objectNode();
        json.put("FULL_PATH", node.path);
        if (!node.description.isEmpty()) {
            json.put("DESCRIPTION", node.description);
        }
        if (node.parameter >= 0) {
            describeParameter(json, node.parameter, values);
        } else if (node.method != null) {
            json.put("ACCESS", ACCESS_WRITE);
            if (!node.method.typeTags().isEmpty()) {
                json.put("TYPE", node.method.typeTags());
            }
        } else {
            json.put("ACCESS", ACCESS_NONE);
        }
        if (!node.contents.isEmpty()) {
            ObjectNode contents = json.putObject("CONTENTS");
            for (Node child : node.contents.values()) {
                contents.set(child.name, render(child, values));
            }
        }
        return json;
    }

    private void describeParameter(ObjectNode json, int parameter, ParameterMirror values) {
        ParameterSpec spec = layout.specs().get(parameter);
        ParameterType type = spec.type();
        json.put("TYPE", typeTags(type));
        if (type == ParameterType.EVENT) {
            json.put("ACCESS", ACCESS_WRITE);
            return;
        }
        json.put("ACCESS", ACCESS_READ_WRITE);
        json.set("VALUE", value(parameter, values));
        if (type != ParameterType.BOOL) {
            ArrayNode range = json.putArray("RANGE");
            ArrayNode clip = json.putArray("CLIPMODE");
            for (int c = 0; c < type.components(); c++) {
                ObjectNode bounds = range.addObject();
                if (type == ParameterType.INT) {
                    bounds.put("MIN", Math.round(spec.min()));
                    bounds.put("MAX", Math.round(spec.max()));
                } else {
                    bounds.put("MIN", spec.min());
                    bounds.put("MAX", spec.max());
                }
                clip.add("both"); // the conductor clamps every set to the declared range
            }
        }
        if (!spec.unit().isEmpty()) {
            ArrayNode unit = json.putArray("UNIT");
            for (int c = 0; c < type.components(); c++) {
                unit.add(spec.unit());
            }
        }
    }

    /** The {@code VALUE} array of {@code parameter}: one JSON value per OSC argument. */
    ArrayNode value(int parameter, ParameterMirror values) {
        ParameterType type = layout.specs().get(parameter).type();
        int slot = layout.offset(parameter);
        ArrayNode value = JSON.arrayNode();
        switch (type) {
            case INT -> value.add(Math.round(values.value(slot)));
            case BOOL -> value.add(values.value(slot) >= 0.5f);
            case EVENT -> { }
            default -> {
                for (int c = 0; c < type.components(); c++) {
                    value.add(values.value(slot + c));
                }
            }
        }
        return value;
    }

    /** The OSC type tags of a parameter of {@code type}, as the engine's endpoint takes it. */
    static String typeTags(ParameterType type) {
        return switch (type) {
            case FLOAT -> "f";
            case INT -> "i";
            case BOOL -> "T";
            case VEC2 -> "ff";
            case VEC3 -> "fff";
            case COLOR -> "ffff";
            case EVENT -> "I";
        };
    }

    /** The {@code HOST_INFO} object. */
    static ObjectNode hostInfo(OscQueryHostInfo info) {
        ObjectNode json = JSON.objectNode();
        json.put("NAME", info.name());
        ObjectNode extensions = json.putObject("EXTENSIONS");
        for (String supported : List.of("ACCESS", "VALUE", "RANGE", "DESCRIPTION", "UNIT", "CLIPMODE", "LISTEN",
                "PATH_ADDED", "PATH_REMOVED")) {
            extensions.put(supported, true);
        }
        for (String unsupported : List.of("TAGS", "EXTENDED_TYPE", "CRITICAL", "OVERLOADS", "HTML",
                "PATH_CHANGED", "PATH_RENAMED")) {
            extensions.put(unsupported, false);
        }
        info.oscHost().ifPresent(host -> json.put("OSC_IP", host));
        info.oscPort().ifPresent(port -> json.put("OSC_PORT", port));
        if (info.oscPort().isPresent()) {
            json.put("OSC_TRANSPORT", "UDP");
        }
        return json;
    }

    /** {@code node}'s attribute {@code attribute} alone, e.g. {"VALUE": [0.5]}; empty when the node lacks it. */
    static Optional<JsonNode> attribute(ObjectNode node, String attribute) {
        JsonNode value = node.get(attribute);
        if (value == null) {
            return Optional.empty();
        }
        ObjectNode only = JSON.objectNode();
        only.set(attribute, value);
        return Optional.of(only);
    }
}
