package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.sensors.phone.CdpSession;
import org.vernissage.sensors.phone.HeadlessChromium;

/**
 * The technicians' web console as a technician uses it: a real Tidewater run with {@code --console},
 * real headless Chromium opening the page, typing the token, pressing GO; the page shows the cue
 * the engine runs and the playhead moving on, and the live preview updates. A wrong token is
 * refused on the page. Leaves a screenshot in target/ (the README's comes from it).
 */
class ConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOKEN = "a-test-token-for-the-console";

    @TempDir
    Path temp;

    @Test
    void logInPressGoAndSeeTheCueRunAndThePreviewUpdate() throws Exception {
        Path tokenFile = Files.writeString(temp.resolve("token"), TOKEN + "\n");
        RunOptions options = RunOptions.defaults(Path.of("..", "artworks", "tidewater")).withSize(new FrameSize(160, 90))
                .withFramesPerSecond(30).withOsc("127.0.0.1", 0)
                .withConsole(new ConsoleOptions(0, "127.0.0.1", Optional.of(tokenFile)));
        HttpClient http = HttpClient.newHttpClient();
        try (BackgroundRun run = BackgroundRun.start(options, List.of());
             HeadlessChromium chromium = HeadlessChromium.launch(temp.resolve("chromium"), WAIT);
             CdpSession page = CdpSession.open(http, chromium.pageDebuggerUrl(http), WAIT)) {
            int port = run.run().consolePort().orElseThrow();
            page.call("Page.enable");
            page.call("Emulation.setDeviceMetricsOverride", Map.of("width", 1100, "height", 760,
                    "deviceScaleFactor", 1, "mobile", false));
            page.call("Page.navigate", Map.of("url", "http://127.0.0.1:" + port + "/"));
            await(page, "document.readyState", "complete");

            login(page, "not-the-token-at-all");
            await(page, "document.getElementById('login-message').textContent", "The token was not accepted.");

            login(page, TOKEN);
            await(page, "document.getElementById('console').classList.contains('hidden')", "false");
            await(page, "document.getElementById('title').textContent", "Tidewater");
            await(page, "document.getElementById('console').dataset.via", "socket"); // pushed, not polled
            await(page, "document.getElementById('playhead').textContent", "1");
            int previews = awaitAtLeast(page, "Number(document.getElementById('preview').dataset.updates || 0)", 1);
            // the browser decoded the pushed thumbnail (a marked JPEG) at its size
            await(page, "document.getElementById('preview').naturalWidth", String.valueOf(ConsolePart.PREVIEW_WIDTH));

            evaluate(page, "document.getElementById('go').click()");
            await(page, "document.getElementById('message').textContent", "GO: cue 1");
            await(page, "[...document.querySelectorAll('#cues tr')].find(r => r.cells[0].textContent === '1')"
                    + ".cells[2].textContent", "running");
            await(page, "document.getElementById('playhead').textContent", "2");
            await(page, "document.querySelectorAll('#fades progress').length > 0", "true");
            previews = awaitAtLeast(page, "Number(document.getElementById('preview').dataset.updates || 0)", previews + 2);

            // the socket lost: the page polls, and has the socket again at its next try
            evaluate(page, "socket.close()");
            await(page, "document.getElementById('console').dataset.via", "polling");
            previews = awaitAtLeast(page, "Number(document.getElementById('preview').dataset.updates || 0)", previews + 2);
            await(page, "document.getElementById('console').dataset.via", "socket", WAIT.plusSeconds(10)); // retried after 10 s
            awaitAtLeast(page, "Number(document.getElementById('preview').dataset.updates || 0)", previews + 2);
            assertTrue(run.run().report().lines().stream().anyMatch(l -> l.startsWith("console: ")
                    && !l.contains(" 0 commands")), run.run().report().lines().toString());

            JsonNode shot = page.call("Page.captureScreenshot", Map.of("format", "png"));
            Path target = Path.of("target", "console-screenshot.png");
            Files.write(target, Base64.getDecoder().decode(shot.path("data").asText()));
        }
    }

    private static void login(CdpSession page, String token) throws Exception {
        evaluate(page, "document.getElementById('token').value = " + quote(token)
                + "; document.getElementById('login').click()");
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static JsonNode evaluate(CdpSession page, String expression) throws Exception {
        JsonNode result = page.call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        assertTrue(result.path("exceptionDetails").isMissingNode(), expression + " threw " + result);
        return result.path("result").path("value");
    }

    private static void await(CdpSession page, String expression, String expected) throws Exception {
        await(page, expression, expected, WAIT);
    }

    private static void await(CdpSession page, String expression, String expected, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        String now;
        while (!(now = evaluate(page, expression).asText()).equals(expected)) {
            if (System.nanoTime() > deadline) {
                assertEquals(expected, now, "the page never showed it within " + wait.toSeconds() + " s: " + expression);
            }
            Thread.sleep(50);
        }
    }

    private static int awaitAtLeast(CdpSession page, String expression, int least) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int now;
        while ((now = evaluate(page, expression).asInt()) < least) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(expression + " stayed at " + now + ", expected at least " + least);
            }
            Thread.sleep(50);
        }
        return now;
    }
}
