package org.vernissage.showcontrol.access;

import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which remote addresses may use a control surface ({@code --control-allow}): a list of IPv4 and
 * IPv6 addresses and CIDR ranges ({@code 192.168.1.0/24}, {@code 10.0.0.7}, {@code fd00::/8}), or
 * everyone (the default). Literals only: a host name would need DNS, which can be slow, absent on a
 * show network or spoofed, and would make the list mean something different from day to day.
 *
 * <p>Immutable; {@link #permits} is safe from any thread. It runs once per datagram or connection
 * (a person's pace, never per frame) and copies the address's bytes, as the JDK offers no view.
 * An IPv4-mapped IPv6 address, as a dual-stack socket may report an IPv4 peer, is compared as the
 * IPv4 address.
 */
public final class AddressAllowlist {

    private static final AddressAllowlist EVERYONE = new AddressAllowlist(List.of(), "everyone");

    /** One range: the network's bytes (host bits cleared) and its prefix length. */
    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address, int offset, int length) {
            if (length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[offset + i] != network[i]) {
                    return false;
                }
            }
            int bits = prefix % 8;
            if (bits == 0) {
                return true;
            }
            int mask = (0xFF << (8 - bits)) & 0xFF;
            return (address[offset + whole] & mask) == (network[whole] & 0xFF);
        }
    }

    private final List<Range> ranges;
    private final String text;

    private AddressAllowlist(List<Range> ranges, String text) {
        this.ranges = ranges;
        this.text = text;
    }

    /** Every address may connect (no {@code --control-allow}). */
    public static AddressAllowlist everyone() {
        return EVERYONE;
    }

    /**
     * Reads a comma-separated list of addresses and CIDR ranges.
     *
     * @param flag the option's name, for the message ({@code --control-allow})
     * @throws IllegalArgumentException naming the entry that is not an address or range, and what
     *     was expected
     */
    public static AddressAllowlist parse(String flag, String list) {
        Objects.requireNonNull(list, "list");
        List<Range> ranges = new ArrayList<>();
        for (String raw : list.split(",", -1)) {
            ranges.add(range(flag, raw.strip()));
        }
        return new AddressAllowlist(List.copyOf(ranges), list.strip());
    }

    /** Reads several values of the option (each may itself be a comma-separated list). */
    public static AddressAllowlist parse(String flag, List<String> values) {
        if (values == null || values.isEmpty()) {
            return EVERYONE;
        }
        return parse(flag, String.join(",", values));
    }

    private static Range range(String flag, String entry) {
        String expected = " (expected an IPv4 or IPv6 address or a CIDR range such as 192.168.1.0/24, 10.0.0.7"
                + " or fd00::/8; host names are not taken)";
        if (entry.isEmpty()) {
            throw new IllegalArgumentException(flag + ": an empty entry in the list" + expected);
        }
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        // Netty's reader takes literals only (it never resolves a name) and gives null for anything else.
        byte[] bytes = host.isEmpty() ? null : NetUtil.createByteArrayFromIpAddressString(host);
        if (bytes == null) {
            throw new IllegalArgumentException(flag + ": '" + entry + "' is not an address" + expected);
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = entry.substring(slash + 1);
            try {
                prefix = length.chars().allMatch(Character::isDigit) && !length.isEmpty() && length.length() <= 3
                        ? Integer.parseInt(length) : -1;
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException(flag + ": '" + entry + "' has a prefix length that is not 0 to "
                        + bits + expected);
            }
        }
        byte[] network = bytes.clone();
        for (int i = 0; i < network.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            network[i] &= (byte) ((0xFF << (8 - keep)) & 0xFF);
        }
        return new Range(network, prefix);
    }

    /** True when {@code address} may connect; always for {@link #everyone()}. */
    public boolean permits(InetAddress address) {
        if (ranges.isEmpty()) {
            return true;
        }
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        int offset = 0;
        int length = bytes.length;
        if (address instanceof Inet6Address && isIpv4Mapped(bytes)) {
            offset = 12;
            length = 4;
        }
        for (Range r : ranges) {
            if (r.contains(bytes, offset, length)) {
                return true;
            }
        }
        return false;
    }

    /** True unless this is {@link #everyone()}. */
    public boolean restricts() {
        return !ranges.isEmpty();
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    /** The list as given, or "everyone". */
    @Override
    public String toString() {
        return text;
    }
}
