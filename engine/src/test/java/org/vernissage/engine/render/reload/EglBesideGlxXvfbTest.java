package org.vernissage.engine.render.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.testing.XvfbDisplay;

/**
 * What the cache warmer of a windowed run relies on, on a real X server (Xvfb): in one process,
 * a GLFW window's GLX context draws and swaps a new program every frame on one thread while
 * another thread opens unshared EGL surfaceless contexts, one after another, and draws programs no
 * earlier one had in each (libglvnd dispatches each thread's GL calls to the vendor that made its
 * context current; LWJGL keeps a thread's capabilities per thread). Nothing crashes, every pixel
 * read back in either context is the one drawn, and both contexts run on the same driver.
 */
class EglBesideGlxXvfbTest {

    private static final Pattern COUNTS = Pattern.compile(
            "frames (\\d+) warm-draws (\\d+) wrong-window (\\d+) wrong-warm (\\d+)");

    @Test
    void anUnsharedEglContextDrawsOnAnotherThreadWhileAGlxWindowRenders() throws Exception {
        try (XvfbDisplay display = XvfbDisplay.start()) {
            XvfbDisplay.Finished child = display.runJava(EglBesideGlxUnderX.class.getName(), List.of("12", "4"),
                    Map.of(), 120);
            String output = child.output();
            assertEquals(0, child.exitValue(), output);
            Matcher m = COUNTS.matcher(output);
            assertTrue(m.find(), output);
            assertEquals(48, Integer.parseInt(m.group(2)), "12 EGL contexts drew 4 programs each: " + output);
            assertTrue(Long.parseLong(m.group(1)) >= 10, "the window rendered while the EGL contexts drew: " + output);
            assertEquals("0 0", m.group(3) + " " + m.group(4), "wrong pixels in the window, in the EGL contexts: " + output);
            String window = line(output, "window ");
            assertEquals(window, line(output, "warm "), "the same driver in both contexts: " + output);
        }
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + prefix + "' line in:\n" + output));
    }
}
