package org.vernissage.sensors.osc;

import java.util.Arrays;
import org.vernissage.osc.AddressHash;
import org.vernissage.osc.OscMessageView;

/**
 * Literal OSC addresses resolved to indexes: an open-addressing table keyed on the address bytes,
 * looked up with the hash {@link OscMessageView#addressHash()} computes where the bytes lie, so a
 * lookup neither copies nor allocates. At most half full.
 *
 * <p>Filled on the loading thread, then read only by the one receiving thread of its router.
 */
final class OscAddressTable {

    private final byte[][] addresses;
    private final int mask;
    private final int[] table;
    private final int[] tableHashes;

    /** A table of {@code addresses}: address {@code i} finds index {@code i}. */
    OscAddressTable(byte[][] addresses) {
        this.addresses = addresses;
        int capacity = Integer.highestOneBit(Math.max(8, addresses.length * 2) - 1) << 1;
        mask = capacity - 1;
        table = new int[capacity];
        tableHashes = new int[capacity];
        Arrays.fill(table, -1);
        for (int i = 0; i < addresses.length; i++) {
            if (addresses[i] != null) {
                insert(addresses[i], i);
            }
        }
    }

    /** The index of the message's address, or -1 when it is not in the table. */
    int find(OscMessageView message) {
        int hash = message.addressHash();
        for (int bucket = hash & mask; ; bucket = (bucket + 1) & mask) {
            int index = table[bucket];
            if (index < 0) {
                return -1;
            }
            if (tableHashes[bucket] == hash && message.addressEquals(addresses[index])) {
                return index;
            }
        }
    }

    private void insert(byte[] address, int index) {
        int hash = AddressHash.of(address);
        int bucket = hash & mask;
        while (table[bucket] >= 0) {
            bucket = (bucket + 1) & mask;
        }
        table[bucket] = index;
        tableHashes[bucket] = hash;
    }
}
