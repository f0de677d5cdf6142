package org.vernissage.engine.render.output;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.render.CanvasRegion;

/**
 * Reads and checks a venue file ({@code venue.json}) into a {@link Venue}. Everything is checked
 * here, once: a broken venue is refused at start with one line naming the file, the field path and
 * what was expected; unknown fields are refused (a typo must not silently leave a projector
 * unblended). The format, by example:
 *
 * <pre>{@code
 * {"outputs": [
 *   {"name": "left", "window": {"x": 0, "y": 0, "width": 960, "height": 540},
 *    "region": {"x": 0, "y": 0, "width": 0.6, "height": 1},
 *    "corners": [[0, 0], [1, 0], [1, 1], [0, 1]],
 *    "mesh": {"columns": 3, "rows": 3, "points": [[0, 0], [0.5, 0], ...]},
 *    "blend": {"right": 0.333, "gamma": 2.2, "curve": 2},
 *    "testCard": false},
 *   {"name": "right", "fullscreen": 1, ...},          (or "fullscreen": "HDMI-1", a part of its name)
 *   {"name": "preview", "offscreen": {"width": 320, "height": 180}}]}
 * }</pre>
 *
 * <p>Called on the loading thread (start-up); reads the disk. Stateless between calls.
 */
public final class VenueLoader {

    // "hours" (opening hours) is read by show-control's OpeningHoursReader, not here
    private static final List<String> TOP = List.of("outputs", "hours");
    private static final List<String> OUTPUT = List.of("name", "window", "fullscreen", "offscreen", "region",
            "corners", "mesh", "blend", "testCard");
    private static final List<String> WINDOW = List.of("x", "y", "width", "height");
    private static final List<String> SIZE = List.of("width", "height");
    private static final List<String> REGION = List.of("x", "y", "width", "height");
    private static final List<String> MESH = List.of("columns", "rows", "points");
    private static final List<String> BLEND = List.of("left", "right", "top", "bottom", "gamma", "curve");
    private static final int MAX_PIXELS = 16384;

    private final Path file;

    private VenueLoader(Path file) {
        this.file = file;
    }

    /** Loads and checks {@code file}. */
    public static Venue load(Path file) throws VenueException {
        if (!Files.isRegularFile(file)) {
            throw VenueException.file(file, Files.exists(file) ? "is not a file" : "venue file not found", null);
        }
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = mapper.readTree(in);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw VenueException.file(file, "invalid JSON" + where + ": "
                    + String.valueOf(e.getOriginalMessage()).replaceAll("\\s*\\R\\s*", " "), e);
        } catch (IOException e) {
            throw VenueException.file(file, "cannot read: " + e, e);
        }
        return new VenueLoader(file).read(root);
    }

    private Venue read(JsonNode root) throws VenueException {
        VenueFields top = VenueFields.of(file, "", root, "a JSON object {\"outputs\": [...]}");
        top.allowOnly(TOP);
        JsonNode list = top.get("outputs");
        if (list == null && top.has("hours")) {
            return new Venue(List.of()); // opening hours only: the run's own output shows the frames
        }
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > Venue.MAX_OUTPUTS) {
            throw top.error("outputs", "a list of 1 to " + Venue.MAX_OUTPUTS + " outputs");
        }
        List<OutputSpec> outputs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            outputs.add(output(VenueFields.of(file, "outputs[" + i + "]", list.get(i), "an output object"), i));
        }
        return new Venue(outputs);
    }

    private OutputSpec output(VenueFields output, int index) throws VenueException {
        output.allowOnly(OUTPUT);
        String name = output.text("name", "output " + (index + 1));
        return new OutputSpec(name, placement(output), region(output), corners(output), mesh(output),
                blend(output), output.optionalBoolean("testCard", false));
    }

    private Placement placement(VenueFields output) throws VenueException {
        int given = (output.has("window") ? 1 : 0) + (output.has("fullscreen") ? 1 : 0)
                + (output.has("offscreen") ? 1 : 0);
        if (given != 1) {
            throw output.error("window",
                    "exactly one of \"window\", \"fullscreen\" or \"offscreen\" (where the output shows)",
                    given + " of them");
        }
        if (output.has("window")) {
            VenueFields window = output.requiredObject("window", "{\"x\", \"y\", \"width\", \"height\"} in pixels");
            window.allowOnly(WINDOW);
            return new Placement.Window(window.integer("x", -MAX_PIXELS, MAX_PIXELS),
                    window.integer("y", -MAX_PIXELS, MAX_PIXELS), window.integer("width", 1, MAX_PIXELS),
                    window.integer("height", 1, MAX_PIXELS));
        }
        if (output.has("offscreen")) {
            VenueFields size = output.requiredObject("offscreen", "{\"width\", \"height\"} in pixels");
            size.allowOnly(SIZE);
            return new Placement.Offscreen(size.integer("width", 1, MAX_PIXELS), size.integer("height", 1, MAX_PIXELS));
        }
        JsonNode monitor = output.get("fullscreen");
        if (monitor.isTextual() && !monitor.asText().isBlank()) {
            return new Placement.Fullscreen(-1, monitor.asText());
        }
        return new Placement.Fullscreen(output.integer("fullscreen", 0, 63), "");
    }

    private CanvasRegion region(VenueFields output) throws VenueException {
        if (!output.has("region")) {
            return CanvasRegion.FULL;
        }
        VenueFields region = output.requiredObject("region", "{\"x\", \"y\", \"width\", \"height\"} in fractions of the canvas");
        region.allowOnly(REGION);
        double x = region.number("x", 0, 1, 0);
        double y = region.number("y", 0, 1, 0);
        double width = region.number("width", 1e-6, 1, 1);
        double height = region.number("height", 1e-6, 1, 1);
        try {
            return new CanvasRegion(x, y, width, height);
        } catch (IllegalArgumentException e) {
            throw output.error("region", "a region inside the canvas (x + width and y + height at most 1)");
        }
    }

    private CornerPin corners(VenueFields output) throws VenueException {
        if (!output.has("corners")) {
            return CornerPin.IDENTITY;
        }
        double[] xy = output.points("corners", 4, CornerPin.MIN_COORDINATE, CornerPin.MAX_COORDINATE,
                "four corners [[x, y], ...]: top left, top right, bottom right, bottom left");
        if (!Homography.isConvexClockwise(xy)) {
            throw output.error("corners", "a convex quad in the order top left, top right, bottom right, bottom left");
        }
        return new CornerPin(xy);
    }

    private MeshWarp mesh(VenueFields output) throws VenueException {
        if (!output.has("mesh")) {
            return MeshWarp.identity(2, 2);
        }
        VenueFields mesh = output.requiredObject("mesh", "{\"columns\", \"rows\", \"points\"}");
        mesh.allowOnly(MESH);
        int columns = mesh.integer("columns", 2, MeshWarp.MAX_POINTS_PER_SIDE);
        int rows = mesh.integer("rows", 2, MeshWarp.MAX_POINTS_PER_SIDE);
        if (!mesh.has("points")) {
            return MeshWarp.identity(columns, rows);
        }
        double[] points = mesh.points("points", columns * rows, CornerPin.MIN_COORDINATE, CornerPin.MAX_COORDINATE,
                columns * rows + " points [[x, y], ...] (columns x rows, row by row from the top left)");
        return new MeshWarp(columns, rows, points);
    }

    private EdgeBlend blend(VenueFields output) throws VenueException {
        if (!output.has("blend")) {
            return EdgeBlend.NONE;
        }
        VenueFields blend = output.requiredObject("blend", "{\"left\", \"right\", \"top\", \"bottom\", \"gamma\", \"curve\"}");
        blend.allowOnly(BLEND);
        double max = EdgeBlend.MAX_WIDTH;
        return new EdgeBlend(blend.number("left", 0, max, 0), blend.number("right", 0, max, 0),
                blend.number("top", 0, max, 0), blend.number("bottom", 0, max, 0),
                blend.number("gamma", EdgeBlend.MIN_GAMMA, EdgeBlend.MAX_GAMMA, EdgeBlend.NONE.gamma()),
                blend.number("curve", EdgeBlend.MIN_CURVE, EdgeBlend.MAX_CURVE, EdgeBlend.NONE.curve()));
    }
}
