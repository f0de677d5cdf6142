package org.vernissage.showcontrol.oscquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.testing.ChildJvm;

/**
 * Issue 11 item 3, issue 12 item 6: the mDNS responder's multicast path, for real, in a network
 * namespace the test makes ({@code unshare --net}; as root, or as a mapped root in a user namespace
 * otherwise). The namespace has two links, each a veth whose peer (in the namespace, no address)
 * counts what reached the wire; IPv6 is off and the kernel's IGMP reports for link-local groups are
 * off, so every packet a link sends is an mDNS datagram. {@link MdnsMulticastProbe}, a child JVM in
 * the namespace, runs a real {@link OscQueryServer} on 0.0.0.0 with its responder on port 5353 and
 * listens on 224.0.0.251; this test asserts what it saw.
 *
 * <p>What it shows: the responder joins the group on both links (not on loopback); announces
 * PTR/SRV/TXT/A on each link twice, a second apart; answers a multicast browse query on the asker's
 * link only and a QU query by unicast; says goodbye (TTL 0) on each link at close; its socket's
 * multicast TTL, read back from the kernel, is 255. What it cannot: the IP TTL of a received
 * datagram (Java reads no IP_TTL of a datagram and no capture tool is required on CI).
 *
 * <p>Fails, never skips, where the namespace cannot be made (CI runs as root), as
 * {@code SovereignShowTest}.
 */
class MdnsMulticastTest {

    private static final long LIMIT_SECONDS = 30;

    @TempDir
    Path temp;

    @Test
    void announcesAnswersAndSaysGoodbyeOnEachLinkOfANamespace() throws Exception {
        Path reportFile = temp.resolve("report.properties");
        Path log = temp.resolve("namespace.log");
        Properties report = ChildJvm.inNamespace(List.of("--net"), script(), List.of("mdns", reportFile.toString()),
                reportFile, log, LIMIT_SECONDS, "the probe").report();
        String all = report + "\n" + ChildJvm.tail(log);
        assertEquals(null, report.getProperty("error"), "the probe failed:\n" + all);

        // Joined on both links, on the real port, with a multicast TTL of 255 (RFC 6762 §11).
        assertEquals(MdnsMulticastProbe.LINK_A + "," + MdnsMulticastProbe.LINK_B, report.getProperty("mdns.interfaces"),
                "joined 224.0.0.251 on each link with an IPv4 address, not on loopback or the address-less peers");
        assertEquals("5353", report.getProperty("mdns.port"));
        assertEquals("255", report.getProperty("mdns.multicastTtl"), "the socket's multicast TTL as the kernel holds it");

        // 1. The unsolicited announcement, on the group, twice a second apart (each link's copy heard).
        String instance = MdnsMulticastProbe.SERVICE + "._oscjson._tcp.local";
        assertEquals("4", report.getProperty("announce.count"), all);
        long gap = Long.parseLong(report.getProperty("announce.gapMs"));
        assertTrue(gap >= 900 && gap < 3_000, "the second announcement a second after the first: " + gap + " ms");
        assertEquals("0", report.getProperty("announce.extra"), "only two announcements");
        assertEquals("_oscjson._tcp.local -> " + instance, report.getProperty("announce.ptr"));
        assertTrue(report.getProperty("announce.srv").startsWith(instance + " -> "), report.getProperty("announce.srv"));
        assertTrue(report.getProperty("announce.srv").endsWith(".local"), report.getProperty("announce.srv"));
        assertEquals(report.getProperty("http.port"), report.getProperty("announce.srvPort"), "SRV names the HTTP port");
        assertEquals(instance + " (1 bytes)", report.getProperty("announce.txt"), "an empty TXT, one empty string");
        assertEquals(MdnsMulticastProbe.ADDRESS_A + "," + MdnsMulticastProbe.ADDRESS_B, report.getProperty("announce.a"));
        assertEquals("[120]", report.getProperty("announce.ttls"));
        assertEquals("[/" + MdnsMulticastProbe.ADDRESS_A + ":5353, /" + MdnsMulticastProbe.ADDRESS_B + ":5353]",
                report.getProperty("announce.from"), "sent from port 5353 out of each link (its address the source)");

        // 2. A multicast browse query answered on the group, once, from 5353; a QU query by unicast.
        assertEquals("1", report.getProperty("qm.count"), all);
        assertEquals("0", report.getProperty("qm.extra"), "answered on the asker's link only");
        assertEquals("1", report.getProperty("qm.answersCounted"));
        assertEquals("_oscjson._tcp.local -> " + instance, report.getProperty("qm.ptr"));
        assertEquals(report.getProperty("http.port"), report.getProperty("qm.srvPort"));
        assertEquals(MdnsMulticastProbe.ADDRESS_A + ":5353", report.getProperty("qm.from"));
        assertEquals("1", report.getProperty("qu.count"), "the QU query answered by unicast:\n" + all);
        assertEquals("_oscjson._tcp.local -> " + instance, report.getProperty("qu.ptr"));
        assertEquals("0", report.getProperty("qu.onGroup"), "a QU answer is not multicast");

        // 3. On the wire: link B carried the two announcements and nothing else (the answer stayed on
        // A); each peer received what its link sent.
        assertEquals(2, tx(report, "before.close", MdnsMulticastProbe.LINK_B), all);
        assertEquals(tx(report, "before.close", MdnsMulticastProbe.LINK_B), rx(report, "before.close", "mdnsb1"));
        // Link A: two announcements, the QM answer, and the probe's two queries.
        assertEquals(5, tx(report, "before.close", MdnsMulticastProbe.LINK_A), all);
        assertEquals(tx(report, "before.close", MdnsMulticastProbe.LINK_A), rx(report, "before.close", "mdnsa1"));

        // 4. The goodbye: every record with TTL 0 (RFC 6762 §10.1), once on each link.
        assertEquals("2", report.getProperty("goodbye.count"), all);
        assertEquals("[0]", report.getProperty("goodbye.ttls"));
        assertEquals("_oscjson._tcp.local -> " + instance, report.getProperty("goodbye.ptr"));
        for (String link : List.of(MdnsMulticastProbe.LINK_A, MdnsMulticastProbe.LINK_B)) {
            assertEquals(1, tx(report, "after.close", link) - tx(report, "before.close", link), link + ": " + all);
        }
    }

    private static long tx(Properties report, String when, String link) {
        return Long.parseLong(report.getProperty(when + "." + link).split(" ")[1]);
    }

    private static long rx(Properties report, String when, String link) {
        return Long.parseLong(report.getProperty(when + "." + link).split(" ")[0]);
    }

    /**
     * Makes the two links, then runs the JVM given as the remaining arguments. IPv6 off and no IGMP
     * reports for 224.0.0.x, so the links' counters see mDNS only.
     */
    private static String script() {
        return String.join("\n",
                "set -e",
                "report=$1; shift 1",
                "ip link set lo up",
                "echo 0 > /proc/sys/net/ipv4/igmp_link_local_mcast_reports",
                "for link in a b; do",
                "  ip link add mdns${link}0 type veth peer name mdns${link}1",
                "  for end in 0 1; do echo 1 > /proc/sys/net/ipv6/conf/mdns${link}${end}/disable_ipv6; done",
                "done",
                "ip addr add " + MdnsMulticastProbe.ADDRESS_A + "/24 dev " + MdnsMulticastProbe.LINK_A,
                "ip addr add " + MdnsMulticastProbe.ADDRESS_B + "/24 dev " + MdnsMulticastProbe.LINK_B,
                "for nic in mdnsa1 mdnsb1 mdnsa0 mdnsb0; do ip link set $nic up; done",
                "exec \"$@\" " + MdnsMulticastProbe.class.getName() + " \"$report\"");
    }
}
