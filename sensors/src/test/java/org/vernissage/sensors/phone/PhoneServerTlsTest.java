package org.vernissage.sensors.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.phone.PhoneTestFrames.frame;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.PhoneAggregate;
import org.vernissage.engine.binding.PhoneSelector;
import org.vernissage.engine.binding.PhoneSignal;
import org.vernissage.engine.clock.SystemClock;
import org.vernissage.engine.pipeline.TouchPhase;
import org.vernissage.sensors.RecordingLogger;
import org.vernissage.sensors.SensorStartException;

/**
 * The server over TLS on loopback, with a certificate for 127.0.0.1 made by the JDK's keytool:
 * the page over HTTPS and phones over secure WebSocket (what browsers require before they give a
 * page tilt and shake), and a plain-HTTP client on the TLS port refused and counted.
 */
class PhoneServerTlsTest {

    private static final char[] PASSWORD = "gallery-secret".toCharArray();
    private static final List<BindingSpec> BINDINGS = List.of(new BindingSpec(
            new PhoneSelector(PhoneSignal.ORIENTATION_GAMMA, PhoneAggregate.MEAN), "p", 0,
            ConditioningSpec.linear(-90, 90, 0, 1)));

    @TempDir
    static Path folder;
    private static Path keyStore;

    private final RecordingInputSink sink = new RecordingInputSink();
    private final RecordingLogger logger = new RecordingLogger();
    private HttpClient trusting;
    private PhoneServer server;

    @BeforeAll
    static void makeCertificate() throws Exception {
        keyStore = folder.resolve("phones.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "phones",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool: " + output);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (trusting != null) {
            trusting.close();
        }
    }

    /** A client that trusts exactly the test certificate, as a phone told to trust it would. */
    private static HttpClient trustingClient() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            trust.load(in, PASSWORD);
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private void start() throws Exception {
        start(PhoneServerSettings.defaults("127.0.0.1", 0));
    }

    private void start(PhoneServerSettings settings) throws Exception {
        SSLContext tls = PhoneTls.fromPkcs12(keyStore, PASSWORD);
        server = new PhoneServer(settings.withTls(tls), BINDINGS, sink, new SystemClock(), logger);
        server.start();
        trusting = trustingClient();
    }

    @Test
    void servesThePageOverHttpsAndPhonesOverSecureWebSocket() throws Exception {
        start();
        assertEquals("phones https 127.0.0.1:" + server.port(), server.counters().source());
        assertEquals(List.of("https://127.0.0.1:" + server.port() + "/"), server.pageUrls());

        HttpResponse<String> page = trusting.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + server.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("location.protocol === 'https:' ? 'wss://' : 'ws://'"),
                "the page picks wss:// when it came over https");

        try (TestPhone phone = TestPhone.join(trusting, URI.create("wss://127.0.0.1:" + server.port() + "/ws"))) {
            phone.send(frame().orientation(0, 0, 45).touches(0, 0.5f, 0.5f));
            sink.awaitChannel(c -> c.channel() == 0 && c.value() == 45f);
            sink.awaitTouch(t -> t.phase() == TouchPhase.ADDED);
        }
        assertEquals(0, server.stats().rejected());
    }

    @Test
    void plainHttpOnTheTlsPortIsRefusedAndCounted() throws Exception {
        start();
        try (Socket plain = new Socket("127.0.0.1", server.port())) {
            plain.setSoTimeout(5_000);
            plain.getOutputStream().write("GET / HTTP/1.1\r\nHost: gallery\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = plain.getInputStream().readAllBytes(); // until the server closes
            assertFalse(new String(answer, StandardCharsets.ISO_8859_1).contains("<html"), "no page over plain http");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        // The count comes just before the log line, both on the event loop: wait for both.
        while ((server.stats().rejected(PhoneRejection.TLS) == 0 || logger.count("TLS") == 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, server.stats().rejected(PhoneRejection.TLS));
        assertEquals(1, logger.count("TLS"), logger.snapshot().toString());
        assertEquals(0, logger.count("unexpectedly"), "a refused handshake is not a bug");
    }

    @Test
    void thePageFitsUnderTheSmallestOutboundLimitEvenOverTls() throws Exception {
        // TLS queues the page's plain bytes and their records at once: the smallest limit must hold both.
        start(PhoneServerSettings.defaults("127.0.0.1", 0)
                .withMaxPendingOutboundBytes(PhoneServerSettings.MIN_PENDING_OUTBOUND_BYTES));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> page = trusting.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
        }
        assertEquals(0, server.stats().disconnected(PhoneDisconnect.SLOW_READER));
        assertTrue(server.stats().pendingOutboundPeakBytes() <= PhoneServerSettings.MIN_PENDING_OUTBOUND_BYTES,
                "peak " + server.stats().pendingOutboundPeakBytes());
        System.out.println("page over TLS: at most " + server.stats().pendingOutboundPeakBytes() + " bytes queued");
    }

    @Test
    void aClientThatNeverFinishesItsTlsHandshakeIsClosedAtTheRequestDeadline() throws Exception {
        start(PhoneServerSettings.defaults("127.0.0.1", 0).withRequestTimeout(Duration.ofMillis(300)));
        try (Socket silent = new Socket("127.0.0.1", server.port())) {
            silent.setSoTimeout(5_000);
            silent.getOutputStream().write(0x16); // the first byte of a TLS record, and no more
            long started = System.nanoTime();
            assertEquals(-1, silent.getInputStream().read(), "closed without an answer");
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(3), "at the deadline");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.stats().disconnected(PhoneDisconnect.REQUEST_TIMEOUT) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, server.stats().disconnected(PhoneDisconnect.REQUEST_TIMEOUT));
        Thread.sleep(100); // a TLS failure, were one reported for this close, would come with it
        assertEquals(0, server.stats().rejected(PhoneRejection.TLS), "the server closed it: not a TLS failure");
        assertEquals(0, logger.count("unexpectedly"), logger.snapshot().toString());
    }

    @Test
    void aBadKeyStoreIsNamedInTheError() throws Exception {
        Path missing = folder.resolve("missing.p12");
        SensorStartException notThere = assertThrows(SensorStartException.class,
                () -> PhoneTls.fromPkcs12(missing, PASSWORD));
        assertTrue(notThere.getMessage().contains(missing.toString()), notThere.getMessage());

        SensorStartException wrong = assertThrows(SensorStartException.class,
                () -> PhoneTls.fromPkcs12(keyStore, "not-it".toCharArray()));
        assertTrue(wrong.getMessage().contains(keyStore.toString()), wrong.getMessage());

        Path notPkcs12 = Files.writeString(folder.resolve("notes.p12"), "not a key store");
        SensorStartException garbage = assertThrows(SensorStartException.class,
                () -> PhoneTls.fromPkcs12(notPkcs12, PASSWORD));
        assertTrue(garbage.getMessage().contains("PKCS#12"), garbage.getMessage());
    }

    @Test
    void aDamagedKeyStoreIsNamedWithItsCauseNeverNull() throws Exception {
        byte[] whole = Files.readAllBytes(keyStore);
        Path truncated = Files.write(folder.resolve("truncated.p12"), java.util.Arrays.copyOf(whole, whole.length / 2));
        SensorStartException cut = assertThrows(SensorStartException.class,
                () -> PhoneTls.fromPkcs12(truncated, PASSWORD));
        assertTrue(cut.getMessage().contains(truncated.toString()), cut.getMessage());
        assertTrue(cut.getMessage().contains("truncated or damaged"), cut.getMessage());
        assertFalse(cut.getMessage().contains("null"), cut.getMessage());

        byte[] flipped = whole.clone();
        flipped[flipped.length - 40] ^= (byte) 0xFF; // inside the integrity MAC
        Path damaged = Files.write(folder.resolve("damaged.p12"), flipped);
        SensorStartException bad = assertThrows(SensorStartException.class,
                () -> PhoneTls.fromPkcs12(damaged, PASSWORD));
        assertTrue(bad.getMessage().contains(damaged.toString()), bad.getMessage());
        assertTrue(bad.getMessage().contains("damaged"), "not only 'wrong password': " + bad.getMessage());
        assertFalse(bad.getMessage().contains("null"), bad.getMessage());
    }
}
