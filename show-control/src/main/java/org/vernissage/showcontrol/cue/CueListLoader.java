package org.vernissage.showcontrol.cue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;

/**
 * Reads an artwork's {@code cues.json} (beside its manifest) and resolves it against the artwork's
 * parameters. Every rule is checked here, at load, so a show never meets a bad cue while it runs:
 * the first broken rule is thrown as a {@link CueListException} naming the file, the cue (by
 * number and place) and the field, with what was expected and what was found.
 *
 * <pre>
 * { "cues": [
 *     { "number": "1", "name": "Dawn", "targets": { "energy": 0.2, "focus": [0.5, 0.5] },
 *       "fade": 4, "curve": "smoothstep", "preWait": 0, "postWait": 0,
 *       "continue": "none" | "auto-continue" | "auto-follow",
 *       "next": "1"                       (the playhead's next cue; a loop points back),
 *       "group": [ { cue }, ... ]         (children started with this cue) } ] }
 * </pre>
 *
 * <p>Used on the thread that loads the artwork; stateless.
 */
public final class CueListLoader {

    /** The file's name, beside {@code artwork.json}. */
    public static final String FILE_NAME = "cues.json";
    /** At most this many cues (children included): a console lists them all. */
    public static final int MAX_CUES = 4096;
    /** The longest fade, pre-wait or post-wait: a day (longer is surely a typo). */
    public static final double MAX_SECONDS = 86_400;

    private static final Set<String> CUE_FIELDS = Set.of("number", "name", "targets", "fade", "curve", "preWait",
            "postWait", "continue", "next", "group");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CueListLoader() {
    }

    /** The cues of the artwork in {@code folder}, or empty when it has no {@value #FILE_NAME}. */
    public static Optional<CueList> loadIfPresent(Path folder, ParameterLayout layout) throws CueListException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(load(file, layout));
    }

    /** Reads and checks {@code file}. */
    public static CueList load(Path file, ParameterLayout layout) throws CueListException {
        return parse(file, read(file), layout);
    }

    /** {@code file}'s text, as {@link #parse} takes it. */
    public static String read(Path file) throws CueListException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CueListException(file, "no such file", e);
        } catch (IOException e) {
            throw new CueListException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Checks {@code text}, read from {@code file} (named in every message). */
    public static CueList parse(Path file, String text, ParameterLayout layout) throws CueListException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CueListException(file, "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
        return new Reading(file, layout).read(root);
    }

    /** One load: the cues read so far and where the reading is. */
    private static final class Reading {
        private final Path file;
        private final ParameterLayout layout;
        private final List<Draft> drafts = new ArrayList<>();

        Reading(Path file, ParameterLayout layout) {
            this.file = file;
            this.layout = layout;
        }

        CueList read(JsonNode root) throws CueListException {
            if (root == null || !root.isObject()) {
                throw fail("", "expected an object { \"cues\": [...] }, found " + describe(root));
            }
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("cues")) {
                    throw fail(name, "unknown field; a cue file has only \"cues\"");
                }
            }
            JsonNode cues = root.get("cues");
            if (cues == null || !cues.isArray()) {
                throw fail("cues", "expected an array of cues, found " + describe(cues));
            }
            List<Integer> main = new ArrayList<>();
            for (int i = 0; i < cues.size(); i++) {
                main.add(readCue(cues.get(i), "cues[" + i + "]", -1));
            }
            Set<String> numbers = new HashSet<>();
            for (Draft d : drafts) {
                if (!numbers.add(d.number)) {
                    throw fail(d.where + ".number", "expected a number no other cue has, found \"" + d.number
                            + "\" a second time");
                }
            }
            resolveNext(main);
            List<Cue> resolved = new ArrayList<>();
            for (Draft d : drafts) {
                resolved.add(d.toCue());
            }
            CueList list = new CueList(resolved, main.isEmpty() ? -1 : main.get(0));
            refuseTimelessLoops(list);
            return list;
        }

        private int readCue(JsonNode node, String path, int parent) throws CueListException {
            if (node == null || !node.isObject()) {
                throw fail(path, "expected a cue object, found " + describe(node));
            }
            if (drafts.size() >= MAX_CUES) {
                throw fail(path, "expected at most " + MAX_CUES + " cues");
            }
            String number = readNumber(node, path);
            String where = "cue \"" + number + "\" (" + path + ")";
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!CUE_FIELDS.contains(name)) {
                    throw fail(where + "." + name, "unknown field; a cue has " + String.join(", ",
                            new java.util.TreeSet<>(CUE_FIELDS)));
                }
            }
            Draft d = new Draft(drafts.size(), number, where, parent);
            drafts.add(d);
            d.name = optionalText(node, "name", where, "");
            readTargets(node.get("targets"), where, d);
            d.fadeNanos = seconds(node, "fade", where);
            d.preWaitNanos = seconds(node, "preWait", where);
            d.postWaitNanos = seconds(node, "postWait", where);
            String curve = optionalText(node, "curve", where, CueCurve.LINEAR.fileName());
            d.curve = CueCurve.named(curve).orElseThrow(() -> fail(where + ".curve", "expected "
                    + CueCurve.names() + ", found \"" + curve + "\""));
            String mode = optionalText(node, "continue", where, ContinueMode.DO_NOT_CONTINUE.fileName());
            d.continueMode = ContinueMode.named(mode).orElseThrow(() -> fail(where + ".continue",
                    "expected none, auto-continue or auto-follow, found \"" + mode + "\""));
            d.nextNumber = node.has("next") ? optionalText(node, "next", where, "") : null;
            if (parent >= 0 && (d.nextNumber != null || d.continueMode != ContinueMode.DO_NOT_CONTINUE)) {
                throw fail(where + (d.nextNumber != null ? ".next" : ".continue"),
                        "expected nothing: a cue in a group starts with its group, the group continues");
            }
            JsonNode group = node.get("group");
            if (group != null) {
                for (String own : List.of("targets", "fade", "curve")) {
                    if (node.has(own)) {
                        throw fail(where + "." + own, "expected nothing: a group's cues hold the targets and fades");
                    }
                }
                if (parent >= 0) {
                    throw fail(where + ".group", "expected no group inside a group (groups nest one level)");
                }
                if (!group.isArray() || group.isEmpty()) {
                    throw fail(where + ".group", "expected a non-empty array of cues, found " + describe(group));
                }
                for (int i = 0; i < group.size(); i++) {
                    int child = readCue(group.get(i), path + ".group[" + i + "]", d.index);
                    d.children.add(child);
                    // The group's action lasts as long as its longest child: when it ends, the group auto-follows.
                    d.fadeNanos = Math.max(d.fadeNanos, drafts.get(child).preWaitNanos + drafts.get(child).fadeNanos);
                }
            }
            return d.index;
        }

        private String readNumber(JsonNode node, String path) throws CueListException {
            JsonNode number = node.get("number");
            String text;
            if (number != null && number.isTextual()) {
                text = number.asText();
            } else if (number != null && number.isNumber()) {
                text = number.asText(); // 2 and "2" are the same cue to an operator
            } else {
                throw fail(path + ".number", "expected the cue's number, e.g. \"1\" or \"2.5\", found " + describe(number));
            }
            if (text.isEmpty() || !text.chars().allMatch(c -> c > ' ' && c < 127 && "/*?[]{}!,#".indexOf(c) < 0)) {
                throw fail(path + ".number", "expected printable ASCII without spaces or any of / * ? [ ] { } ! , #"
                        + " (it is part of OSC addresses), found \"" + text + "\"");
            }
            return text;
        }

        private void readTargets(JsonNode targets, String where, Draft d) throws CueListException {
            if (targets == null) {
                return;
            }
            if (!targets.isObject()) {
                throw fail(where + ".targets", "expected an object of parameter: value, found " + describe(targets));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = targets.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> target = it.next();
                String field = where + ".targets." + target.getKey();
                int parameter = layout.indexOf(target.getKey()).orElseThrow(() -> fail(field,
                        "expected a parameter of the artwork (" + String.join(", ",
                                layout.specs().stream().map(ParameterSpec::name).toList()) + ")"));
                ParameterSpec spec = layout.specs().get(parameter);
                if (spec.type() == ParameterType.EVENT) {
                    throw fail(field, "expected a parameter that holds a value: " + spec.name()
                            + " is an event (a trigger), which a cue cannot fade");
                }
                float[] values = componentValues(target.getValue(), spec, field);
                for (int c = 0; c < values.length; c++) {
                    d.slots.add(layout.offset(parameter) + c);
                    d.values.add(values[c]);
                }
            }
        }

        private float[] componentValues(JsonNode value, ParameterSpec spec, String field) throws CueListException {
            int n = spec.type().components();
            String expected = n == 1 ? "a number from " + spec.min() + " to " + spec.max()
                    : "an array of " + n + " numbers from " + spec.min() + " to " + spec.max();
            float[] values = new float[n];
            if (n == 1 && value.isNumber()) {
                values[0] = value.floatValue();
            } else if (n == 1 && value.isBoolean()) {
                values[0] = value.asBoolean() ? 1 : 0;
            } else if (n > 1 && value.isArray() && value.size() == n) {
                for (int c = 0; c < n; c++) {
                    if (!value.get(c).isNumber()) {
                        throw fail(field, "expected " + expected + ", found " + value);
                    }
                    values[c] = value.get(c).floatValue();
                }
            } else {
                throw fail(field, "expected " + expected + ", found " + value);
            }
            for (float v : values) {
                if (!(v >= spec.min() && v <= spec.max())) {
                    throw fail(field, "expected " + expected + ", found " + value);
                }
            }
            return values;
        }

        private long seconds(JsonNode node, String name, String where) throws CueListException {
            JsonNode value = node.get(name);
            if (value == null) {
                return 0;
            }
            double s = value.isNumber() ? value.doubleValue() : Double.NaN;
            if (!(s >= 0 && s <= MAX_SECONDS)) {
                throw fail(where + "." + name, "expected a number of seconds from 0 to " + (long) MAX_SECONDS
                        + ", found " + value);
            }
            return Math.round(s * 1e9);
        }

        private String optionalText(JsonNode node, String name, String where, String fallback) throws CueListException {
            JsonNode value = node.get(name);
            if (value == null) {
                return fallback;
            }
            if (!value.isTextual() && !(name.equals("next") && value.isNumber())) {
                throw fail(where + "." + name, "expected a string, found " + describe(value));
            }
            return value.asText();
        }

        private void resolveNext(List<Integer> main) throws CueListException {
            for (int m = 0; m < main.size(); m++) {
                Draft d = drafts.get(main.get(m));
                if (d.nextNumber == null) {
                    d.next = m + 1 < main.size() ? main.get(m + 1) : -1;
                    continue;
                }
                Draft target = drafts.stream().filter(x -> x.number.equals(d.nextNumber)).findFirst()
                        .orElseThrow(() -> fail(d.where + ".next", "expected the number of a cue in the list, found \""
                                + d.nextNumber + "\""));
                if (target.parent >= 0) {
                    throw fail(d.where + ".next", "expected a cue of the main list, found \"" + d.nextNumber
                            + "\", which is in a group");
                }
                d.next = target.index;
            }
        }

        /** A chain of continues that comes back to where it began without any time passing would never end. */
        private void refuseTimelessLoops(CueList list) throws CueListException {
            for (Cue start : list.cues()) {
                long time = 0;
                Cue at = start;
                for (int steps = 0; steps <= list.size() && at.continueMode() != ContinueMode.DO_NOT_CONTINUE
                        && at.next() >= 0; steps++) {
                    time += at.continueMode() == ContinueMode.AUTO_FOLLOW ? at.durationNanos() + at.postWaitNanos()
                            : at.preWaitNanos() + at.postWaitNanos();
                    at = list.cue(at.next());
                    if (at.index() == start.index() && time == 0) {
                        throw fail(drafts.get(start.index()).where + ".continue", "expected a loop that takes some"
                                + " time: its cues continue into each other with no fade or wait, forever");
                    }
                }
            }
        }

        private CueListException fail(String field, String message) {
            return new CueListException(file, (field.isEmpty() ? "" : field + ": ") + message, null);
        }

        private static String describe(JsonNode node) {
            if (node == null || node.isMissingNode()) {
                return "nothing";
            }
            return node.isTextual() ? "\"" + node.asText() + "\"" : node.toString();
        }
    }

    /** A cue while its file is read: the next cue and a group's time are known only at the end. */
    private static final class Draft {
        final int index;
        final String number;
        final String where;
        final int parent;
        String name = "";
        final List<Integer> slots = new ArrayList<>();
        final List<Float> values = new ArrayList<>();
        final List<Integer> children = new ArrayList<>();
        long fadeNanos;
        long preWaitNanos;
        long postWaitNanos;
        CueCurve curve = CueCurve.LINEAR;
        ContinueMode continueMode = ContinueMode.DO_NOT_CONTINUE;
        String nextNumber;
        int next = -1;

        Draft(int index, String number, String where, int parent) {
            this.index = index;
            this.number = number;
            this.where = where;
            this.parent = parent;
        }

        Cue toCue() {
            float[] v = new float[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.get(i);
            }
            return new Cue(index, number, name, slots.stream().mapToInt(Integer::intValue).toArray(), v, fadeNanos,
                    curve, preWaitNanos, postWaitNanos, continueMode, next,
                    children.stream().mapToInt(Integer::intValue).toArray(), parent);
        }
    }
}
