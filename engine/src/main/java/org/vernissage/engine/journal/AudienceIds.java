package org.vernissage.engine.journal;

import java.security.SecureRandom;

/**
 * Turns a phone participant's number (1, 2, 3 ... in order of joining, one per connection, so one
 * per visit) into the id a journal stores: a keyed permutation of the 32-bit number (a four-round
 * Feistel network over 16-bit halves) under a key drawn from {@link SecureRandom} for each
 * recording and never written anywhere. Because it is a permutation, two visits never share an id
 * within a recording and a visit keeps its id across its touches (replay still tells fingers
 * apart); because the key is fresh per recording and secret, the stored ids neither reveal the
 * order of joining nor link a visitor across recordings. The phones' server never sees or sends an
 * address as an id; this makes sure the journal does not keep even the counter.
 *
 * <p>Allocation-free; confined to the journal's ring thread. Owned by its {@link JournalWriter}.
 */
final class AudienceIds {

    private static final int ROUNDS = 4;
    private final int[] keys = new int[ROUNDS];

    /** A fresh secret key. */
    AudienceIds() {
        this(new SecureRandom());
    }

    AudienceIds(java.util.Random random) {
        for (int i = 0; i < ROUNDS; i++) {
            keys[i] = random.nextInt();
        }
    }

    /**
     * The stored session of a phone's finger: a phone session is {@code participant * 16 + slot}
     * (the phones' server's layout); the participant part is permuted, the finger's slot kept.
     */
    long phoneSession(long session) {
        long participant = session >>> 4;
        long slot = session & 0xF;
        return (permute((int) participant) & 0xFFFF_FFFFL) << 4 | slot;
    }

    /** The keyed permutation of 32-bit values. */
    int permute(int value) {
        int left = value >>> 16;
        int right = value & 0xFFFF;
        for (int i = 0; i < ROUNDS; i++) {
            int next = left ^ (mix(right ^ keys[i]) & 0xFFFF);
            left = right;
            right = next;
        }
        return left << 16 | right;
    }

    /** MurmurHash3's finaliser: every input bit moves every output bit. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EB_CA6B;
        h ^= h >>> 13;
        h *= 0xC2B2_AE35;
        h ^= h >>> 16;
        return h;
    }
}
