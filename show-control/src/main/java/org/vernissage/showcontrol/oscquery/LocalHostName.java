package org.vernissage.showcontrol.oscquery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * This machine's name for the mDNS host record ({@code NAME.local}), read WITHOUT a name lookup.
 * Why not {@code InetAddress.getLocalHost()}: it resolves the name, and where the hosts file lacks
 * it that is a DNS query to whatever server the machine knows, at every start: a show must not
 * reach out (issue 12 item 6; SovereignShowTest caught it). The kernel's name is read from
 * {@code /proc/sys/kernel/hostname}, then {@code /etc/hostname}, then the environment
 * ({@code HOSTNAME}, {@code COMPUTERNAME} on Windows); "vernissage" when none says.
 *
 * <p>Stateless; called once by {@link OscQueryServer} on its wiring thread.
 */
final class LocalHostName {

    static final String FALLBACK = "vernissage";
    private static final List<Path> FILES = List.of(Path.of("/proc/sys/kernel/hostname"), Path.of("/etc/hostname"));

    private LocalHostName() {
    }

    /** The first label of this machine's name, made a valid DNS label. */
    static String read() {
        return firstOf(FILES, Optional.ofNullable(System.getenv("HOSTNAME"))
                .or(() -> Optional.ofNullable(System.getenv("COMPUTERNAME"))));
    }

    /** The first usable name among {@code files}, then {@code environment}, then the fallback. */
    static String firstOf(List<Path> files, Optional<String> environment) {
        for (Path file : files) {
            Optional<String> label = label(readQuietly(file));
            if (label.isPresent()) {
                return label.get();
            }
        }
        return label(environment.orElse("")).orElse(FALLBACK);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return ""; // the next source says
        }
    }

    /** The part before the first dot, letters, digits and hyphens only, at most 63 characters. */
    static Optional<String> label(String name) {
        String first = name.trim();
        int dot = first.indexOf('.');
        if (dot >= 0) {
            first = first.substring(0, dot);
        }
        String cleaned = first.replaceAll("[^A-Za-z0-9-]", "-").replaceAll("^-+|-+$", "").toLowerCase(Locale.ROOT);
        if (cleaned.length() > 63) {
            cleaned = cleaned.substring(0, 63);
        }
        return cleaned.isEmpty() ? Optional.empty() : Optional.of(cleaned);
    }
}
