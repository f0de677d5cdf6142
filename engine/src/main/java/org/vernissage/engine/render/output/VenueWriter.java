package org.vernissage.engine.render.output;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.vernissage.engine.render.CanvasRegion;

/**
 * Writes a {@link Venue} in the form {@link VenueLoader} reads, atomically: into a temporary file
 * next to it, then renamed over it, so a crash or a full disk mid-write never leaves a half venue
 * file for the next opening.
 *
 * <p>Called on the thread that saves (the venue saver's, never the render thread); stateless.
 */
public final class VenueWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private VenueWriter() {
    }

    /** Writes {@code venue} to {@code file}, replacing it at once. */
    public static void write(Path file, Venue venue) throws IOException {
        byte[] json = MAPPER.writeValueAsBytes(toJson(venue));
        Path folder = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(folder, file.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, json);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static ObjectNode toJson(Venue venue) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode outputs = root.putArray("outputs");
        for (OutputSpec spec : venue.outputs()) {
            outputs.add(output(spec));
        }
        return root;
    }

    private static ObjectNode output(OutputSpec spec) {
        ObjectNode output = MAPPER.createObjectNode();
        output.put("name", spec.name());
        switch (spec.placement()) {
            case Placement.Window window -> output.putObject("window").put("x", window.x()).put("y", window.y())
                    .put("width", window.width()).put("height", window.height());
            case Placement.Fullscreen monitor -> {
                if (monitor.name().isEmpty()) {
                    output.put("fullscreen", monitor.index());
                } else {
                    output.put("fullscreen", monitor.name());
                }
            }
            case Placement.Offscreen size -> output.putObject("offscreen").put("width", size.width())
                    .put("height", size.height());
        }
        CanvasRegion region = spec.region();
        output.putObject("region").put("x", region.x()).put("y", region.y()).put("width", region.width())
                .put("height", region.height());
        output.set("corners", points(spec.corners().xy()));
        MeshWarp mesh = spec.mesh();
        ObjectNode meshNode = output.putObject("mesh").put("columns", mesh.columns()).put("rows", mesh.rows());
        meshNode.set("points", points(mesh.points()));
        EdgeBlend blend = spec.blend();
        output.putObject("blend").put("left", blend.left()).put("right", blend.right()).put("top", blend.top())
                .put("bottom", blend.bottom()).put("gamma", blend.gamma()).put("curve", blend.curve());
        output.put("testCard", spec.testCard());
        return output;
    }

    private static ArrayNode points(double[] xy) {
        ArrayNode list = MAPPER.createArrayNode();
        for (int i = 0; i < xy.length; i += 2) {
            list.addArray().add(xy[i]).add(xy[i + 1]);
        }
        return list;
    }
}
