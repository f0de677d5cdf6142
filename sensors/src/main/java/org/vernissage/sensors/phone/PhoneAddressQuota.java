package org.vernissage.sensors.phone;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * How much of the server one remote address may hold: at most
 * {@link PhoneServerSettings#maxParticipantsPerAddress()} participant places, and twice that many
 * open connections (a phone's socket, its page load, a reconnect overlapping the old socket's
 * close), so that one laptop cannot take every place or every connection slot.
 *
 * <p>An IPv6 client is counted by its /64 prefix: a single host can take any number of addresses
 * in its own /64 (privacy addresses), but not outside it. Addresses the server cannot see (a test
 * channel without an IP address) are not limited.
 *
 * <p>Confined to the phones' event loop thread; shared by the connections' handlers, owned by the
 * {@link PhoneServer}. Allocates an entry per address while it has connections (per connection,
 * never per message).
 */
final class PhoneAddressQuota {

    /** What one address holds now. */
    private static final class Held {
        int connections;
        int places;
    }

    /** An IPv6 client's /64. */
    private record Ipv6Prefix(long bits) {
    }

    private final Map<Object, Held> byAddress = new HashMap<>();
    private final int maxConnections;
    private final int maxPlaces;

    PhoneAddressQuota(PhoneServerSettings settings) {
        this.maxConnections = connectionsPerAddress(settings);
        this.maxPlaces = settings.maxParticipantsPerAddress();
    }

    /** The open connections one address may have: twice its places. */
    static int connectionsPerAddress(PhoneServerSettings settings) {
        return 2 * settings.maxParticipantsPerAddress();
    }

    /** A connection from {@code remote} opens: false (and nothing counted) when its address has its share. */
    boolean openConnection(SocketAddress remote) {
        Object key = key(remote);
        if (key == null) {
            return true;
        }
        Held held = byAddress.computeIfAbsent(key, k -> new Held());
        if (held.connections >= maxConnections) {
            return false;
        }
        held.connections++;
        return true;
    }

    /** A connection {@link #openConnection} admitted has closed. */
    void closeConnection(SocketAddress remote) {
        Held held = held(remote);
        if (held != null) {
            held.connections--;
            forgetIfEmpty(remote, held);
        }
    }

    /** A phone from {@code remote} asks for a participant place: false when its address has its share. */
    boolean takePlace(SocketAddress remote) {
        Object key = key(remote);
        if (key == null) {
            return true;
        }
        Held held = byAddress.computeIfAbsent(key, k -> new Held());
        if (held.places >= maxPlaces) {
            forgetIfEmpty(remote, held);
            return false;
        }
        held.places++;
        return true;
    }

    /** A place {@link #takePlace} gave is free again. */
    void releasePlace(SocketAddress remote) {
        Held held = held(remote);
        if (held != null) {
            held.places--;
            forgetIfEmpty(remote, held);
        }
    }

    /** Addresses holding a connection or a place now (for tests: nothing leaks). */
    int addresses() {
        return byAddress.size();
    }

    private Held held(SocketAddress remote) {
        Object key = key(remote);
        return key == null ? null : byAddress.get(key);
    }

    private void forgetIfEmpty(SocketAddress remote, Held held) {
        if (held.connections <= 0 && held.places <= 0) {
            byAddress.remove(key(remote));
        }
    }

    private static Object key(SocketAddress remote) {
        if (!(remote instanceof InetSocketAddress socket) || socket.getAddress() == null) {
            return null;
        }
        InetAddress address = socket.getAddress();
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            long prefix = 0;
            for (int i = 0; i < 8; i++) {
                prefix = (prefix << 8) | (bytes[i] & 0xFF);
            }
            return new Ipv6Prefix(prefix);
        }
        return address;
    }
}
