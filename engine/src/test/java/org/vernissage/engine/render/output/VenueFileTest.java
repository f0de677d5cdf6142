package org.vernissage.engine.render.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.CanvasRegion;

/** The venue file: what it reads, what it refuses (file, field path, expected), and the save/load round trip. */
class VenueFileTest {

    @TempDir
    Path temp;

    private Path write(String json) throws Exception {
        Path file = temp.resolve("venue.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void readsEveryKindOfOutputAndDefaults() throws Exception {
        Venue venue = VenueLoader.load(write("""
                {"outputs": [
                  {"name": "left", "window": {"x": 10, "y": 20, "width": 640, "height": 360},
                   "region": {"x": 0, "y": 0, "width": 0.6, "height": 1},
                   "corners": [[0.1, 0], [1, 0], [1, 1], [0, 1]],
                   "mesh": {"columns": 3, "rows": 2},
                   "blend": {"right": 0.3333, "gamma": 2.4},
                   "testCard": true},
                  {"fullscreen": "HDMI"},
                  {"fullscreen": 1},
                  {"offscreen": {"width": 320, "height": 180}}]}
                """));
        List<OutputSpec> outputs = venue.outputs();
        assertEquals(4, outputs.size());
        OutputSpec left = outputs.get(0);
        assertEquals(new Placement.Window(10, 20, 640, 360), left.placement());
        assertEquals(new CanvasRegion(0, 0, 0.6, 1), left.region());
        assertEquals(new CornerPin(new double[] {0.1, 0, 1, 0, 1, 1, 0, 1}), left.corners());
        assertEquals(MeshWarp.identity(3, 2), left.mesh());
        assertEquals(new EdgeBlend(0, 0.3333, 0, 0, 2.4, 2), left.blend());
        assertTrue(left.testCard());
        assertEquals(new Placement.Fullscreen(-1, "HDMI"), outputs.get(1).placement());
        assertEquals("output 2", outputs.get(1).name());
        assertEquals(new Placement.Fullscreen(1, ""), outputs.get(2).placement());
        assertEquals(new OutputSpec("output 4", new Placement.Offscreen(320, 180), CanvasRegion.FULL,
                CornerPin.IDENTITY, MeshWarp.identity(2, 2), EdgeBlend.NONE, false), outputs.get(3));
    }

    @Test
    void errorsNameTheFileTheFieldAndWhatWasExpected() throws Exception {
        refused("{\"outputs\": [], \"extra\": 1}", "extra: unknown field; allowed here: outputs");
        refused("{\"outputs\": []}", "outputs: expected a list of 1 to 16 outputs, found []");
        refused("{\"outputs\": [{\"offscreen\": {\"width\": 8, \"height\": 8}, \"window\": {}}]}",
                "outputs[0].window: expected exactly one of \"window\", \"fullscreen\" or \"offscreen\"");
        refused(offscreen("\"blend\": {\"gamma\": 9}"), "outputs[0].blend.gamma: expected a number from 0.5 to 5.0,"
                + " found 9");
        refused(offscreen("\"blend\": {\"gama\": 2}"), "outputs[0].blend.gama: unknown field; allowed here: left,"
                + " right, top, bottom, gamma, curve");
        refused(offscreen("\"corners\": [[0, 0], [1, 0], [0, 1], [1, 1]]"),
                "outputs[0].corners: expected a convex quad in the order top left, top right, bottom right,"
                        + " bottom left");
        refused(offscreen("\"corners\": [[0, 0], [1, 0], [1, 1]]"), "outputs[0].corners: expected four corners");
        refused(offscreen("\"corners\": [[0, 0], [1, 0], [1, \"a\"], [0, 1]]"),
                "outputs[0].corners[2]: expected a point [x, y] of two numbers, found [1,\"a\"]");
        refused(offscreen("\"mesh\": {\"columns\": 2, \"rows\": 2, \"points\": [[0, 0]]}"),
                "outputs[0].mesh.points: expected 4 points");
        refused(offscreen("\"region\": {\"x\": 0.5, \"width\": 0.6}"),
                "outputs[0].region: expected a region inside the canvas");
        refused("{\"outputs\": [{\"offscreen\": {\"width\": 0, \"height\": 8}}]}",
                "outputs[0].offscreen.width: expected a whole number from 1 to 16384, found 0");
        refused("{\"outputs\": [{\"fullscreen\": -1}]}", "outputs[0].fullscreen: expected a whole number from 0 to 63");
        refused("{\"outputs\": [", "invalid JSON at line 1");
        Path missing = temp.resolve("nowhere.json");
        VenueException e = assertThrows(VenueException.class, () -> VenueLoader.load(missing));
        assertEquals(missing + ": venue file not found", e.getMessage());
    }

    private static String offscreen(String more) {
        return "{\"outputs\": [{\"offscreen\": {\"width\": 8, \"height\": 8}, " + more + "}]}";
    }

    private void refused(String json, String expected) throws Exception {
        Path file = write(json);
        VenueException e = assertThrows(VenueException.class, () -> VenueLoader.load(file), json);
        assertTrue(e.getMessage().startsWith(file + ": " + expected), "for " + json + " got: " + e.getMessage());
    }

    @Test
    void whatIsSavedLoadsBackTheSameAndNoTemporaryFileIsLeft() throws Exception {
        double[] mesh = MeshWarp.identity(3, 3).points();
        mesh[8] = 0.55;
        mesh[9] = 0.45;
        Venue venue = new Venue(List.of(
                new OutputSpec("left", new Placement.Window(0, 0, 640, 360), new CanvasRegion(0, 0, 0.6, 1),
                        new CornerPin(new double[] {0.05, 0.02, 0.97, 0, 1, 1, 0, 0.96}), new MeshWarp(3, 3, mesh),
                        new EdgeBlend(0, 1 / 3.0, 0, 0.1, 2.2, 2.5), true),
                new OutputSpec("right", new Placement.Fullscreen(1, ""), new CanvasRegion(0.4, 0, 0.6, 1),
                        CornerPin.IDENTITY, MeshWarp.identity(2, 2), new EdgeBlend(1 / 3.0, 0, 0, 0, 1.8, 1), false),
                new OutputSpec("booth", new Placement.Fullscreen(-1, "DP-2"), CanvasRegion.FULL, CornerPin.IDENTITY,
                        MeshWarp.identity(2, 2), EdgeBlend.NONE, false),
                new OutputSpec("preview", new Placement.Offscreen(160, 90), CanvasRegion.FULL, CornerPin.IDENTITY,
                        MeshWarp.identity(2, 2), EdgeBlend.NONE, false)));
        Path file = temp.resolve("venue.json");
        Files.writeString(file, "{\"outputs\": \"the old content\"}");
        VenueWriter.write(file, venue);
        assertEquals(venue, VenueLoader.load(file));
        VenueWriter.write(file, venue); // over an existing file too
        assertEquals(venue, VenueLoader.load(file));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(file), files.toList(), "only the venue file, no temporary left behind");
        }
    }
}
