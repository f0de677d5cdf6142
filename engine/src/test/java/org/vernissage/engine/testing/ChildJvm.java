package org.vernissage.engine.testing;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a test needs to start a second JVM of its own, often inside a network namespace it made
 * (`unshare`): this JVM's binary, flags and class path, whether it runs as root (else the namespace
 * needs a mapped root), and the end of the child's log for a failure message. Shared by the
 * namespace tests of the app and of show-control, through the engine's test jar.
 *
 * <p>Stateless; any test thread.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** This JVM's binary, flags (the pom's argLine, without agents) and class path. */
    public static List<String> command() {
        List<String> jvm = new ArrayList<>();
        jvm.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!flag.startsWith("-agentlib") && !flag.startsWith("-javaagent")) {
                jvm.add(flag);
            }
        }
        jvm.add("-cp");
        jvm.add(System.getProperty("java.class.path"));
        return jvm;
    }

    /** Whether this process runs as root (uid 0), as `id -u` says. */
    public static boolean root() throws Exception {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        id.waitFor(5, TimeUnit.SECONDS);
        return "0".equals(out);
    }

    /** The last 6,000 characters of a child's log, or "(no output)". */
    public static String tail(Path log) throws Exception {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        String text = Files.readString(log);
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }
}
