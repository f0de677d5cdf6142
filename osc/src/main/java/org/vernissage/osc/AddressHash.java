package org.vernissage.osc;

/**
 * The one hash of OSC address bytes shared by the router's table (hashing {@code byte[]} keys at
 * load) and {@link OscMessageView} (hashing the bytes where they lie in the packet), so both
 * always agree. FNV-1a, then Murmur3's finalizer: addresses such as "/1/fader1".."/1/fader9"
 * differ only in their last byte and the router indexes by the low bits.
 *
 * <p>Stateless; any thread.
 */
public final class AddressHash {

    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;

    private AddressHash() {
    }

    static int start() {
        return FNV_OFFSET;
    }

    static int step(int hash, byte b) {
        return (hash ^ (b & 0xFF)) * FNV_PRIME;
    }

    static int finish(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    /** The hash of a whole address, as {@link OscMessageView#addressHash()} computes it in place. */
    public static int of(byte[] address) {
        int hash = start();
        for (byte b : address) {
            hash = step(hash, b);
        }
        return finish(hash);
    }
}
