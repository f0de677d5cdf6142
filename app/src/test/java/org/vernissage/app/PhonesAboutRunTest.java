package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phones' "About this work" panel as a real run serves it: the bundled Handheld's title, its
 * model's card summary, and what this run keeps, said from the run's own options.
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
}
