package org.vernissage.showcontrol.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.showcontrol.cue.CueFixtures;

/**
 * The replies as liblo's {@code oscdump} prints them (the docs' examples): a console sends
 * {@code /udpReplyPort} to move its replies to where oscdump listens, then {@code /go}.
 * Bounded: oscdump is killed at the end, every wait gives up after 10 s.
 */
class OscdumpRepliesTest {

    @TempDir
    Path folder;

    @Test
    void oscdumpPrintsTheReplyJson() throws Exception {
        int dumpPort;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            dumpPort = probe.getLocalPort();
        }
        Process oscdump = new ProcessBuilder("oscdump", "-L", Integer.toString(dumpPort)).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(oscdump.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (Exception ignored) {
                // oscdump was killed
            }
        }, "test-oscdump");
        reader.setDaemon(true);
        reader.start();
        try (LiveControl live = new LiveControl(CueFixtures.LAYOUT, CueFixtures.cues(folder,
                "{ 'cues': [ { 'number': '1', 'name': 'Dawn', 'targets': { 'energy': 0.25 } }, { 'number': '2' } ] }"),
                Optional.empty())) {
            Thread.sleep(300); // oscdump binds its port as it starts
            live.oscsend("/udpReplyPort", "i", Integer.toString(dumpPort));
            live.oscsend("/go");
            List<String> got = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String line = lines.poll(10, TimeUnit.SECONDS);
                assertTrue(line != null, "oscdump printed only " + got);
                got.add(line.substring(line.indexOf(' ') + 1)); // after the time tag
            }
            assertEquals("/reply/udpReplyPort s \"{\"workspace_id\":\"tide\",\"address\":\"/udpReplyPort\","
                    + "\"status\":\"ok\",\"data\":\"" + dumpPort + "\"}\"", got.get(0));
            assertEquals("/reply/go s \"{\"workspace_id\":\"tide\",\"address\":\"/go\",\"status\":\"ok\","
                    + "\"data\":{\"cue\":\"1\",\"playhead\":\"2\"}}\"", got.get(1));
        } finally {
            oscdump.destroy();
            oscdump.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
