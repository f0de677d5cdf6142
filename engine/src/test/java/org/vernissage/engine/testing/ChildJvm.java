package org.vernissage.engine.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
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

    /** What a child in a namespace reported (a properties file it wrote), and how it exited. */
    public record Finished(Properties report, int exitValue) {
    }

    /**
     * Runs {@code sh -c script name args... <this JVM's command>} under {@code unshare} with
     * {@code unshareFlags} (plus {@code --map-root-user} when not root), its output into {@code log},
     * and reads the properties the child wrote to {@code reportFile}. Fails the test, saying why and
     * what the child said, when unshare cannot start, the child runs past {@code limitSeconds}, or no
     * namespace could be made (no report).
     *
     * @param what the child, for the messages ("the show", "the probe")
     */
    public static Finished inNamespace(List<String> unshareFlags, String script, List<String> scriptArgs,
                                       Path reportFile, Path log, long limitSeconds, String what) throws Exception {
        List<String> command = new ArrayList<>(List.of("unshare"));
        command.addAll(unshareFlags);
        if (!root()) {
            command.add("--map-root-user"); // not root: a user namespace gives the rights inside it
        }
        command.addAll(List.of("sh", "-c", script));
        command.addAll(scriptArgs);
        command.addAll(command());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException noUnshare) {
            return fail("cannot start unshare (util-linux) to make a network namespace: " + noUnshare.getMessage()
                    + ". This test needs it and root (CI runs as root) or unprivileged user namespaces.");
        }
        if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(what + " in the namespace did not finish within " + limitSeconds + " s:\n" + tail(log));
        }
        if (!Files.exists(reportFile)) {
            fail("no network namespace could be made (or " + what + "'s JVM did not start): exit "
                    + process.exitValue() + ". Run as root (CI does: id -u is 0) or allow user namespaces"
                    + " (sysctl kernel.unprivileged_userns_clone=1); what it said:\n" + tail(log));
        }
        Properties report = new Properties();
        try (Reader in = Files.newBufferedReader(reportFile)) {
            report.load(in);
        }
        return new Finished(report, process.exitValue());
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
