package org.vernissage.models.learn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over what a model computes (texts, integers and floats bit for bit), for the
 * {@code "digest"} of model files and cards: the same training gives the same digest, a changed
 * or damaged file a different one.
 *
 * <p>One per digest, on one thread.
 */
final class Digest {

    private final MessageDigest sha;
    private final byte[] word = new byte[4];

    Digest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    Digest text(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        integer(bytes.length);
        sha.update(bytes);
        return this;
    }

    Digest integer(int value) {
        word[0] = (byte) (value >>> 24);
        word[1] = (byte) (value >>> 16);
        word[2] = (byte) (value >>> 8);
        word[3] = (byte) value;
        sha.update(word);
        return this;
    }

    Digest floats(float[] values) {
        integer(values.length);
        for (float value : values) {
            integer(Float.floatToRawIntBits(value));
        }
        return this;
    }

    Digest integers(int[] values) {
        integer(values.length);
        for (int value : values) {
            integer(value);
        }
        return this;
    }

    /** The digest as lower-case hex. */
    String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
