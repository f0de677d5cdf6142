package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.testing.ChildJvm;

/**
 * Issue 12 item 6, the show is sovereign: a whole show (artworks/handheld with its model, OSC and
 * phones' sensors, the web console, OSCQuery and its mDNS responder, the control port) runs in a
 * network namespace of its own ({@code unshare --net --mount}; as root, or as a mapped root in a
 * user namespace otherwise) and nothing in it tries to reach the outside.
 *
 * <p>The namespace has loopback and one more interface, {@value LoopbackShow#OUTSIDE}, a veth whose
 * peer is a dead end in the same namespace: the default route goes there, so any attempt to reach
 * an outside address (a download, telemetry, a DNS server elsewhere, an mDNS announcement off the
 * loopback) leaves as a counted packet instead of failing quietly with "network unreachable". Its
 * /etc/resolv.conf (bind-mounted in the namespace's own mounts) names only 127.0.0.1, where
 * {@link LoopbackShow} counts every query on UDP and TCP port 53. IPv6 is off on that interface
 * (the kernel's own neighbour discovery would count as traffic); an IPv6-only attempt would fail
 * uncounted: see docs/architecture-sovereign.md.
 *
 * <p>The test fails, never skips, where the namespace cannot be made: the message says what to run
 * as (CI runs as root). A canary at the end (one lookup, one datagram to 192.0.2.1) shows that both
 * traps see what they are there for.
 */
class SovereignShowTest {

    private static final long LIMIT_SECONDS = 120;

    @TempDir
    Path temp;

    @Test
    void aWholeShowInANamespaceWithOnlyLoopbackNeverReachesOut() throws Exception {
        Path resolv = Files.writeString(temp.resolve("resolv.conf"), "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
        // Only localhost: a lookup of this machine's own name (as InetAddress.getLocalHost() does) would
        // otherwise be answered from the file here and go to DNS on a machine whose hosts file lacks it.
        Path hosts = Files.writeString(temp.resolve("hosts"), "127.0.0.1 localhost\n::1 localhost\n");
        Path reportFile = temp.resolve("report.properties");
        Path log = temp.resolve("namespace.log");
        ChildJvm.Finished child = ChildJvm.inNamespace(List.of("--net", "--mount"), script(),
                List.of("sovereign", resolv.toString(), hosts.toString(), reportFile.toString(), temp.toString()),
                reportFile, log, LIMIT_SECONDS, "the show");
        Properties report = child.report();
        assertEquals(null, report.getProperty("error"), "the show in the namespace failed:\n" + ChildJvm.tail(log));
        assertEquals(0, child.exitValue(), ChildJvm.tail(log));

        // The show played, every door was used.
        String console = report.getProperty("show.console");
        assertTrue(console.contains("models look"), "the model ran: " + console);
        assertEquals("true", report.getProperty("phones.open"), "a phone joined and stayed");
        assertTrue(report.getProperty("oscquery.hostInfo").contains("OSC_PORT"), report.getProperty("oscquery.hostInfo"));
        assertEquals("200", report.getProperty("console.status"), "the console's page was served");
        assertTrue(report.getProperty("control.reply").contains("/reply/go"), report.getProperty("control.reply"));

        // Nothing reached out.
        assertEquals("0", report.getProperty("dns.afterShow"), "DNS queries made by the show:\n" + console);
        long outside = delta(report, "outside", "beforeShow", "afterShow");
        long multicast = delta(report, "multicast", "beforeShow", "afterShow");
        assertTrue(multicast >= 1, "the OSCQuery server on every interface announced itself by mDNS on the link");
        assertEquals(multicast, outside, "every packet that left by " + LoopbackShow.OUTSIDE + " during the show was"
                + " multicast (mDNS to 224.0.0.251 and the kernel's IGMP joins: the local link, never routed);"
                + " any other is an attempt to reach the outside");

        // The traps work: the canary's lookup reached the DNS trap and its datagram left by the outside.
        assertEquals("false", report.getProperty("canary.resolved"));
        assertTrue(Long.parseLong(report.getProperty("dns.afterCanary")) > 0, "the DNS trap saw the canary's lookup");
        assertTrue(delta(report, "outside", "afterShow", "afterCanary") > delta(report, "multicast", "afterShow", "afterCanary"),
                "the outside counter saw the canary's datagram (its ARP request) as more than multicast: " + report);
    }

    private static long delta(Properties report, String counter, String from, String to) {
        return Long.parseLong(report.getProperty(counter + "." + to)) - Long.parseLong(report.getProperty(counter + "." + from));
    }

    /** Brings the namespace up, then runs the JVM given as the remaining arguments. */
    private static String script() {
        return String.join("\n",
                "set -e",
                "resolv=$1; hosts=$2; report=$3; work=$4; shift 4",
                "ip link set lo up",
                "ip link add " + LoopbackShow.OUTSIDE + " type veth peer name deadend0",
                "for nic in " + LoopbackShow.OUTSIDE + " deadend0; do echo 1 > /proc/sys/net/ipv6/conf/$nic/disable_ipv6; done",
                "ip addr add 198.51.100.2/24 dev " + LoopbackShow.OUTSIDE,
                "ip link set deadend0 up",
                "ip link set " + LoopbackShow.OUTSIDE + " up",
                "ip route add default via 198.51.100.1 dev " + LoopbackShow.OUTSIDE,
                "mount --bind \"$resolv\" /etc/resolv.conf",
                "mount --bind \"$hosts\" /etc/hosts",
                "exec \"$@\" org.vernissage.app.LoopbackShow \"$report\" \"$work\"");
    }
}
