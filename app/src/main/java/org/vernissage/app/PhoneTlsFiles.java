package org.vernissage.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.vernissage.sensors.SensorStartException;
import org.vernissage.sensors.phone.PhoneTls;

/**
 * Where the phones' server finds its certificate: a PKCS#12 key store and a file holding its
 * password ({@code --phones-tls} and {@code --phones-tls-password-file}). Browsers give a page
 * tilt and shake only over HTTPS, so a gallery that wants them serves the phones this way.
 *
 * <p>The password comes from a file, never from the command line, where any user of the machine
 * could read it in the process list. Its first line is the password (a trailing newline, as an
 * editor or {@code echo} leaves it, is not part of it).
 *
 * <p>Immutable; {@link #load()} is called once by the wiring thread when the server starts.
 *
 * @param keyStore the PKCS#12 file with the server's key and certificate chain
 * @param passwordFile the file whose first line is the key store's password
 */
public record PhoneTlsFiles(Path keyStore, Path passwordFile) {

    public PhoneTlsFiles {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(passwordFile, "passwordFile");
    }

    /**
     * Reads the password and the key store and makes the server's TLS context.
     *
     * @throws SensorStartException naming the file that is missing, unreadable or wrong
     */
    public SSLContext load() throws SensorStartException {
        char[] password = readPassword();
        try {
            return PhoneTls.fromPkcs12(keyStore, password);
        } catch (SensorStartException e) {
            throw named(e);
        } finally {
            Arrays.fill(password, '\0'); // do not leave it on the heap longer than needed
        }
    }

    /**
     * A key store cut short or overwritten fails to load with an exception that has no message
     * (an {@code EOFException}, say), which would reach the console as "(null)": say which file,
     * what is wrong with it and what it must be instead.
     */
    private SensorStartException named(SensorStartException failure) {
        Throwable cause = failure.getCause();
        if (!(cause instanceof IOException) || cause.getMessage() != null) {
            return failure;
        }
        return new SensorStartException("phones TLS: cannot read key store " + keyStore + ": the file is damaged or"
                + " cut short (" + cause.getClass().getSimpleName() + " while reading it); it must be a PKCS#12"
                + " key store with the server's key and certificate (keytool -genkeypair -storetype PKCS12)",
                failure.getCause());
    }

    private char[] readPassword() throws SensorStartException {
        try {
            String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                throw new SensorStartException("phones TLS: the password file " + passwordFile
                        + " is empty; its first line must be the password of " + keyStore, null);
            }
            return line.toCharArray();
        } catch (NoSuchFileException e) {
            throw new SensorStartException("phones TLS: the password file " + passwordFile + " does not exist", e);
        } catch (IOException e) {
            throw new SensorStartException("phones TLS: cannot read the password file " + passwordFile + " ("
                    + e.getMessage() + ")", e);
        }
    }
}
