package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.vernissage.engine.journal.JournalReader;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.TouchFlyweight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phones' "About this work" panel as a real run serves it: the bundled Handheld's title, its
 * model's card summary, and what this run keeps, said from the run's own options; and what a real
 * run's journal keeps of a phone that touched the screen over a real WebSocket.
 */
class PhonesAboutRunTest {

    private static final Path HANDHELD = Path.of("..", "artworks", "handheld");

    @TempDir
    Path temp;

    private JsonNode about(RunOptions options) throws Exception {
        try (BackgroundRun playing = BackgroundRun.start(options, List.of());
             HttpClient client = HttpClient.newHttpClient()) {
            String inputs = playing.run().sources().orElseThrow().describe();
            int port = Integer.parseInt(inputs.replaceAll("(?s).*phones at http://127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/about.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("application/json", response.headers().firstValue("content-type").orElse(""));
            return JsonMapper.builder().build().readTree(response.body());
        }
    }

    private static RunOptions phones() {
        SensorOptions sensors = SensorOptions.defaults().withOsc(List.of()).withPhones("127.0.0.1", PhonesOptions.on(0));
        return RunOptions.defaults(HANDHELD).withSize(new FrameSize(32, 18)).withSensors(sensors);
    }

    @Test
    void aRunThatRecordsNothingSaysNothingIsKeptAndNamesItsModel() throws Exception {
        JsonNode about = about(phones());
        assertEquals("Handheld", about.get("title").asText());
        assertTrue(about.get("kept").asText().startsWith("Nothing you do here is kept"), about.toString());
        assertEquals("look", about.get("models").get(0).get("name").asText());
        assertTrue(about.get("models").get(0).get("purpose").asText().contains("tilt_x"), about.toString());
    }

    @Test
    void aRecordingRunSaysWhatItKeepsAndForHowLong() throws Exception {
        RunOptions options = phones().withJournal(new JournalOptions(Optional.of(temp.resolve("night.vnsj")),
                Optional.empty()));
        options = options.withServices(options.services().withPrivacy(new PrivacyOptions(Optional.of(14), true,
                Optional.empty(), Optional.empty())));
        String kept = about(options).get("kept").asText();
        assertTrue(kept.contains("only as combined values") && kept.contains("never your touches")
                && kept.contains("deleted after 14 days"), kept);
    }

    @Test
    void aRecordedPhoneIsJournalledUnderARandomVisitIdNotItsNumber() throws Exception {
        List<Long> sessions = touchesJournalled(false);
        assertTrue(!sessions.isEmpty(), "the phone's touches are recorded");
        long visit = sessions.get(0) >>> 4;
        assertTrue(visit != 1, "the first phone's number (1) is not what the journal keeps");
        assertTrue(sessions.stream().allMatch(s -> s >>> 4 == visit), "one visit, one id: " + sessions);
    }

    @Test
    void aFeaturesOnlyRecordingKeepsNoTouchOfThePhone() throws Exception {
        assertEquals(List.of(), touchesJournalled(true));
    }

    /** Plays Handheld with a phone touching twice, recording; the sessions of the phone touches journalled. */
    private List<Long> touchesJournalled(boolean featuresOnly) throws Exception {
        Path journal = temp.resolve("phone-" + featuresOnly + ".vnsj");
        RunOptions options = phones().withJournal(new JournalOptions(Optional.of(journal), Optional.empty()));
        options = options.withServices(options.services().withPrivacy(new PrivacyOptions(Optional.empty(),
                featuresOnly, Optional.empty(), Optional.empty())));
        try (BackgroundRun playing = BackgroundRun.start(options, List.of());
             HttpClient client = HttpClient.newHttpClient()) {
            String inputs = playing.run().sources().orElseThrow().describe();
            int port = Integer.parseInt(inputs.replaceAll("(?s).*phones at http://127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
            CompletableFuture<String> joined = new CompletableFuture<>();
            WebSocket socket = client.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"),
                    new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            joined.complete(data.toString());
                            ws.request(1);
                            return null;
                        }
                    }).get(5, TimeUnit.SECONDS);
            assertEquals("joined", joined.get(5, TimeUnit.SECONDS));
            socket.sendBinary(touch(0.25f, 0.5f), true).get(5, TimeUnit.SECONDS);
            TimeUnit.MILLISECONDS.sleep(100);
            socket.sendBinary(touch(0.3f, 0.5f), true).get(5, TimeUnit.SECONDS);
            TimeUnit.MILLISECONDS.sleep(300); // a few frames: the journal is written at frame marks
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        }
        List<Long> sessions = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal)) {
            InputEvent e = new InputEvent();
            TouchFlyweight touch = new TouchFlyweight();
            while (reader.next(e)) {
                if (e.kind() == EventKinds.TOUCH && touch.wrap(e).kind() == TouchKind.PHONE) {
                    sessions.add(touch.session());
                }
            }
        }
        return sessions;
    }

    /** The page's frame: version 1, then 'T' with one finger in slot 0. */
    private static ByteBuffer touch(float x, float y) {
        ByteBuffer frame = ByteBuffer.allocate(1 + 2 + 9).order(ByteOrder.LITTLE_ENDIAN);
        frame.put((byte) 1).put((byte) 'T').put((byte) 1).put((byte) 0).putFloat(x).putFloat(y);
        return frame.flip();
    }
}
