package org.vernissage.engine.render.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two venue windows on a real X server (Xvfb, which {@code scripts/test-setup.sh} installs): each
 * its own GLFW window sharing the run's hidden context, each showing its region of a canvas drawn
 * in that context, warped and blended; a third output fills the screen (monitor 0); vsync on the
 * last only. Xvfb is started here on a display
 * number it picks itself ({@code -displayfd}), and the windows are opened in a child JVM whose
 * {@code DISPLAY} names it (GLFW reads the display from the environment, which a running JVM
 * cannot change). Skipped only where no Xvfb binary exists.
 */
class TwoWindowsXvfbTest {

    private static final Pattern LINE = Pattern.compile(
            "window (\\d+) (\\d+)x(\\d+) visible=(\\d) vsync=(true|false) row=([\\d,]+)");

    @TempDir
    Path temp;

    @Test
    void twoWindowsShareTheRunsContextAndShowTheirBlendedRegions() throws Exception {
        Path xvfb = Path.of("/usr/bin/Xvfb");
        Assumptions.assumeTrue(Files.isExecutable(xvfb), "no Xvfb here (scripts/test-setup.sh installs it)");
        Process server = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "320x240x24",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String display = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertTrue(display != null && display.strip().matches("\\d+"), "Xvfb named its display: " + display);
            List<String> lines = runChild(":" + display.strip());
            assertEquals(3, lines.size(), "two windows and the screen filled reported: " + lines);
            checkWindow(lines.get(0), 1, false, true);
            checkWindow(lines.get(1), 2, false, false);
            checkFullscreen(lines.get(2));
        } finally {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private List<String> runChild(String display) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("--") || argument.startsWith("-Dorg.lwjgl")) {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TwoWindowsUnderX.class.getName());
        command.add(temp.resolve("venue.json").toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        builder.environment().remove("WAYLAND_DISPLAY");
        Process child = builder.start();
        List<String> reported = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                all.append(line).append('\n');
                if (line.startsWith("window ")) {
                    reported.add(line);
                }
            }
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child finished");
        assertEquals(0, child.exitValue(), "the child's output:\n" + all);
        return reported;
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
