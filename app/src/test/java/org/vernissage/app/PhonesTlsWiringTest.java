package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --phones-tls} and {@code --phones-tls-password-file}: the phones' page served over HTTPS
 * by a real run of the bundled artwork, with a certificate for 127.0.0.1 made by the JDK's keytool;
 * and a clear one-line answer for each way the flags or files can be wrong.
 */
class PhonesTlsWiringTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");
    private static final String PASSWORD = "gallery-secret";

    @TempDir
    static Path folder;
    private static Path keyStore;
    private static Path passwordFile;

    @BeforeAll
    static void makeCertificate() throws Exception {
        keyStore = folder.resolve("phones.p12");
        passwordFile = folder.resolve("phones.password");
        Files.writeString(passwordFile, PASSWORD + "\n"); // as `echo secret > file` writes it
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "phones",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool: " + output);
    }

    @Test
    void aRunServesThePhonesOverHttps() throws Exception {
        SensorOptions sensors = SensorOptions.defaults().withOsc(List.of())
                .withPhones("127.0.0.1", PhonesOptions.on(0).withTls(new PhoneTlsFiles(keyStore, passwordFile)));
        RunOptions options = RunOptions.defaults(TIDEWATER).withSize(new FrameSize(32, 18)).withSensors(sensors);
        try (BackgroundRun playing = BackgroundRun.start(options, List.of());
             HttpClient client = HttpClient.newBuilder().sslContext(trusting()).build()) {
            String inputs = playing.run().sources().orElseThrow().describe();
            assertTrue(inputs.contains("phones at https://127.0.0.1:"), inputs);
            int port = Integer.parseInt(inputs.replaceAll("(?s).*phones at https://127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
            HttpResponse<String> page = client.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("WebSocket"), "the page opens a WebSocket");
        }
    }

    @Test
    void aWrongPasswordNamesTheKeyStore() throws Exception {
        Path wrong = folder.resolve("wrong.password");
        Files.writeString(wrong, "not-the-password\n");
        Outcome outcome = run("--phones", "0", "--phones-tls", keyStore.toString(), "--phones-tls-password-file",
                wrong.toString());
        assertEquals(Main.EXIT_FAILURE, outcome.exit(), outcome.err());
        assertTrue(outcome.firstLine().contains(keyStore.toString()) && outcome.firstLine().contains("wrong password"),
                outcome.firstLine());
    }

    @Test
    void aMissingKeyStoreOrPasswordFileIsNamed() {
        Path noStore = folder.resolve("absent.p12");
        Outcome store = run("--phones", "0", "--phones-tls", noStore.toString(), "--phones-tls-password-file",
                passwordFile.toString());
        assertEquals(Main.EXIT_FAILURE, store.exit(), store.err());
        assertTrue(store.firstLine().contains(noStore.toString()) && store.firstLine().contains("does not exist"),
                store.firstLine());

        Path noPassword = folder.resolve("absent.password");
        Outcome password = run("--phones", "0", "--phones-tls", keyStore.toString(), "--phones-tls-password-file",
                noPassword.toString());
        assertEquals(Main.EXIT_FAILURE, password.exit(), password.err());
        assertTrue(password.firstLine().contains(noPassword.toString()), password.firstLine());
    }

    @Test
    void aDamagedKeyStoreIsNamedWithWhatIsWrong() throws Exception {
        Path cut = folder.resolve("cut-short.p12");
        byte[] whole = Files.readAllBytes(keyStore);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 3)); // a copy interrupted part-way
        Outcome damaged = run("--phones", "0", "--phones-tls", cut.toString(), "--phones-tls-password-file",
                passwordFile.toString());
        assertEquals(Main.EXIT_FAILURE, damaged.exit(), damaged.err());
        String line = damaged.firstLine();
        assertTrue(line.contains(cut.toString()) && line.contains("damaged or cut short") && line.contains("PKCS#12")
                && !line.contains("null"), line);
    }

    @Test
    void incompleteFlagsAreUsageErrors() {
        Outcome noPasswordFile = run("--phones", "0", "--phones-tls", keyStore.toString());
        assertEquals(Main.EXIT_USAGE, noPasswordFile.exit(), noPasswordFile.err());
        assertTrue(noPasswordFile.err().contains("--phones-tls needs --phones-tls-password-file"), noPasswordFile.err());

        Outcome noPhones = run("--phones-tls", keyStore.toString(), "--phones-tls-password-file",
                passwordFile.toString());
        assertEquals(Main.EXIT_USAGE, noPhones.exit(), noPhones.err());
        assertTrue(noPhones.err().contains("add --phones"), noPhones.err());

        Outcome noKeyStore = run("--phones", "0", "--phones-tls-password-file", passwordFile.toString());
        assertEquals(Main.EXIT_USAGE, noKeyStore.exit(), noKeyStore.err());
        assertTrue(noKeyStore.err().contains("give --phones-tls"), noKeyStore.err());
    }

    private record Outcome(int exit, String err) {
        String firstLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    /** {@code vernissage run tidewater --headless --frames 1 --osc-port 0 --sensor-host 127.0.0.1 ARGS}. */
    private static Outcome run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", TIDEWATER.toString(), "--headless", "--frames", "1",
                "--osc-port", "0", "--sensor-host", "127.0.0.1"));
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        int exit = Main.execute(args.toArray(String[]::new), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        return new Outcome(exit, err.toString());
    }

    /** A client context that trusts exactly the test's certificate. */
    private static SSLContext trusting() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("phones", store.getCertificate("phones"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
