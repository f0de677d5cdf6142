package org.vernissage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Linux's machine-wide count of UDP datagrams dropped because a socket's receive buffer was full
 * ({@code RcvbufErrors} on the {@code Udp:} lines of {@code /proc/net/snmp}). Read before and after
 * a trial, the difference says how much of the loss happened in the kernel, before any receiver
 * code saw it (other programs' UDP traffic would count too; nothing else here sends at these rates).
 *
 * <p>Stateless; any thread. Returns -1 where the file is missing (not Linux).
 */
final class KernelUdpDrops {

    private static final Path SNMP = Path.of("/proc/net/snmp");

    private KernelUdpDrops() {
    }

    static long receiveBufferErrors() {
        try {
            List<String> lines = Files.readAllLines(SNMP);
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("Udp:") && lines.get(i + 1).startsWith("Udp:")) {
                    String[] names = lines.get(i).trim().split("\\s+");
                    String[] values = lines.get(i + 1).trim().split("\\s+");
                    for (int k = 1; k < names.length && k < values.length; k++) {
                        if (names[k].equals("RcvbufErrors")) {
                            return Long.parseLong(values[k]);
                        }
                    }
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
