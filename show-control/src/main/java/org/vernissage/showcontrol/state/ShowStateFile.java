package org.vernissage.showcontrol.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vernissage.showcontrol.cue.CueCurve;
import org.vernissage.showcontrol.cue.CueState;

/**
 * The show state's file, {@code show-state.json} in the artwork's state folder, written so that a
 * power cut at any moment leaves either the previous file or the new one, never half of one:
 * the new content goes to a temporary file beside it, is forced to the disk ({@code fsync}), then
 * renamed over the old one (atomic on one file system), and the folder is forced too.
 *
 * <p>Stateless; any thread (the writer agent writes, the wiring thread reads at start).
 */
public final class ShowStateFile {

    public static final String NAME = "show-state.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShowStateFile() {
    }

    /** Writes {@code show} to {@code folder}/show-state.json atomically (made if missing). */
    public static void write(Path folder, SavedShow show) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(NAME);
        Path temporary = folder.resolve(NAME + ".tmp");
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(show));
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(folder + " cannot rename files atomically; keep the show state on a local disk", e);
        }
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true); // the rename itself reaches the disk
        } catch (IOException ignored) {
            // some file systems cannot open a folder for reading: the rename is still atomic
        }
    }

    /**
     * The state saved in {@code folder}, or empty when none was saved.
     *
     * @throws IOException naming the file and what is wrong with it (the run then starts from the top)
     */
    public static Optional<SavedShow> read(Path folder) throws IOException {
        Path file = folder.resolve(NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a show state file (" + e.getMessage().lines().findFirst().orElse("")
                    + ")", e);
        }
        if (root == null || !root.path("values").isObject() || !root.path("fades").isArray()) {
            throw new IOException(file + ": expected {\"artwork\", \"playhead\", \"values\": {...}, \"fades\": [...]}");
        }
        Map<String, float[]> values = new LinkedHashMap<>();
        root.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), floats(e.getValue())));
        List<SavedShow.Fade> fades = new ArrayList<>();
        int n = 0;
        for (JsonNode fade : root.path("fades")) {
            fades.add(fade(file, "fades[" + n++ + "]", fade));
        }
        // A file written before cues' progress was saved has no "cues": nothing but fades to resume.
        List<SavedShow.CueRun> cues = new ArrayList<>();
        n = 0;
        for (JsonNode cue : root.path("cues")) {
            String where = "cues[" + n++ + "]";
            CueState state = state(file, where + ".state", cue.path("state").asText());
            CueState pausedFrom = state == CueState.PAUSED
                    ? state(file, where + ".pausedFrom", cue.path("pausedFrom").asText()) : CueState.IDLE;
            cues.add(new SavedShow.CueRun(cue.path("cue").asText(), state, pausedFrom,
                    cue.path("actionInNanos").asLong(), cue.has("continueInNanos"),
                    cue.path("continueInNanos").asLong()));
        }
        return Optional.of(new SavedShow(root.path("artwork").asText(), root.path("playhead").asText(), values, fades,
                cues));
    }

    /**
     * One saved fade. A fade without "curve" was written before the curve was saved (only its
     * target and time left): it reads as such and resumes linearly over the time it had left.
     */
    private static SavedShow.Fade fade(Path file, String where, JsonNode fade) throws IOException {
        String parameter = fade.path("parameter").asText();
        int component = fade.path("component").asInt();
        float to = (float) fade.path("to").asDouble();
        float left = (float) fade.path("secondsLeft").asDouble();
        if (!fade.has("curve")) {
            return new SavedShow.Fade(parameter, component, to, left);
        }
        String name = fade.path("curve").asText();
        CueCurve curve = CueCurve.named(name).orElseThrow(() -> new IOException(file + ": " + where
                + ".curve: expected " + CueCurve.names() + ", found \"" + name + "\""));
        if (!fade.path("from").isNumber() || !fade.path("elapsedNanos").canConvertToLong()
                || !fade.path("totalNanos").canConvertToLong()) {
            throw new IOException(file + ": " + where + ": a fade with a curve needs a number \"from\" and whole"
                    + " numbers \"elapsedNanos\" and \"totalNanos\"");
        }
        return new SavedShow.Fade(parameter, component, to, left, (float) fade.path("from").asDouble(), curve,
                fade.path("elapsedNanos").asLong(), fade.path("totalNanos").asLong(), fade.path("cue").asText());
    }

    private static CueState state(Path file, String where, String word) throws IOException {
        return CueState.named(word).filter(s -> s != CueState.IDLE || where.endsWith(".state"))
                .orElseThrow(() -> new IOException(file + ": " + where + ": expected waiting, running, paused or"
                        + " stopped, found \"" + word + "\""));
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    private static ObjectNode toJson(SavedShow show) {
        ObjectNode root = JSON.createObjectNode();
        root.put("artwork", show.artwork());
        root.put("savedAt", Instant.now().toString());
        root.put("playhead", show.playhead());
        ObjectNode values = root.putObject("values");
        show.values().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ArrayNode components = values.putArray(e.getKey());
            for (float v : e.getValue()) {
                components.add(v);
            }
        });
        ArrayNode fades = root.putArray("fades");
        for (SavedShow.Fade fade : show.fades()) {
            ObjectNode f = fades.addObject().put("parameter", fade.parameter()).put("component", fade.component())
                    .put("to", fade.to()).put("secondsLeft", fade.secondsLeft());
            if (fade.onCurve()) {
                f.put("from", fade.from()).put("curve", fade.curve().fileName())
                        .put("elapsedNanos", fade.elapsedNanos()).put("totalNanos", fade.totalNanos());
                if (!fade.cue().isEmpty()) {
                    f.put("cue", fade.cue());
                }
            }
        }
        ArrayNode cues = root.putArray("cues");
        for (SavedShow.CueRun run : show.cues()) {
            ObjectNode c = cues.addObject().put("cue", run.cue()).put("state", run.state().word());
            if (run.state() == CueState.PAUSED) {
                c.put("pausedFrom", run.pausedFrom().word());
            }
            c.put("actionInNanos", run.actionInNanos());
            if (run.continuePending()) {
                c.put("continueInNanos", run.continueInNanos());
            }
        }
        return root;
    }
}
