package org.vernissage.showcontrol.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret a technician types into the console: made at start (printed once on the terminal) or
 * read from a file the venue keeps. Compared in constant time, so the time an answer takes says
 * nothing about how much of a guess was right.
 *
 * <p>Immutable; any thread.
 */
public final class ConsoleToken {

    /** Shorter tokens are refused: a few characters can be guessed over a gallery's network. */
    public static final int MIN_LENGTH = 16;

    private final byte[] secret;

    private ConsoleToken(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A new random token: 128 bits, URL-safe Base64 (22 characters). */
    public static ConsoleToken random() {
        byte[] bits = new byte[16];
        new SecureRandom().nextBytes(bits);
        return new ConsoleToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bits));
    }

    /**
     * The token in {@code file} (its first line, trimmed).
     *
     * @throws IOException naming the file when it cannot be read or the token is too short
     */
    public static ConsoleToken fromFile(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
        } catch (IOException e) {
            throw new IOException("console token file " + file + ": cannot read it (" + e.getMessage() + ")", e);
        }
        if (text.length() < MIN_LENGTH) {
            throw new IOException("console token file " + file + ": expected a token of at least " + MIN_LENGTH
                    + " characters on its first line, found " + text.length());
        }
        return new ConsoleToken(text);
    }

    /** Whether {@code candidate} is the token. */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(secret, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** The token itself, to print once at start. */
    public String reveal() {
        return new String(secret, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "console token (hidden)";
    }
}
