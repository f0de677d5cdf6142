package org.vernissage.showcontrol.oscquery;

import java.net.Inet4Address;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The DNS messages of the {@code _oscjson._tcp} announcement (RFC 6762 mDNS, RFC 6763 DNS-SD):
 * reads a query's questions and writes the answer, PTR {@code _oscjson._tcp.local} ->
 * {@code <instance>._oscjson._tcp.local}, SRV of the instance -> {@code <host>.local}:port, an
 * empty TXT, and A records of the host; the same with TTL 0 as the goodbye. Names are written uncompressed (legal, and small here).
 *
 * <p>Immutable after construction; {@link #answer} is called on the responder's event loop.
 */
final class MdnsRecords {

    static final int TYPE_A = 1;
    static final int TYPE_PTR = 12;
    static final int TYPE_TXT = 16;
    static final int TYPE_SRV = 33;
    static final int TYPE_ANY = 255;
    static final int CLASS_IN = 1;
    /** Top bit of a question's class: "unicast response wanted"; of a record's: "cache flush". */
    static final int CLASS_HIGH_BIT = 0x8000;
    static final String SERVICE = "_oscjson._tcp.local";

    private static final int MAX_NAME_JUMPS = 16;
    /** RFC 6762 §6.7: at most 10 s for answers to a legacy (unicast) resolver. */
    private static final int LEGACY_TTL = 10;
    private static final int TTL = 120;

    private final String instance;
    private final String host;
    private final int port;
    private final List<Inet4Address> addresses;

    MdnsRecords(String serviceName, String hostName, int port, List<Inet4Address> addresses) {
        this.instance = serviceName + "." + SERVICE;
        this.host = hostName + ".local";
        this.port = port;
        this.addresses = List.copyOf(addresses);
    }

    String instanceName() {
        return instance;
    }

    /** One question of a query. */
    record Question(String name, int type, boolean unicastWanted) {
    }

    /** The questions of a query; empty for a response or a message that cannot be read. */
    static List<Question> questions(ByteBuffer message) {
        List<Question> questions = new ArrayList<>();
        try {
            int flags = message.getShort(2) & 0xFFFF;
            if ((flags & 0x8000) != 0) {
                return questions; // a response, not a query
            }
            int count = message.getShort(4) & 0xFFFF;
            int at = 12;
            for (int q = 0; q < count; q++) {
                StringBuilder name = new StringBuilder();
                at = readName(message, at, name);
                int type = message.getShort(at) & 0xFFFF;
                int qclass = message.getShort(at + 2) & 0xFFFF;
                at += 4;
                questions.add(new Question(name.toString(), type, (qclass & CLASS_HIGH_BIT) != 0));
            }
        } catch (IndexOutOfBoundsException | BufferUnderflowException | IllegalArgumentException e) {
            return List.of(); // malformed: not answered
        }
        return questions;
    }

    /** Reads a (possibly compressed) name at {@code at}; returns where the name's bytes end. */
    private static int readName(ByteBuffer message, int at, StringBuilder name) {
        int end = -1;
        for (int jumps = 0; ; ) {
            int length = message.get(at) & 0xFF;
            if (length == 0) {
                return end < 0 ? at + 1 : end;
            }
            if ((length & 0xC0) == 0xC0) {
                if (++jumps > MAX_NAME_JUMPS) {
                    throw new IllegalArgumentException("name pointer loop");
                }
                if (end < 0) {
                    end = at + 2;
                }
                at = ((length & 0x3F) << 8) | (message.get(at + 1) & 0xFF);
                continue;
            }
            byte[] label = new byte[length];
            message.get(at + 1, label);
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(new String(label, StandardCharsets.UTF_8));
            at += 1 + length;
        }
    }

    /**
     * The answer to {@code questions}, or empty when none concerns this service.
     *
     * @param id the query's id (echoed to a legacy unicast resolver; 0 for multicast)
     * @param legacy whether the asker is a plain DNS resolver (not port 5353): questions echoed, short TTLs
     */
    Optional<ByteBuffer> answer(List<Question> questions, int id, boolean legacy) {
        List<Question> asked = new ArrayList<>();
        boolean ptr = false;
        boolean srv = false;
        boolean txt = false;
        boolean a = false;
        for (Question question : questions) {
            String name = question.name().toLowerCase(Locale.ROOT);
            boolean any = question.type() == TYPE_ANY;
            boolean mine = false;
            if (name.equals(SERVICE.toLowerCase(Locale.ROOT)) && (any || question.type() == TYPE_PTR)) {
                ptr = mine = true;
            }
            if (name.equals(instance.toLowerCase(Locale.ROOT))) {
                srv |= any || question.type() == TYPE_SRV;
                txt |= any || question.type() == TYPE_TXT;
                mine |= any || question.type() == TYPE_SRV || question.type() == TYPE_TXT;
            }
            if (name.equals(host.toLowerCase(Locale.ROOT)) && (any || question.type() == TYPE_A)) {
                a = mine = true;
            }
            if (mine) {
                asked.add(question);
            }
        }
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        // What a browser needs next comes along: the PTR brings SRV, TXT and A; the SRV brings A.
        srv |= ptr;
        txt |= ptr;
        a |= srv;
        return Optional.of(message(id, legacy ? asked : List.of(), ptr, srv, txt, a, legacy ? LEGACY_TTL : TTL));
    }

    /** The unsolicited announcement of every record (sent at start). */
    ByteBuffer announcement() {
        return message(0, List.of(), true, true, true, true, TTL);
    }

    /** Every record with TTL 0: "forget these now" (RFC 6762 §10.1), sent at close. */
    ByteBuffer goodbye() {
        return message(0, List.of(), true, true, true, true, 0);
    }

    private ByteBuffer message(int id, List<Question> echoed, boolean ptr, boolean srv, boolean txt, boolean a,
                               int ttl) {
        ByteBuffer out = ByteBuffer.allocate(1024);
        out.putShort((short) id);
        out.putShort((short) 0x8400); // response, authoritative
        out.putShort((short) echoed.size());
        int answers = (ptr ? 1 : 0) + (srv ? 1 : 0) + (txt ? 1 : 0) + (a ? addresses.size() : 0);
        out.putShort((short) answers);
        out.putShort((short) 0);
        out.putShort((short) 0);
        for (Question question : echoed) {
            putName(out, question.name());
            out.putShort((short) question.type());
            out.putShort((short) CLASS_IN);
        }
        if (ptr) {
            record(out, SERVICE, TYPE_PTR, false, ttl);
            int length = startData(out);
            putName(out, instance);
            endData(out, length);
        }
        if (srv) {
            record(out, instance, TYPE_SRV, true, ttl);
            int length = startData(out);
            out.putShort((short) 0); // priority
            out.putShort((short) 0); // weight
            out.putShort((short) port);
            putName(out, host);
            endData(out, length);
        }
        if (txt) {
            record(out, instance, TYPE_TXT, true, ttl);
            int length = startData(out);
            out.put((byte) 0); // an empty TXT is one empty string (RFC 6763 §6.1)
            endData(out, length);
        }
        if (a) {
            for (Inet4Address address : addresses) {
                record(out, host, TYPE_A, true, ttl);
                out.putShort((short) 4);
                out.put(address.getAddress());
            }
        }
        return out.flip();
    }

    private static void record(ByteBuffer out, String name, int type, boolean unique, int ttl) {
        putName(out, name);
        out.putShort((short) type);
        out.putShort((short) (CLASS_IN | (unique ? CLASS_HIGH_BIT : 0)));
        out.putInt(ttl);
    }

    private static int startData(ByteBuffer out) {
        int at = out.position();
        out.putShort((short) 0);
        return at;
    }

    private static void endData(ByteBuffer out, int at) {
        out.putShort(at, (short) (out.position() - at - 2));
    }

    private static void putName(ByteBuffer out, String name) {
        for (String label : name.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
            out.put((byte) bytes.length);
            out.put(bytes);
        }
        out.put((byte) 0);
    }
}
