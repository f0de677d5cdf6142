package org.vernissage.engine.provenance;

/**
 * A model named in a provenance mark: its name and the digest of its card (SHA-256 of the card
 * file), so a reader can tell which card, hence which training data and consent, stands behind it.
 */
public record ModelMark(String name, String cardDigest) {
}
