package org.vernissage.sensors.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.junit.jupiter.api.Test;

/** The per-address quota alone: places, connections, IPv6 by /64, nothing kept once released. */
class PhoneAddressQuotaTest {

    private final PhoneAddressQuota quota = new PhoneAddressQuota(
            PhoneServerSettings.defaults("127.0.0.1", 0).withMaxParticipantsPerAddress(2));

    private static SocketAddress at(String address, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(address), port);
    }

    @Test
    void anAddressHoldsItsPlacesAndTwiceAsManyConnections() throws Exception {
        assertTrue(quota.takePlace(at("192.168.1.20", 50_000)));
        assertTrue(quota.takePlace(at("192.168.1.20", 50_001)), "the port does not matter");
        assertFalse(quota.takePlace(at("192.168.1.20", 50_002)));
        assertTrue(quota.takePlace(at("192.168.1.21", 50_000)), "another address has its own");

        for (int i = 0; i < 4; i++) {
            assertTrue(quota.openConnection(at("192.168.1.20", 40_000 + i)));
        }
        assertFalse(quota.openConnection(at("192.168.1.20", 40_010)), "2 x 2 connections");

        quota.releasePlace(at("192.168.1.20", 50_000));
        assertTrue(quota.takePlace(at("192.168.1.20", 50_003)), "a released place is free again");
        quota.closeConnection(at("192.168.1.20", 40_000));
        assertTrue(quota.openConnection(at("192.168.1.20", 40_011)));
    }

    @Test
    void anIpv6HostIsCountedByItsSlash64() throws Exception {
        assertTrue(quota.takePlace(at("2001:db8:1:2::10", 1)));
        assertTrue(quota.takePlace(at("2001:db8:1:2:aaaa:bbbb:cccc:dddd", 1)));
        assertFalse(quota.takePlace(at("2001:db8:1:2::99", 1)), "privacy addresses in one /64 are one host");
        assertTrue(quota.takePlace(at("2001:db8:1:3::10", 1)), "the next /64 is another network");
    }

    @Test
    void nothingIsKeptForAnAddressOnceItHoldsNothing() throws Exception {
        SocketAddress phone = at("10.0.0.7", 1);
        assertTrue(quota.openConnection(phone));
        assertTrue(quota.takePlace(phone));
        quota.releasePlace(phone);
        quota.closeConnection(phone);
        assertEquals(0, quota.addresses());
        assertTrue(quota.takePlace(at("10.0.0.8", 1)));
        assertTrue(quota.takePlace(at("10.0.0.8", 2)));
        assertFalse(quota.takePlace(at("10.0.0.8", 3)), "a refusal keeps the count");
        quota.releasePlace(at("10.0.0.8", 1));
        quota.releasePlace(at("10.0.0.8", 2));
        assertEquals(0, quota.addresses());
    }

    @Test
    void aChannelWithoutAnIpAddressIsNotLimited() {
        SocketAddress embedded = new EmbeddedChannel().remoteAddress();
        for (int i = 0; i < 10; i++) {
            assertTrue(quota.takePlace(embedded));
            assertTrue(quota.openConnection(embedded));
        }
        assertEquals(0, quota.addresses());
    }
}
