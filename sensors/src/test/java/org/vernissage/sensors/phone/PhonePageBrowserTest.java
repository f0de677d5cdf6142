package org.vernissage.sensors.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.InputSelector;
import org.vernissage.engine.binding.PhoneAggregate;
import org.vernissage.engine.binding.PhoneSelector;
import org.vernissage.engine.binding.PhoneSignal;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchPhase;
import org.vernissage.sensors.phone.RecordingInputSink.Touch;

/**
 * The audience page as a phone's browser runs it: real headless Chromium, emulating a phone's
 * screen and touch, opens the page from a real {@link PhoneServer} on 127.0.0.1, and the test
 * drives it as a visitor would (fingers through the browser's own touch input, tilt and shake
 * through the browser's sensor emulation) over the DevTools protocol ({@link CdpSession}),
 * asserting what reaches the engine's sink and what the page shows its holder. This covers what
 * the Node run of the script ({@link PhonePageScriptTest}) cannot: the browser's HTML, CSS, Content
 * Security Policy, pointer events from real touches, sensor events in a secure context, and its
 * WebSocket. Fails (never skips) where Chromium is missing: scripts/test-setup.sh installs it.
 */
class PhonePageBrowserTest {

    /** Every wait on the browser or the server is bounded by this. */
    private static final Duration WAIT = Duration.ofSeconds(5);
    /** A common phone's screen in CSS pixels (and its pixel density). */
    private static final int WIDTH = 390;
    private static final int HEIGHT = 844;
    private static final double DENSITY = 3;
    /**
     * How far a touch may land from where it was dispatched, as a fraction of the screen: one
     * device pixel. The page itself only rounds clientX / innerWidth to a float32 (6e-8 of the
     * screen); a browser may put a touch on its device-pixel grid (1/3 CSS px here). Chromium 156
     * passes fractional CSS pixels through unchanged: the values measured are the exact float32s.
     */
    private static final double PIXEL_X = 1 / (DENSITY * WIDTH);
    private static final double PIXEL_Y = 1 / (DENSITY * HEIGHT);

    private static final List<BindingSpec> BINDINGS = List.of(
            binding(new PhoneSelector(PhoneSignal.PARTICIPANTS, PhoneAggregate.SUM)),
            binding(new PhoneSelector(PhoneSignal.ORIENTATION_ALPHA, PhoneAggregate.LATEST)),
            binding(new PhoneSelector(PhoneSignal.ORIENTATION_BETA, PhoneAggregate.LATEST)),
            binding(new PhoneSelector(PhoneSignal.ORIENTATION_GAMMA, PhoneAggregate.LATEST)),
            binding(new PhoneSelector(PhoneSignal.MOTION_Z, PhoneAggregate.LATEST)),
            binding(new PhoneSelector(PhoneSignal.MOTION_ENERGY, PhoneAggregate.MAX)));
    private static final int PARTICIPANTS = 0;
    private static final int ALPHA = 1;
    private static final int BETA = 2;
    private static final int GAMMA = 3;
    private static final int MOTION_Z = 4;
    private static final int ENERGY = 5;

    /** The page's status line: its state attribute and its text. */
    private static final String STATUS = "(() => { const s = document.getElementById('status');"
            + " return s ? s.getAttribute('data-state') + ' ' + s.textContent : 'no page yet'; })()";

    /** Stands in for Safari's permission API: granted only while a user's gesture is active. */
    private static final String SAFARI_PERMISSION = """
            window.askedWithinGesture = [];
            for (const type of [DeviceMotionEvent, DeviceOrientationEvent]) {
              Object.defineProperty(type, 'requestPermission', { configurable: true, value: () => {
                const active = navigator.userActivation.isActive;
                window.askedWithinGesture.push(active);
                return active ? Promise.resolve('granted')
                    : Promise.reject(new DOMException('requires a user gesture', 'NotAllowedError'));
              } });
            }
            """;

    @TempDir
    Path folder;

    private final RecordingInputSink sink = new RecordingInputSink();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
    private final List<PhoneServer> servers = new ArrayList<>();
    private HeadlessChromium chromium;
    private CdpSession page;

    private static BindingSpec binding(InputSelector from) {
        return new BindingSpec(from, "p", 0, ConditioningSpec.linear(0, 1, 0, 1));
    }

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = HeadlessChromium.launch(folder, WAIT);
        page = CdpSession.open(http, chromium.pageDebuggerUrl(http), WAIT);
        page.call("Runtime.enable"); // to hear of any exception the page's script throws
        page.call("Log.enable"); // and of what the browser refused it (its Content Security Policy, a request)
        page.call("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", HEIGHT,
                "deviceScaleFactor", DENSITY, "mobile", true));
        page.call("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
    }

    @AfterEach
    void stopEverything() {
        try {
            if (page != null) {
                page.close();
            }
        } finally {
            try {
                if (chromium != null) {
                    chromium.close();
                }
            } finally {
                servers.forEach(PhoneServer::close);
                http.close();
            }
        }
    }

    private PhoneServer startServer(int port) throws Exception {
        return startServer(port, PhoneAbout.PLAIN);
    }

    private PhoneServer startServer(int port, PhoneAbout about) throws Exception {
        PhoneServer server = new PhoneServer(PhoneServerSettings.defaults("127.0.0.1", port), BINDINGS, sink,
                new SystemClock(), about);
        servers.add(server);
        server.start();
        return server;
    }

    /** Opens the page at the address the server gives its visitors and waits until it says it is connected. */
    private void openPage(PhoneServer server) throws Exception {
        List<String> urls = server.pageUrls();
        assertEquals(List.of("http://127.0.0.1:" + server.port() + "/"), urls);
        JsonNode navigated = page.call("Page.navigate", Map.of("url", urls.get(0)));
        assertTrue(navigated.path("errorText").isMissingNode(), "navigation failed: " + navigated);
        awaitPage(STATUS, "connected Connected: touch the screen");
        sink.awaitChannel(c -> c.channel() == PARTICIPANTS && c.value() == 1f);
    }

    /** The value of a JavaScript expression in the page. */
    private JsonNode evaluate(String expression) throws Exception {
        JsonNode result = page.call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        assertTrue(result.path("exceptionDetails").isMissingNode(), expression + " threw " + result);
        return result.path("result").path("value");
    }

    /** Polls the page (bounded) until {@code expression} evaluates to {@code expected}. */
    private void awaitPage(String expression, String expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String now = evaluate(expression).asText();
        while (!expected.equals(now)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page never showed '" + expected + "' within " + WAIT.toSeconds()
                        + " s; it shows '" + now + "'; the browser logged " + page.events("Log.entryAdded")
                        + ", exceptions " + page.events("Runtime.exceptionThrown") + "; Chromium's output:\n"
                        + chromium.logTail());
            }
            TimeUnit.MILLISECONDS.sleep(20);
            now = evaluate(expression).asText();
        }
    }

    /** One touch event; {@code points} are {x, y, id} in CSS pixels of the viewport. */
    private void touch(String type, double[]... points) throws Exception {
        List<Map<String, Object>> touchPoints = new ArrayList<>();
        for (double[] p : points) {
            touchPoints.add(Map.of("x", p[0], "y", p[1], "id", (int) p[2]));
        }
        page.call("Input.dispatchTouchEvent", Map.of("type", type, "touchPoints", touchPoints));
    }

    private static double[] at(double x, double y, int id) {
        return new double[] {x, y, id};
    }

    private void assertNoScriptErrors() {
        assertEquals(List.of(), page.events("Runtime.exceptionThrown"), "the page's script threw");
    }

    // ---- the tests -----------------------------------------------------------------------------

    @Test
    void theAboutPanelSaysWhatIsSentWhatIsKeptAndWhichModelsTheWorkUses() throws Exception {
        PhoneServer server = startServer(0, new PhoneAbout("Handheld",
                "Nothing you do here is kept: test wording.", List.of(
                        new PhoneAbout.Model("look", "turns how the phone is held into the work's colours"),
                        new PhoneAbout.Model("<b>bold</b>", "text, never markup"))));
        openPage(server);
        assertEquals("true", evaluate("String(document.getElementById('about').hidden)").asText(),
                "the panel waits for its button");
        evaluate("document.getElementById('about-open').click(), 0");
        String models = "Array.from(document.querySelectorAll('#about-models li')).map(li => li.textContent).join(' | ')";
        awaitPage(models, "look: turns how the phone is held into the work's colours | <b>bold</b>: text, never markup");
        assertEquals("false", evaluate("String(document.getElementById('about').hidden)").asText());
        assertEquals("About Handheld", evaluate("document.getElementById('about-title').textContent").asText());
        assertEquals("Nothing you do here is kept: test wording.",
                evaluate("document.getElementById('about-kept').textContent").asText());
        String sent = evaluate("document.getElementById('about-sent').textContent").asText();
        assertTrue(sent.contains("Where your fingers touch the screen") && sent.contains("no camera, microphone"),
                sent);
        assertEquals(0, evaluate("document.querySelectorAll('#about-models b').length").asInt(),
                "a card's text is shown as text");
        evaluate("document.getElementById('about-close').click(), 0");
        assertEquals("true", evaluate("String(document.getElementById('about').hidden)").asText());
        awaitPage(STATUS, "connected Connected: touch the screen");
        assertNoScriptErrors();
    }

    @Test
    void onAPhoneSizedScreenThePageJoinsAndSaysSo() throws Exception {
        PhoneServer server = startServer(0);
        openPage(server);

        assertEquals(WIDTH + "x" + HEIGHT, evaluate("innerWidth + 'x' + innerHeight").asText(),
                "the viewport meta gives the page the phone's width, unzoomed");
        assertEquals("true", evaluate("String(matchMedia('(pointer: coarse)').matches)").asText(),
                "the browser presents itself as a touch screen");
        assertEquals("true", evaluate("String(isSecureContext)").asText(),
                "127.0.0.1 is a secure context: the browser gives it tilt and shake");
        // The status line is a visible bar along the bottom of the screen.
        assertEquals("0 " + WIDTH + " " + HEIGHT + " true", evaluate("(() => { const r = document"
                + ".getElementById('status').getBoundingClientRect(); return r.left + ' ' + r.right + ' ' + r.bottom"
                + " + ' ' + (r.height > 20); })()").asText());
        assertEquals("rgb(27, 77, 43)", evaluate("getComputedStyle(document.getElementById('status'))"
                .concat(".backgroundColor")).asText(), "the connected colour from the page's CSS");
        assertEquals(1, server.stats().pagesServed());
        assertEquals(1, server.stats().participantsConnected());
        assertEquals(0, server.stats().rejected());
        assertNoScriptErrors();
        assertEquals(List.of(), page.events("Log.entryAdded"),
                "the browser reports nothing: the page's own policy blocks nothing it needs, no request failed");
    }

    @Test
    void fingersOnTheScreenBecomeTouchPointsWhereTheyTouch() throws Exception {
        PhoneServer server = startServer(0);
        openPage(server);

        touch("touchStart", at(78, 211, 1));
        Touch added = sink.awaitTouch(t -> t.phase() == TouchPhase.ADDED);
        assertEquals(TouchKind.PHONE, added.kind());
        assertEquals(16, added.session(), "participant 1, the page's first slot");
        assertEquals(78.0 / WIDTH, added.x(), PIXEL_X, "x: 78 of 390 CSS px, from the left");
        assertEquals(211.0 / HEIGHT, added.y(), PIXEL_Y, "y: 211 of 844 CSS px, from the top");
        assertEquals("78 211 false", evaluate("(() => { const d = document.querySelector('.finger');"
                + " const r = d.getBoundingClientRect(); return (r.left + r.width / 2) + ' ' + (r.top + r.height / 2)"
                + " + ' ' + d.hidden; })()").asText(), "the page draws the finger under it");

        touch("touchMove", at(312, 633, 1));
        sink.awaitTouch(t -> t.phase() == TouchPhase.UPDATED && Math.abs(t.x() - 312.0 / WIDTH) <= PIXEL_X
                && Math.abs(t.y() - 633.0 / HEIGHT) <= PIXEL_Y);

        touch("touchMove", at(312, 633, 1), at(39, 84.4, 2)); // a second finger goes down
        Touch second = sink.awaitTouch(t -> t.phase() == TouchPhase.ADDED && t.session() == 17);
        assertEquals(0.1, second.x(), PIXEL_X);
        assertEquals(0.1, second.y(), PIXEL_Y);

        touch("touchEnd");
        sink.awaitTouch(t -> t.phase() == TouchPhase.REMOVED && t.session() == 16);
        sink.awaitTouch(t -> t.phase() == TouchPhase.REMOVED && t.session() == 17);
        assertEquals(0, server.stats().rejected(), "every frame the browser sent was well formed");
        assertEquals(0, server.stats().dropped());
        assertNoScriptErrors();
    }

    @Test
    void tiltAndShakeFromTheBrowsersSensorsReachTheirChannels() throws Exception {
        // The browser's virtual sensors stand in for a phone's before the page starts listening.
        for (String sensor : List.of("accelerometer", "linear-acceleration", "gyroscope")) {
            page.call("Emulation.setSensorOverrideEnabled", Map.of("enabled", true, "type", sensor));
        }
        PhoneServer server = startServer(0);
        openPage(server);

        // Chromium has the permission API but gives the page its sensors without a tap: the page
        // listens from the start and takes its button away at the first reading.
        // Chromium rounds angles to 0.1 degree and accelerations to 0.1 m/s2 (against fingerprinting):
        // values on those grids arrive exactly.
        page.call("DeviceOrientation.setDeviceOrientationOverride", Map.of("alpha", 30, "beta", 45, "gamma", -20.5));
        sink.awaitChannel(c -> c.channel() == ALPHA && c.value() == 30f);
        sink.awaitChannel(c -> c.channel() == BETA && c.value() == 45f);
        sink.awaitChannel(c -> c.channel() == GAMMA && c.value() == -20.5f);
        awaitPage("String(document.getElementById('motion').hidden)", "true");

        setSensor("gyroscope", 0, 0, 0);
        setSensor("accelerometer", 0, 3, 4 + 9.8);
        setSensor("linear-acceleration", 0, 3, 4);
        sink.awaitChannel(c -> c.channel() == MOTION_Z && c.value() == 4f);
        sink.awaitChannel(c -> c.channel() == ENERGY && c.value() == 5f);
        assertEquals(List.of(), sink.touches(), "sensors are no touch on the artwork");
        assertEquals(0, server.stats().rejected());
        assertNoScriptErrors();
    }

    @Test
    void onIosTheTiltButtonAsksForPermissionWithinTheVisitorsTap() throws Exception {
        // Safari's rule, as Chromium cannot show it: permission only within a user's gesture.
        page.call("Page.enable");
        page.call("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SAFARI_PERMISSION));
        PhoneServer server = startServer(0);
        openPage(server);
        assertEquals("false", evaluate("String(document.getElementById('motion').hidden)").asText(),
                "the button to ask for tilt and shake");
        tapTheTiltButton();
        assertEquals("[true,true]", evaluate("JSON.stringify(window.askedWithinGesture)").asText(),
                "motion and orientation both asked within the tap");
        page.call("DeviceOrientation.setDeviceOrientationOverride", Map.of("alpha", 10, "beta", 22, "gamma", 12));
        sink.awaitChannel(c -> c.channel() == BETA && c.value() == 22f);
        assertNoScriptErrors();
    }

    @Test
    void thePageShowsALostConnectionAndRejoinsWhenTheServerIsBack() throws Exception {
        PhoneServer server = startServer(0);
        int port = server.port();
        openPage(server);

        server.close();
        awaitPage(STATUS, "disconnected Disconnected. Reconnecting…");
        assertEquals("rgb(107, 29, 29)", evaluate("getComputedStyle(document.getElementById('status'))"
                .concat(".backgroundColor")).asText(), "the disconnected colour");
        sink.awaitChannel(c -> c.channel() == PARTICIPANTS && c.value() == 0f);

        PhoneServer again = startServer(port);
        awaitPage(STATUS, "connected Connected: touch the screen");
        assertEquals(1, again.stats().participantsConnected());
        assertEquals(0, again.stats().pagesServed(), "the open page rejoined by itself, without a reload");
        assertNoScriptErrors();
    }

    private void setSensor(String type, double x, double y, double z) throws Exception {
        page.call("Emulation.setSensorOverrideReadings", Map.of("type", type,
                "reading", Map.of("xyz", Map.of("x", x, "y", y, "z", z))));
    }

    /**
     * Where the browser has a permission API for motion and gives nothing before it is granted
     * (Safari), the page shows a button; a visitor taps it. Checks it is the topmost element where
     * it is drawn, taps it with a finger (a real user activation, as Safari demands), and waits
     * until the page hides it.
     */
    private void tapTheTiltButton() throws Exception {
        String button = evaluate("(() => { const b = document.getElementById('motion'); if (b.hidden) return 'hidden';"
                + " const r = b.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;"
                + " return x + ' ' + y + ' ' + (document.elementFromPoint(x, y) === b); })()").asText();
        assertTrue(!button.equals("hidden"), "the page shows the button to ask for tilt and shake");
        String[] parts = button.split(" ");
        assertEquals("true", parts[2], "the button is on top of the touch surface, where a finger reaches it");
        double x = Double.parseDouble(parts[0]);
        double y = Double.parseDouble(parts[1]);
        touch("touchStart", at(x, y, 9));
        touch("touchEnd");
        awaitPage("String(document.getElementById('motion').hidden)", "true");
    }
}
