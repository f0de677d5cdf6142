package org.vernissage.sensors.phone;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.vernissage.sensors.SensorStartException;

/**
 * Makes the TLS context for {@link PhoneServerSettings#withTls} from a PKCS#12 key store holding
 * the server's private key and certificate chain (what {@code keytool -genkeypair} or
 * {@code openssl pkcs12 -export} writes).
 *
 * <p>Why it matters: browsers give DeviceOrientation and DeviceMotion only to secure pages, so
 * without TLS the phones send touches only. A phone trusts the certificate when it names the
 * address the visitors open (a DNS name the gallery controls, pointing at the engine's LAN
 * address, with a certificate from a public CA) or when the phones were told to trust a
 * self-signed one; otherwise each visitor has to click through a warning.
 *
 * <p>Called once by the app's wiring thread, before the server starts; stateless.
 */
public final class PhoneTls {

    private PhoneTls() {
    }

    /**
     * Reads {@code keyStore} (PKCS#12) and makes a server TLS context from its key.
     *
     * @throws SensorStartException naming the file and the cause, when it is missing, unreadable,
     *     truncated or damaged, not PKCS#12, has no key, or the password is wrong
     */
    public static SSLContext fromPkcs12(Path keyStore, char[] password) throws SensorStartException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!hasKey(store)) {
                throw new SensorStartException("phones TLS: " + keyStore + " holds no private key; it needs the"
                        + " server's key and certificate", null);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (NoSuchFileException e) {
            throw new SensorStartException("phones TLS: key store " + keyStore + " does not exist", e);
        } catch (IOException e) {
            throw new SensorStartException("phones TLS: cannot read key store " + keyStore + " (" + whyUnreadable(e)
                    + "); it must be PKCS#12", e);
        } catch (GeneralSecurityException e) {
            throw new SensorStartException("phones TLS: cannot use key store " + keyStore + " (" + describe(e)
                    + ")", e);
        }
    }

    /**
     * What went wrong reading the store, in words: the JDK's own messages are often null (a
     * truncated file is a bare {@code EOFException}) or name only the integrity check, which a
     * wrong password and a damaged file fail alike.
     */
    static String whyUnreadable(IOException e) {
        if (e instanceof EOFException) {
            return "the file ends early: it is truncated or damaged";
        }
        if (e.getCause() instanceof UnrecoverableKeyException) {
            return "wrong password, or the file is damaged: its integrity check failed";
        }
        return describe(e);
    }

    /** The exception's message, or its kind when it has none, followed by its cause's. */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && (e.getMessage() == null || !e.getMessage().contains(String.valueOf(cause.getMessage())))) {
            return message + ": " + describe(cause);
        }
        return message;
    }

    private static boolean hasKey(KeyStore store) throws GeneralSecurityException {
        for (var aliases = store.aliases(); aliases.hasMoreElements(); ) {
            if (store.isKeyEntry(aliases.nextElement())) {
                return true;
            }
        }
        return false;
    }
}
