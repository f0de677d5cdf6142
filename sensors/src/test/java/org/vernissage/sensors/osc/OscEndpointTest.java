package org.vernissage.sensors.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vernissage.sensors.osc.OscEndpoint.Protocol;

class OscEndpointTest {

    @ParameterizedTest
    @CsvSource({
            "9000,                 UDP, 0.0.0.0,   9000",
            "udp:9000,             UDP, 0.0.0.0,   9000",
            "UDP:9000,             UDP, 0.0.0.0,   9000",
            "tcp:9001,             TCP, 0.0.0.0,   9001",
            "tcp:0.0.0.0:9001,     TCP, 0.0.0.0,   9001",
            "udp:127.0.0.1:0,      UDP, 127.0.0.1, 0",
            "udp:localhost:65535,  UDP, localhost, 65535",
            "' tcp:[::1]:7000 ',   TCP, ::1,       7000",
    })
    void parsesTheCommandLineForms(String text, Protocol protocol, String host, int port) {
        assertEquals(new OscEndpoint(protocol, host, port), OscEndpoint.parse(text));
    }

    @Test
    void printsAFormThatParsesBackAndAReadableSourceName() {
        OscEndpoint v4 = OscEndpoint.parse("9000");
        assertEquals("udp:0.0.0.0:9000", v4.toCli());
        assertEquals("OSC udp 0.0.0.0:9000", v4.sourceName());
        OscEndpoint v6 = OscEndpoint.parse("tcp:[::]:9001");
        assertEquals("tcp:[::]:9001", v6.toCli());
        assertEquals("OSC tcp [::]:9001", v6.sourceName());
        assertEquals(v6, OscEndpoint.parse(v6.toCli()));
        assertEquals(OscEndpoint.udp(9000), v4);
        assertEquals(OscEndpoint.tcp(9001).withPort(9002), OscEndpoint.parse("tcp:9002"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                  | it is empty",
            "tpc:9000            | unknown protocol 'tpc', use udp or tcp",
            "127.0.0.1:9000      | a host needs the protocol in front, e.g. udp:127.0.0.1:9000",
            "udp:                | the port is missing",
            "udp:host:           | the port is missing",
            "udp::9000           | the host is empty",
            "nine                | port 'nine' is not a number from 0 to 65535",
            "udp:-1              | port '-1' is not a number from 0 to 65535",
            "udp:65536           | port 65536 is above 65535",
            "udp:123456          | port '123456' is not a number from 0 to 65535",
            "udp:::1:9000        | put an IPv6 host in brackets, as in udp:[::1]:9000",
            "tcp:[::1:9000       | the IPv6 host has no closing ']'",
            "tcp:[::1]9000       | a port must follow the host, as in [::1]:9000",
            "'udp:my host:9000'  | is not a host name or IP address",
    })
    void refusesWhatIsNotAnEndpointWithAMessageSayingWhy(String text, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OscEndpoint.parse(text));
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertTrue(e.getMessage().startsWith("OSC endpoint '" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("expected PORT, udp:PORT"), "names the expected form");
        assertFalse(e.getMessage().contains("\n"), "one line for the operator");
    }

    @Test
    void theConstructorChecksItsParts() {
        assertThrows(IllegalArgumentException.class, () -> new OscEndpoint(Protocol.UDP, "", 1));
        assertThrows(IllegalArgumentException.class, () -> new OscEndpoint(Protocol.UDP, "h", 70_000));
        assertThrows(NullPointerException.class, () -> new OscEndpoint(null, "h", 1));
    }
}
