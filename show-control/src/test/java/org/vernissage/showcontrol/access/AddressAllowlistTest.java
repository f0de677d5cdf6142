package org.vernissage.showcontrol.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading {@code --control-allow} and matching addresses against it, IPv4 and IPv6. */
class AddressAllowlistTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal); // a literal: no lookup
    }

    @Test
    void everyoneIsTheDefault() throws Exception {
        AddressAllowlist all = AddressAllowlist.parse("--control-allow", List.of());
        assertFalse(all.restricts());
        assertTrue(all.permits(ip("203.0.113.9")));
        assertTrue(all.permits(ip("2001:db8::1")));
    }

    @Test
    void rangesAndSingleAddressesMatchExactlyTheirAddresses() throws Exception {
        AddressAllowlist allow = AddressAllowlist.parse("--control-allow", "192.168.1.0/24, 10.0.0.7,fd00::/8,::1");
        assertTrue(allow.permits(ip("192.168.1.0")));
        assertTrue(allow.permits(ip("192.168.1.255")));
        assertFalse(allow.permits(ip("192.168.2.1")));
        assertTrue(allow.permits(ip("10.0.0.7")));
        assertFalse(allow.permits(ip("10.0.0.8")));
        assertTrue(allow.permits(ip("fd12:3456::1")));
        assertFalse(allow.permits(ip("fe80::1")));
        assertTrue(allow.permits(ip("::1")));
        assertFalse(allow.permits(ip("127.0.0.1")), "::1 is not 127.0.0.1");
        assertFalse(allow.permits(null));
    }

    @Test
    void oddPrefixesAndHostBitsAndMappedAddresses() throws Exception {
        AddressAllowlist allow = AddressAllowlist.parse("--control-allow", "172.16.5.9/12");
        assertTrue(allow.permits(ip("172.31.255.255")), "host bits of the entry are ignored: 172.16.0.0/12");
        assertFalse(allow.permits(ip("172.32.0.1")));
        assertTrue(AddressAllowlist.parse("f", "0.0.0.0/0").permits(ip("8.8.8.8")));
        assertFalse(AddressAllowlist.parse("f", "0.0.0.0/0").permits(ip("2001:db8::1")), "an IPv4 range holds no IPv6");
        // a dual-stack socket may report an IPv4 peer as ::ffff:a.b.c.d
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 10, 0, 0, 7};
        InetAddress v6 = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertTrue(AddressAllowlist.parse("f", "10.0.0.0/8").permits(v6));
    }

    @Test
    void aBadEntryIsNamedWithWhatWasExpected() {
        for (String[] bad : new String[][] {{"10.0.0.300", "'10.0.0.300' is not an address"},
                {"10.0.0.0/33", "'10.0.0.0/33' has a prefix length that is not 0 to 32"},
                {"fd00::/129", "'fd00::/129' has a prefix length that is not 0 to 128"},
                {"10.0.0.0/", "'10.0.0.0/' has a prefix length"}, {"10.0.0.0/-1", "'10.0.0.0/-1' has a prefix"},
                {"gallery.local", "'gallery.local' is not an address"}, {"10.0.0.1,,10.0.0.2", "an empty entry"},
                {"/8", "'/8' is not an address"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AddressAllowlist.parse("--control-allow", bad[0]), bad[0]);
            assertTrue(e.getMessage().startsWith("--control-allow: "), e.getMessage());
            assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
            assertTrue(e.getMessage().contains("expected an IPv4 or IPv6 address or a CIDR range"), e.getMessage());
        }
        assertEquals("10.0.0.0/8", AddressAllowlist.parse("f", " 10.0.0.0/8 ").toString());
    }
}
