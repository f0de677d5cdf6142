package org.vernissage.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps the machine's own name off the network: a lookup of this host's name is answered from
 * {@code /etc/hosts}, or with the loopback addresses when the hosts file does not list it, never by
 * a DNS query; every other name goes to the JDK's own resolver. Parts of the JDK look up the host's
 * own name on their own (the font configuration of Java2D, which the disclosure caption draws with,
 * names a cache file after it), and on a gallery machine whose hosts file lacks its name that was a
 * DNS query at every start: a show must not talk to the network (`SovereignShowTest`).
 *
 * <p>Installed by the JDK through {@code META-INF/services} when the first name is resolved; its
 * resolver is called on any thread and holds only immutable state.
 */
public final class OwnNameResolverProvider extends InetAddressResolverProvider {

    private static final Path HOSTS = Path.of("/etc/hosts");

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver system = configuration.builtinResolver();
        String own = configuration.lookupLocalHostName();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                if (own != null && !own.isEmpty() && host.equalsIgnoreCase(own)) {
                    return ownAddresses(host, policy).stream();
                }
                return system.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return system.lookupByAddress(address);
            }
        };
    }

    /** The hosts file's addresses for {@code name}, else loopback; in the order the policy asks. */
    static List<InetAddress> ownAddresses(String name, InetAddressResolver.LookupPolicy policy)
            throws UnknownHostException {
        List<InetAddress> found = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(HOSTS)) {
                String[] fields = line.replaceAll("#.*", "").trim().split("\\s+");
                for (int i = 1; i < fields.length; i++) {
                    if (fields[i].equalsIgnoreCase(name)) {
                        found.add(InetAddress.getByName(fields[0])); // a literal: no lookup
                    }
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // no hosts file: loopback below
        }
        if (found.isEmpty()) {
            found.add(InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1}));
            found.add(InetAddress.getByAddress(name, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
        }
        boolean ipv4 = (policy.characteristics() & InetAddressResolver.LookupPolicy.IPV4) != 0;
        boolean ipv6 = (policy.characteristics() & InetAddressResolver.LookupPolicy.IPV6) != 0;
        List<InetAddress> allowed = found.stream().filter(a -> a.getAddress().length == 4 ? ipv4 : ipv6).toList();
        if (allowed.isEmpty()) {
            throw new UnknownHostException(name + ": no address of the kind asked for");
        }
        return allowed;
    }

    @Override
    public String name() {
        return "vernissage: the host's own name from the hosts file";
    }
}
