package org.vernissage.engine.render.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.testing.XvfbDisplay;

/**
 * Two venue windows on a real X server (Xvfb, which {@code scripts/test-setup.sh} installs): each
 * its own GLFW window sharing the run's hidden context, each showing its region of a canvas drawn
 * in that context, warped and blended; a third output fills the screen (monitor 0); vsync on the
 * last only. The windows are opened in a child JVM on the display ({@link XvfbDisplay}). Skipped
 * only where no Xvfb binary exists.
 */
class TwoWindowsXvfbTest {

    private static final Pattern LINE = Pattern.compile(
            "window (\\d+) (\\d+)x(\\d+) visible=(\\d) vsync=(true|false) row=([\\d,]+)");

    @TempDir
    Path temp;

    @Test
    void twoWindowsShareTheRunsContextAndShowTheirBlendedRegions() throws Exception {
        try (XvfbDisplay display = XvfbDisplay.start()) {
            XvfbDisplay.Finished child = display.runJava(TwoWindowsUnderX.class.getName(),
                    List.of(temp.resolve("venue.json").toString()), Map.of(), 60);
            assertEquals(0, child.exitValue(), "the child's output:\n" + child.output());
            List<String> lines = child.output().lines().filter(line -> line.startsWith("window ")).toList();
            assertEquals(3, lines.size(), "two windows and the screen filled reported: " + lines);
            checkWindow(lines.get(0), 1, false, true);
            checkWindow(lines.get(1), 2, false, false);
            checkFullscreen(lines.get(2));
        }
    }

    /**
     * Output 3 fills Xvfb's one screen (monitor 0, 320x240), vsync on (the last window presented),
     * and shows the whole canvas: its middle row samples the canvas between rows 24 and 25.
     */
    private static void checkFullscreen(String line) {
        Matcher m = LINE.matcher(line);
        assertTrue(m.matches(), line);
        assertEquals("3 320 240", m.group(1) + " " + m.group(2) + " " + m.group(3), line);
        assertEquals("true", m.group(5), "vsync on the last window: " + line);
        double canvasRow = (120 + 0.5) / 240 * TwoWindowsUnderX.HEIGHT - 0.5;
        int above = (int) Math.floor(canvasRow);
        double f = canvasRow - above;
        double expected = (1 - f) * TwoWindowsUnderX.source(above) + f * TwoWindowsUnderX.source(above + 1);
        String[] row = m.group(6).split(",");
        assertEquals(320, row.length);
        for (int x = 0; x < row.length; x++) {
            assertEquals(expected, Integer.parseInt(row[x]), 2.5, "fullscreen pixel " + x);
        }
    }

    /** The middle row of a window against the blend formula: the source times w^(1/gamma). */
    private static void checkWindow(String line, int number, boolean vsync, boolean blendRight) {
        Matcher m = LINE.matcher(line);
        assertTrue(m.matches(), line);
        assertEquals(number, Integer.parseInt(m.group(1)));
        assertEquals(TwoWindowsUnderX.WINDOW_WIDTH, Integer.parseInt(m.group(2)), line);
        assertEquals(TwoWindowsUnderX.HEIGHT, Integer.parseInt(m.group(3)), line);
        assertEquals(1, Integer.parseInt(m.group(4)), "shown: " + line);
        assertEquals(vsync, Boolean.parseBoolean(m.group(5)), "vsync on the last window only: " + line);
        String[] row = m.group(6).split(",");
        assertEquals(TwoWindowsUnderX.WINDOW_WIDTH, row.length);
        int source = TwoWindowsUnderX.source(TwoWindowsUnderX.HEIGHT / 2);
        double zone = 1 / 3.0;
        for (int x = 0; x < row.length; x++) {
            double content = (x + 0.5) / row.length;
            double t = blendRight ? (1 - content) / zone : content / zone;
            double expected = source * Math.pow(EdgeBlend.weight(t, 2), 1 / 2.2);
            assertEquals(expected, Integer.parseInt(row[x]), 2.5, "window " + number + " pixel " + x);
        }
    }
}
