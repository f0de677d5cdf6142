package org.vernissage.showcontrol.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.showcontrol.cue.CueFixtures.ENERGY;
import static org.vernissage.showcontrol.cue.CueFixtures.FOCUS_X;
import static org.vernissage.showcontrol.cue.CueFixtures.FOCUS_Y;
import static org.vernissage.showcontrol.cue.CueFixtures.HUE;
import static org.vernissage.showcontrol.cue.CueFixtures.LAYOUT;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.showcontrol.control.LiveControl.Received;
import org.vernissage.showcontrol.control.LiveControl.TcpConsole;
import org.vernissage.showcontrol.cue.CueFixtures;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueListInForce;

/**
 * The control dictionary end to end over real sockets: liblo's {@code oscsend} and SLIP-framed
 * TCP consoles send commands to a running pipeline; replies come back as /reply/... JSON; the
 * parameters the renderer latches change as the cues say.
 */
class ControlEndpointTest {

    private static final String CUES = """
            { 'cues': [
              { 'number': '1', 'name': 'Dawn', 'targets': { 'energy': 0.25 } },
              { 'number': '2', 'name': 'Noon', 'targets': { 'hue': 0.5, 'focus': [0.2, 0.8] } },
              { 'number': '3', 'name': 'Dusk', 'targets': { 'energy': 1 }, 'fade': 0.3 } ] }
            """;

    @TempDir
    Path folder;

    private LiveControl live(Optional<String> passcode) throws Exception {
        CueList cues = CueFixtures.cues(folder, CUES);
        return new LiveControl(LAYOUT, cues, passcode);
    }

    @Test
    void oscsendGoAndCueStartAreAnsweredAndTheShowChanges() throws Exception {
        try (LiveControl live = live(Optional.empty())) {
            live.oscsend("/go");
            Received go = live.nextReply();
            assertEquals("/reply/go", go.address());
            JsonNode json = go.json();
            assertEquals("tide", json.get("workspace_id").asText());
            assertEquals("/go", json.get("address").asText());
            assertEquals("ok", json.get("status").asText());
            assertEquals("1", json.get("data").get("cue").asText());
            assertEquals("2", json.get("data").get("playhead").asText());
            assertEquals(0.25f, live.value(ENERGY), "GO ran cue 1: the snapshot the renderer latches shows it");

            live.oscsend("/cue/2/start");
            Received start = live.nextReply();
            assertEquals("/reply/cue/2/start", start.address());
            assertEquals("ok", start.json().get("status").asText());
            assertEquals("[\"2\"]", start.json().get("data").toString());
            assertEquals(0.5f, live.value(HUE));
            assertEquals(0.2f, live.value(FOCUS_X));
            assertEquals(0.8f, live.value(FOCUS_Y));

            live.oscsend("/cue/playhead/number");
            assertEquals("2", live.nextReply().json().get("data").asText(), "starting a cue by number leaves the playhead");
            live.oscsend("/playhead/3");
            assertEquals("3", live.nextReply().json().get("data").asText());
            live.oscsend("/workspace/tide/go");
            Received dusk = live.nextReply();
            assertEquals("/reply/workspace/tide/go", dusk.address());
            assertEquals("3", dusk.json().get("data").get("cue").asText());
            await(() -> live.value(ENERGY) == 1f, "cue 3 fades energy to 1 over 0.3 s");
        }
    }

    @Test
    void setAndFadeAParameterWildcardsAndTheStateOfACue() throws Exception {
        try (LiveControl live = live(Optional.empty())) {
            live.oscsend("/parameter/focus/set", "ff", "0.1", "0.3");
            JsonNode set = live.nextReply().json();
            assertEquals("ok", set.get("status").asText());
            assertEquals("[0.1,0.3]", set.get("data").toString());
            assertEquals(0.3f, live.value(FOCUS_Y));
            live.oscsend("/parameter/energy/fade", "ffs", "0.2", "0.75", "ease-in");
            assertEquals("ok", live.nextReply().json().get("status").asText());
            await(() -> live.value(ENERGY) == 0.75f, "the fade ends on its value");

            live.oscsend("/cue/{1,3}/start");
            JsonNode both = live.nextReply().json();
            assertEquals("[\"1\",\"3\"]", both.get("data").toString(), "a pattern reaches every cue it matches");
            live.oscsend("/cue/3/state");
            String state = live.nextReply().json().get("data").asText();
            assertTrue(state.equals("running") || state.equals("stopped"), state);
            live.oscsend("/cue/*/stop");
            assertEquals("[\"1\",\"2\",\"3\"]", live.nextReply().json().get("data").toString());
            live.oscsend("/thump");
            assertEquals("thump", live.nextReply().json().get("data").asText());
        }
    }

    @Test
    void unknownCuesMalformedCommandsAndWrongWorkspacesGetClearErrors() throws Exception {
        try (LiveControl live = live(Optional.empty())) {
            live.oscsend("/cue/9/start");
            JsonNode unknown = live.nextReply().json();
            assertEquals("error", unknown.get("status").asText());
            assertEquals("/cue/9/start: no cue numbered 9 (the cues are 1, 2, 3)", unknown.get("data").asText());
            live.oscsend("/cue/1/explode");
            assertTrue(live.nextReply().json().get("data").asText().startsWith("/cue/1/explode: unknown cue action"));
            live.oscsend("/parameter/energy/set", "s", "loud");
            assertEquals("/parameter/energy/set: expected 1 number from 0.0 to 1.0, found [loud]",
                    live.nextReply().json().get("data").asText());
            live.oscsend("/parameter/glow/set", "f", "1");
            assertTrue(live.nextReply().json().get("data").asText().startsWith("/parameter/glow/set: no parameter glow"));
            live.oscsend("/workspace/other/go");
            assertEquals("no workspace other here; this is workspace tide", live.nextReply().json().get("data").asText());
            live.oscsend("/updates", "i", "7");
            assertEquals("error", live.nextReply().json().get("status").asText());
            live.oscsend("/jump");
            assertTrue(live.nextReply().json().get("data").asText().contains("unknown address"));
            for (int i = 0; i < 4; i++) {
                live.oscsend("/go");
            }
            for (int i = 0; i < 3; i++) {
                assertEquals("ok", live.nextReply().json().get("status").asText());
            }
            JsonNode past = live.nextReply().json();
            assertEquals("error", past.get("status").asText());
            assertEquals("the playhead is past the last cue: nothing to go to", past.get("data").asText());
            assertEquals(0f, live.value(HUE) - 0.5f, "the show went on through every refusal");
        }
    }

    @Test
    void aPasscodeIsAskedForAndAWrongOneIsRefused() throws Exception {
        try (LiveControl live = live(Optional.of("4321"))) {
            live.oscsend("/go");
            JsonNode refused = live.nextReply().json();
            assertEquals("badpass", refused.get("status").asText());
            live.oscsend("/workspace/tide/connect", "s", "1234");
            assertEquals("badpass", live.nextReply().json().get("status").asText());
            assertEquals(0f, live.value(ENERGY), "nothing ran");
            live.oscsend("/workspace/tide/connect", "s", "4321");
            JsonNode ok = live.nextReply().json();
            assertEquals("ok", ok.get("status").asText());
            assertEquals("ok:control", ok.get("data").asText());
            live.oscsend("/go");
            assertEquals("ok", live.nextReply().json().get("status").asText());
            assertEquals(0.25f, live.value(ENERGY));
            assertEquals(2, live.endpoint.stats().badPasscodes());
        }
    }

    @Test
    void aConsoleListsTheWorkspacesAndTheVersionBeforeItConnects() throws Exception {
        try (LiveControl live = live(Optional.of("4321"))) {
            live.oscsend("/workspaces");
            Received workspaces = live.nextReply();
            assertEquals("/reply/workspaces", workspaces.address());
            JsonNode json = workspaces.json();
            assertEquals("ok", json.get("status").asText(), "answered before the passcode: how a console finds it");
            JsonNode first = json.get("data").get(0);
            assertEquals("tide", first.get("uniqueID").asText());
            assertTrue(first.get("hasPasscode").asBoolean());
            assertTrue(first.get("version").asText().startsWith("Vernissage "), first.toString());
            live.oscsend("/version");
            assertTrue(live.nextReply().json().get("data").asText().startsWith("Vernissage "));
            live.oscsend("/go");
            assertEquals("badpass", live.nextReply().json().get("status").asText(), "the rest still needs it");
        }
    }

    @Test
    void twoConsolesPressingGoTogetherAreBothAnsweredInOrderOverTcp() throws Exception {
        try (LiveControl live = live(Optional.empty());
             TcpConsole a = new TcpConsole(live.port());
             TcpConsole b = new TcpConsole(live.port())) {
            a.send("/thump");
            b.send("/thump");
            assertEquals("/reply/thump", a.next().address(), "each console is answered on its own connection");
            assertEquals("/reply/thump", b.next().address());
            a.send("/go");
            b.send("/go");
            JsonNode first = a.next().json();
            JsonNode second = b.next().json();
            assertEquals("ok", first.get("status").asText());
            assertEquals("ok", second.get("status").asText());
            List<String> started = List.of(first.get("data").get("cue").asText(), second.get("data").get("cue").asText());
            assertTrue(started.equals(List.of("1", "2")) || started.equals(List.of("2", "1")),
                    "each GO ran its own cue, one after the other: " + started);
            String later = started.get(0).equals("1") ? second.get("data").get("playhead").asText()
                    : first.get("data").get("playhead").asText();
            assertEquals("3", later, "the later GO saw the playhead the earlier one left");
            assertEquals(0.5f, live.value(HUE));
        }
    }

    @Test
    void aConsoleHearsItsAnswersInTheOrderItSentTheCommands() throws Exception {
        try (LiveControl live = live(Optional.empty());
             TcpConsole console = new TcpConsole(live.port())) {
            console.send("/go");          // through the ring: answered after the stage ran it
            console.send("/cue/9/start"); // refused at once by the endpoint
            console.send("/thump");
            console.send("/cue/playhead/number");
            assertEquals("/reply/go", console.next().address());
            assertEquals("/reply/cue/9/start", console.next().address());
            assertEquals("/reply/thump", console.next().address());
            Received playhead = console.next();
            assertEquals("/reply/cue/playhead/number", playhead.address());
            assertEquals("2", playhead.json().get("data").asText());
        }
    }

    @Test
    void subscribedConsolesGetUpdatesAndAConsoleThatLeavesIsForgotten() throws Exception {
        try (LiveControl live = live(Optional.empty());
             TcpConsole console = new TcpConsole(live.port())) {
            TcpConsole gone = new TcpConsole(live.port());
            gone.send("/updates", 1);
            assertEquals("ok", gone.next().json().get("status").asText());
            gone.close();
            console.send("/updates", 1);
            assertEquals("ok", console.next().json().get("status").asText());
            live.oscsend("/go");
            live.nextReply();
            Received playhead = console.next();
            assertEquals("/update/workspace/tide/cueList/main/playbackPosition", playhead.address());
            assertEquals("2", playhead.text());
            Received cue = console.next();
            assertEquals("/update/workspace/tide/cue_id/1", cue.address());
            assertEquals("waiting", cue.text());
            assertEquals("running", console.next().text());
            assertEquals("stopped", console.next().text(), "a snap is over at once");
            console.send("/updates", 0);
            assertEquals("ok", console.next().json().get("status").asText());
        }
    }

    @Test
    void aFullRingIsAnsweredNotWaitedFor() throws Exception {
        try (java.nio.channels.DatagramChannel replies = java.nio.channels.DatagramChannel.open()
                .bind(new java.net.InetSocketAddress("127.0.0.1", 0));
             ControlEndpoint endpoint = new ControlEndpoint(new ControlSettings("127.0.0.1", 0,
                     ((java.net.InetSocketAddress) replies.getLocalAddress()).getPort(), Optional.empty(), 4),
                     new ControlDictionary("tide", new CueListInForce(CueFixtures.cues(folder, CUES)), LAYOUT), event -> false,
                     new org.vernissage.engine.clock.SystemClock(), System.getLogger("test"))) {
            endpoint.start();
            Process p = new ProcessBuilder("oscsend", "127.0.0.1", Integer.toString(endpoint.port()), "/go").start();
            assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0);
            JsonNode reply = LiveControl.next(replies).json();
            assertEquals("error", reply.get("status").asText());
            assertEquals("the engine's input is full; try again", reply.get("data").asText());
            assertEquals(1, endpoint.stats().ringFull());
        }
    }

    @Test
    void aCommandTheEngineNeverAnswersIsAnsweredWithAnErrorAndLaterOnesGoOn() throws Exception {
        try (java.nio.channels.DatagramChannel replies = java.nio.channels.DatagramChannel.open()
                .bind(new java.net.InetSocketAddress("127.0.0.1", 0));
             ControlEndpoint endpoint = new ControlEndpoint(new ControlSettings("127.0.0.1", 0,
                     ((java.net.InetSocketAddress) replies.getLocalAddress()).getPort(), Optional.empty(), 4),
                     new ControlDictionary("tide", new CueListInForce(CueFixtures.cues(folder, CUES)), LAYOUT), event -> true,
                     new org.vernissage.engine.clock.SystemClock(), System.getLogger("test"))) {
            endpoint.start(); // the commands enter a "ring" that nothing drains: no stage will answer
            for (String address : List.of("/go", "/thump")) {
                Process p = new ProcessBuilder("oscsend", "127.0.0.1", Integer.toString(endpoint.port()), address)
                        .start();
                assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0);
            }
            long start = System.nanoTime();
            Received go = LiveControl.next(replies);
            assertEquals("/reply/go", go.address());
            assertEquals("the engine did not answer within 2 s", go.json().get("data").asText());
            assertTrue(System.nanoTime() - start < 4_000_000_000L);
            assertEquals("/reply/thump", LiveControl.next(replies).address(), "the next answer follows at once");
        }
    }

    @Test
    void aSenderOutsideTheAllowlistIsDroppedUnansweredAndItsConnectionClosed() throws Exception {
        java.util.concurrent.atomic.AtomicInteger offered = new java.util.concurrent.atomic.AtomicInteger();
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        System.Logger log = new System.Logger() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public boolean isLoggable(Level level) {
                return true;
            }

            @Override
            public void log(Level level, java.util.ResourceBundle bundle, String message, Throwable thrown) {
                logged.add(message);
            }

            @Override
            public void log(Level level, java.util.ResourceBundle bundle, String format, Object... params) {
                logged.add(format);
            }
        };
        try (java.nio.channels.DatagramChannel replies = java.nio.channels.DatagramChannel.open()
                .bind(new java.net.InetSocketAddress("127.0.0.1", 0));
             ControlEndpoint endpoint = new ControlEndpoint(new ControlSettings("127.0.0.1", 0,
                     ((java.net.InetSocketAddress) replies.getLocalAddress()).getPort(), Optional.empty(), 4)
                     .withAllow(org.vernissage.showcontrol.access.AddressAllowlist.parse("--control-allow",
                             "192.168.1.0/24,fd00::/8")),
                     new ControlDictionary("tide", new CueListInForce(CueFixtures.cues(folder, CUES)), LAYOUT),
                     event -> offered.incrementAndGet() > 0,
                     new org.vernissage.engine.clock.SystemClock(), log)) {
            endpoint.start();
            for (String address : List.of("/go", "/udpReplyPort")) {
                Process p = new ProcessBuilder("oscsend", "127.0.0.1", Integer.toString(endpoint.port()), address)
                        .start();
                assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0);
            }
            await(() -> endpoint.stats().notAllowed() == 2, "both datagrams refused");
            try (java.net.Socket tcp = new java.net.Socket("127.0.0.1", endpoint.port())) {
                tcp.setSoTimeout(5000);
                try {
                    tcp.getOutputStream().write(new byte[] {(byte) 0xC0, '/', 'g', 'o', 0, ',', 0, 0, 0, (byte) 0xC0});
                    assertEquals(-1, tcp.getInputStream().read(), "closed at accept, nothing answered");
                } catch (java.net.SocketException reset) {
                    // closed before the bytes arrived: refused all the same
                }
            }
            await(() -> endpoint.stats().notAllowed() == 3, "the connection refused");
            replies.configureBlocking(false);
            Thread.sleep(300); // a reply, had there been one, comes within milliseconds
            assertEquals(null, replies.receive(java.nio.ByteBuffer.allocate(65536)), "no reply to a stranger");
            assertEquals(0, offered.get(), "nothing entered the engine");
            assertEquals(0, endpoint.stats().commands());
            assertEquals(1, logged.size(), "the first refusal logged, once: " + logged);
            assertTrue(logged.get(0).contains("refused a datagram from 127.0.0.1, which is not in --control-allow"
                    + " 192.168.1.0/24,fd00::/8"), logged.get(0));
            assertTrue(endpoint.stats().describe("here").contains("3 refused as not in --control-allow"),
                    endpoint.stats().describe("here"));
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(2);
        }
    }
}
