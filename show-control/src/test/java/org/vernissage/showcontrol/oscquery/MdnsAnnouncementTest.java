package org.vernissage.showcontrol.oscquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code _oscjson._tcp} announcement answered on loopback. What can be shown here: a DNS-SD
 * browse query (PTR {@code _oscjson._tcp.local}, written byte by byte as RFC 1035 lays it out) sent
 * over UDP to the responder from an ordinary port (RFC 6762 §6.7, a "legacy unicast" resolver) is
 * answered with the PTR to the instance, its SRV naming the OSCQuery HTTP port, a TXT, and the
 * host's A record; the answer is read by a parser of the test's own. The multicast path
 * (224.0.0.251: joins, announcements, multicast and QU answers, goodbye) is {@link MdnsMulticastTest}'s,
 * in a network namespace of its own.
 */
class MdnsAnnouncementTest {

    @Test
    void aBrowseQueryIsAnsweredWithTheServersPort() throws Exception {
        try (OscQueryRig rig = new OscQueryRig(List.of()); DatagramSocket resolver = new DatagramSocket()) {
            resolver.setSoTimeout(5_000);
            byte[] query = query(0x4242, "_oscjson._tcp.local", 12);
            resolver.send(new DatagramPacket(query, query.length, InetAddress.getLoopbackAddress(),
                    rig.server.mdnsPort()));
            byte[] buffer = new byte[1500];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            resolver.receive(reply);
            ByteBuffer answer = ByteBuffer.wrap(buffer, 0, reply.getLength());

            assertEquals(0x4242, answer.getShort(0) & 0xFFFF, "a legacy resolver gets its id back");
            assertTrue((answer.getShort(2) & 0x8000) != 0, "a response");
            assertEquals(1, answer.getShort(4), "the question echoed");
            List<Rr> records = records(answer);
            Rr ptr = find(records, 12);
            assertEquals("_oscjson._tcp.local", ptr.name);
            assertEquals("Vernissage-test._oscjson._tcp.local", name(answer, ptr.dataAt));
            Rr srv = find(records, 33);
            assertEquals("Vernissage-test._oscjson._tcp.local", srv.name);
            assertEquals(rig.server.port(), answer.getShort(srv.dataAt + 4) & 0xFFFF, "SRV names the HTTP port");
            String target = name(answer, srv.dataAt + 6);
            assertTrue(target.endsWith(".local"), target);
            find(records, 16);
            Rr a = find(records, 1);
            assertEquals(target, a.name);
            assertEquals("127.0.0.1", InetAddress.getByAddress(new byte[] {answer.get(a.dataAt),
                    answer.get(a.dataAt + 1), answer.get(a.dataAt + 2), answer.get(a.dataAt + 3)}).getHostAddress());
            assertTrue(a.ttl <= 10, "legacy unicast answers carry short TTLs");

            // A question about another service is not answered; a malformed datagram neither, and the responder goes on.
            byte[] other = query(7, "_http._tcp.local", 12);
            resolver.send(new DatagramPacket(other, other.length, InetAddress.getLoopbackAddress(), rig.server.mdnsPort()));
            byte[] junk = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, (byte) 0xC0, 12};
            resolver.send(new DatagramPacket(junk, junk.length, InetAddress.getLoopbackAddress(), rig.server.mdnsPort()));
            resolver.setSoTimeout(300);
            try {
                resolver.receive(reply);
                throw new AssertionError("answered a question that was not about _oscjson._tcp");
            } catch (SocketTimeoutException expected) {
                // nothing came back
            }
            resolver.setSoTimeout(5_000);
            resolver.send(new DatagramPacket(query, query.length, InetAddress.getLoopbackAddress(), rig.server.mdnsPort()));
            resolver.receive(reply);
            assertEquals(2, rig.server.stats().mdnsAnswers());
        }
    }

    /** A standard query: header, one question {@code name} of {@code type}, class IN. */
    private static byte[] query(int id, String name, int type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(id >> 8);
        out.write(id);
        out.writeBytes(new byte[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0}); // flags 0, 1 question
        for (String label : name.split("\\.")) {
            out.write(label.length());
            out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0);
        out.write(type >> 8);
        out.write(type);
        out.write(0);
        out.write(1);
        return out.toByteArray();
    }

    private record Rr(String name, int type, long ttl, int dataAt) {
    }

    private static Rr find(List<Rr> records, int type) {
        return records.stream().filter(r -> r.type == type).findFirst()
                .orElseThrow(() -> new AssertionError("no record of type " + type + " in " + records));
    }

    /** Every answer record, after skipping the echoed questions. */
    private static List<Rr> records(ByteBuffer message) {
        int questions = message.getShort(4) & 0xFFFF;
        int answers = message.getShort(6) & 0xFFFF;
        int at = 12;
        for (int q = 0; q < questions; q++) {
            at = skipName(message, at) + 4;
        }
        List<Rr> records = new ArrayList<>();
        for (int r = 0; r < answers; r++) {
            String name = name(message, at);
            at = skipName(message, at);
            int type = message.getShort(at) & 0xFFFF;
            long ttl = message.getInt(at + 4) & 0xFFFFFFFFL;
            int length = message.getShort(at + 8) & 0xFFFF;
            records.add(new Rr(name, type, ttl, at + 10));
            at += 10 + length;
        }
        return records;
    }

    private static int skipName(ByteBuffer message, int at) {
        while (true) {
            int length = message.get(at) & 0xFF;
            if (length == 0) {
                return at + 1;
            }
            if ((length & 0xC0) == 0xC0) {
                return at + 2;
            }
            at += 1 + length;
        }
    }

    private static String name(ByteBuffer message, int at) {
        StringBuilder name = new StringBuilder();
        while (true) {
            int length = message.get(at) & 0xFF;
            if (length == 0) {
                return name.toString();
            }
            if ((length & 0xC0) == 0xC0) {
                at = ((length & 0x3F) << 8) | (message.get(at + 1) & 0xFF);
                continue;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(new String(message.array(), message.arrayOffset() + at + 1, length, StandardCharsets.UTF_8));
            at += 1 + length;
        }
    }
}
