package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.testing.XvfbDisplay;

/**
 * Hot reload in a windowed run (a GLX window on Xvfb, in a child JVM: {@link WindowedReloadUnderX})
 * with the cache warmer beside the window's context: the saves are warmed off the render thread in
 * an EGL context of the watcher's own, the edited shader's pixels reach the window, and the longest
 * time between two frames while reloading (the frame that takes a reload builds the program and
 * draws it first) is well under that of the same run with Mesa's disk cache off (no warmer, every
 * save compiled and JIT'd on the render thread), measured in the same test as a ratio.
 */
class WindowedReloadXvfbTest {

    private static final Pattern GAP = Pattern.compile("longest frame gap ([\\d.]+) ms");
    private static final int SAVES = 2;

    @TempDir
    Path temp;

    @Test
    void aWindowedRunsReloadIsWarmedOffTheRenderThreadAndShowsInTheWindow() throws Exception {
        try (XvfbDisplay display = XvfbDisplay.start()) {
            String warmed = run(display, "warmed", Map.of("MESA_SHADER_CACHE_DIR",
                    Files.createDirectories(temp.resolve("mesa-cache")).toString()));
            String alone = run(display, "alone", Map.of("MESA_SHADER_CACHE_DISABLE", "true"));

            assertTrue(warmed.contains("at 64x36, window, OpenGL"), "a window's context, not headless EGL:\n" + warmed);
            assertTrue(warmed.contains("each save warmed off the render thread first"), warmed);
            assertTrue(warmed.contains("statistics hot reload: warmed off the render thread: " + SAVES + " (0 failed)"),
                    "every save warmed in the EGL context beside the window's:\n" + warmed);
            assertTrue(alone.contains("each save compiles on the render thread (Mesa's shader cache is off"), alone);
            for (String output : List.of(warmed, alone)) {
                assertTrue(output.contains("statistics hot reload: " + SAVES + " reloads, 0 failed"), output);
                assertTrue(output.contains("blue after 255"), "the edited shader's pixels in the window:\n" + output);
                assertTrue(!output.contains("blue before 255"), "the window showed the piece before the edit:\n" + output);
            }
            double warmedGap = gap(warmed);
            double aloneGap = gap(alone);
            System.out.printf(Locale.ROOT, "WindowedReloadXvfbTest: longest frame gap while reloading %.1f ms warmed,"
                    + " %.1f ms alone (%.2fx)%n", warmedGap, aloneGap, warmedGap / aloneGap);
            // Alone, the frame that takes a reload compiles, links and JITs tidewater (~250 ms on
            // llvmpipe); warmed, it finds the compiled and JIT code in the disk cache and pays
            // tens of ms on top of the 33 ms between frames. Half is generous.
            assertTrue(warmedGap < 0.5 * aloneGap, "warmed " + warmedGap + " ms against " + aloneGap + " ms alone");
        }
    }

    private String run(XvfbDisplay display, String name, Map<String, String> environment) throws Exception {
        Path copy = Files.createDirectories(temp.resolve(name));
        for (String file : List.of("artwork.json", "tidewater.frag")) {
            Files.copy(Path.of("..", "artworks", "tidewater", file), copy.resolve(file));
        }
        XvfbDisplay.Finished child = display.runJava(WindowedReloadUnderX.class.getName(),
                List.of(copy.toString(), Integer.toString(SAVES)), environment, 90);
        assertEquals(0, child.exitValue(), "the " + name + " run:\n" + child.output());
        return child.output();
    }

    private static double gap(String output) {
        Matcher m = GAP.matcher(output);
        assertTrue(m.find(), "the longest frame gap:\n" + output);
        return Double.parseDouble(m.group(1));
    }
}
