package org.vernissage.sensors.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.InputSelector;
import org.vernissage.engine.binding.PhoneAggregate;
import org.vernissage.engine.binding.PhoneSelector;
import org.vernissage.engine.binding.PhoneSignal;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.pipeline.TouchPhase;

/**
 * The page's own script, as the server serves it, run against the real server: Node.js (with its
 * browser-compatible WebSocket) runs the inline script in a small stand-in for the browser's
 * window and document, this test drives pointer, orientation and motion events into it through
 * the harness's stdin, and asserts what reaches the engine and what the page's status line says.
 * This checks the script's protocol, state and reconnection, and plays browsers that Chromium
 * cannot stand in for (iOS's permission rule); {@code PhonePageBrowserTest} runs the same page in
 * real headless Chromium. Skipped where no {@code node} is installed.
 */
class PhonePageScriptTest {

    private static final Path NODE = Path.of("/usr/bin/node");
    private static final List<BindingSpec> BINDINGS = List.of(
            binding(new PhoneSelector(PhoneSignal.PARTICIPANTS, PhoneAggregate.SUM)),
            binding(new PhoneSelector(PhoneSignal.ORIENTATION_BETA, PhoneAggregate.LATEST)),
            binding(new PhoneSelector(PhoneSignal.MOTION_ENERGY, PhoneAggregate.MAX)));
    private static final int BETA = 1;
    private static final int ENERGY = 2;

    /**
     * A browser stand-in just big enough for the page: elements with listeners and attributes, a
     * window of 400 x 800 CSS pixels, the page's location. Commands on stdin fire events; every
     * change of the status line is printed as "STATUS state text", the motion button as "BUTTON".
     */
    private static final String HARNESS = """
            'use strict';
            const fs = require('fs'), vm = require('vm'), readline = require('readline');
            const [script, port, mode] = [fs.readFileSync(process.argv[2], 'utf8'), process.argv[3], process.argv[4]];
            if (typeof WebSocket === 'undefined') { console.log('NO_WEBSOCKET'); process.exit(3); }
            function target(extra) {
              const listeners = {};
              return Object.assign({
                addEventListener(type, f) {
                  const list = (listeners[type] = listeners[type] || []);
                  if (!list.includes(f)) list.push(f); // as the DOM: the same listener once
                },
                removeEventListener(type, f) {
                  listeners[type] = (listeners[type] || []).filter(g => g !== f);
                },
                dispatch(type, event) { (listeners[type] || []).forEach(f => f(event)); }
              }, extra);
            }
            function element(id) {
              const attrs = {};
              return target({ id, hidden: id === 'motion', style: {}, textContent: '', className: '',
                setAttribute(k, v) { attrs[k] = String(v); }, getAttribute(k) { return attrs[k]; },
                appendChild() {}, setPointerCapture() {} });
            }
            const elements = { surface: element('surface'), status: element('status'), motion: element('motion') };
            const document = target({ hidden: false, getElementById: id => elements[id],
              createElement: () => element('finger') });
            const window = target({ innerWidth: 400, innerHeight: 800 });
            const context = { window, document, location: { protocol: 'http:', host: '127.0.0.1:' + port },
              WebSocket, setInterval, setTimeout, clearTimeout, Map, Promise, Math, Date, ArrayBuffer, DataView,
              console, String, Number };
            // ios: sensors answer only after a tap granted permission; chromium (on a secure page):
            // requestPermission exists too, but sensors answer from the start.
            let granted = mode !== 'ios';
            if (mode === 'ios' || mode === 'chromium') {
              const ask = () => { granted = true; return Promise.resolve('granted'); };
              context.DeviceMotionEvent = { requestPermission: ask };
              context.DeviceOrientationEvent = { requestPermission: ask };
            }
            vm.createContext(context);
            vm.runInContext(script, context);
            let last = '', button = elements.motion.hidden;
            // Printed once at once, not only by the 5 ms poll: a fast connection would otherwise
            // change the status before the first poll, and "connecting" would never be seen.
            const status = () => {
              const now = elements.status.getAttribute('data-state') + ' ' + elements.status.textContent;
              if (now !== last) { last = now; console.log('STATUS ' + now); }
            };
            status();
            setInterval(() => {
              status();
              if (elements.motion.hidden !== button) { button = elements.motion.hidden; console.log('BUTTON ' + (button ? 'hidden' : 'shown')); }
            }, 5);
            console.log('BUTTON ' + (button ? 'hidden' : 'shown'));
            const pointer = (id, x, y) => ({ pointerId: +id, clientX: +x, clientY: +y, preventDefault() {} });
            readline.createInterface({ input: process.stdin }).on('line', line => {
              const [cmd, ...a] = line.trim().split(/\\s+/);
              if (cmd === 'down') elements.surface.dispatch('pointerdown', pointer(...a));
              else if (cmd === 'move') elements.surface.dispatch('pointermove', pointer(...a));
              else if (cmd === 'up') elements.surface.dispatch('pointerup', pointer(a[0], 0, 0));
              else if (cmd === 'orient') { if (granted) window.dispatch('deviceorientation', { alpha: +a[0], beta: +a[1], gamma: +a[2] }); }
              else if (cmd === 'motion') { if (granted) window.dispatch('devicemotion', { acceleration: { x: +a[0], y: +a[1], z: +a[2] } }); }
              else if (cmd === 'click') elements.motion.dispatch('click', {});
              else if (cmd === 'exit') process.exit(0);
              console.log('DID ' + cmd);
            });
            """;

    @TempDir
    Path folder;

    private final RecordingInputSink sink = new RecordingInputSink();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<PhoneServer> servers = new ArrayList<>();
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private Process node;
    private Writer commands;

    private static BindingSpec binding(InputSelector from) {
        return new BindingSpec(from, "p", 0, ConditioningSpec.linear(0, 1, 0, 1));
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.destroy();
            if (!node.waitFor(5, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
        servers.forEach(PhoneServer::close);
        http.close();
    }

    private PhoneServer startServer(PhoneServerSettings settings) throws Exception {
        PhoneServer server = new PhoneServer(settings, BINDINGS, sink, new SystemClock());
        servers.add(server);
        server.start();
        return server;
    }

    /** Fetches the page from the server and runs its script in Node against that server. */
    private void openPage(PhoneServer server, String mode) throws Exception {
        // Never skipped: ./vernissage test installs node (scripts/test-setup.sh).
        assertTrue(Files.isExecutable(NODE), "no node at " + NODE + ": install nodejs (scripts/test-setup.sh does)");
        String html = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String script = html.substring(html.indexOf("<script>") + "<script>".length(), html.indexOf("</script>"));
        Path scriptFile = Files.writeString(folder.resolve("page.js"), script);
        Path harness = Files.writeString(folder.resolve("harness.js"), HARNESS);
        node = new ProcessBuilder(NODE.toString(), "--experimental-websocket", "--no-warnings", harness.toString(),
                scriptFile.toString(), String.valueOf(server.port()), mode)
                .redirectErrorStream(true).start();
        commands = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                }
            } catch (IOException ended) {
                // the process ended
            }
        }, "test-node-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void command(String line) throws Exception {
        commands.write(line + "\n");
        commands.flush();
        awaitLine("DID " + line.split(" ")[0]);
    }

    /** Waits for an output line starting with {@code prefix}. */
    private String awaitLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String line = output.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no line starting with '" + prefix + "'; saw " + seen);
            }
            seen.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    @Test
    void thePagesScriptSendsFingersTiltAndShakeTheServerAccepts() throws Exception {
        PhoneServer server = startServer(PhoneServerSettings.defaults("127.0.0.1", 0));
        openPage(server, "android");
        assertEquals("STATUS connecting Connecting…", awaitLine("STATUS"));
        assertTrue(awaitLine("STATUS").startsWith("STATUS connected"));
        assertTrue(seen.contains("BUTTON hidden"), "no permission button where none is needed");

        command("down 3 100 200");
        RecordingInputSink.Touch added = sink.awaitTouch(t -> t.phase() == TouchPhase.ADDED);
        assertEquals(0.25f, added.x(), "100 of 400 px");
        assertEquals(0.25f, added.y(), "200 of 800 px");
        assertEquals(16, added.session(), "participant 1, the page's first slot");
        command("orient 10 20 30");
        sink.awaitChannel(c -> c.channel() == BETA && c.value() == 20f);
        command("motion 0 3 4");
        sink.awaitChannel(c -> c.channel() == ENERGY && c.value() == 5f);
        command("move 3 200 400");
        sink.awaitTouch(t -> t.phase() == TouchPhase.UPDATED && t.x() == 0.5f && t.y() == 0.5f);
        command("down 4 300 600"); // a second finger takes the next slot
        sink.awaitTouch(t -> t.phase() == TouchPhase.ADDED && t.session() == 17 && t.x() == 0.75f);
        command("up 3");
        sink.awaitTouch(t -> t.phase() == TouchPhase.REMOVED && t.session() == 16);
        command("up 4");
        sink.awaitTouch(t -> t.phase() == TouchPhase.REMOVED && t.session() == 17);
        assertEquals(0, server.stats().rejected(), "every frame the page sent was well formed");
        assertEquals(0, server.stats().dropped(), "and within the rate");
    }

    @Test
    void thePageSaysWhenTheRoomIsFull() throws Exception {
        PhoneServer server = startServer(PhoneServerSettings.defaults("127.0.0.1", 0).withMaxParticipants(1));
        TestPhone first = TestPhone.join(http, server.port());
        try {
            openPage(server, "android");
            String full = awaitLine("STATUS full");
            assertTrue(full.contains("room is full"), full);
            assertEquals(1, server.stats().participantsRefused());
            assertEquals(1, server.stats().participantsConnected(), "the first phone keeps its place");
        } finally {
            first.close();
        }
    }

    @Test
    void thePageShowsADisconnectAndReconnectsWhenTheServerIsBack() throws Exception {
        PhoneServer server = startServer(PhoneServerSettings.defaults("127.0.0.1", 0));
        int port = server.port();
        openPage(server, "android");
        awaitLine("STATUS connected");
        server.close();
        assertTrue(awaitLine("STATUS").startsWith("STATUS disconnected"));
        PhoneServer again = startServer(PhoneServerSettings.defaults("127.0.0.1", port));
        awaitLine("STATUS connected");
        assertEquals(1, again.stats().participantsConnected());
    }

    @Test
    void onIosTiltAndShakeWaitForThePermissionButton() throws Exception {
        PhoneServer server = startServer(PhoneServerSettings.defaults("127.0.0.1", 0));
        openPage(server, "ios");
        awaitLine("STATUS connected");
        assertTrue(seen.contains("BUTTON shown"), "the button iOS needs to ask for motion");
        command("orient 10 11 12"); // before permission iOS gives the page nothing
        command("click");
        awaitLine("BUTTON hidden");
        command("orient 10 22 12");
        sink.awaitChannel(c -> c.channel() == BETA && c.value() == 22f);
        assertEquals(List.of(22f), sink.values(BETA));
    }

    @Test
    void whereTiltNeedsNoTapTheButtonGoesAwayAtTheFirstReading() throws Exception {
        PhoneServer server = startServer(PhoneServerSettings.defaults("127.0.0.1", 0));
        openPage(server, "chromium");
        awaitLine("STATUS connected");
        assertTrue(seen.contains("BUTTON shown"), "requestPermission exists, so the page offers the button");
        command("orient 10 33 12"); // Chromium grants without a tap
        awaitLine("BUTTON hidden");
        sink.awaitChannel(c -> c.channel() == BETA && c.value() == 33f);
        assertEquals(List.of(33f), sink.values(BETA));
    }
}
