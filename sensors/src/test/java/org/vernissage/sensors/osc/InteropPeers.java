package org.vernissage.sensors.osc;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds and runs the third-party OSC peers of the interop tests: liblo's command-line tools
 * (Debian {@code liblo-tools}) and osc.js (npm {@code osc}, installed under {@code interop/} by
 * {@code npm ci --prefix interop}) driven by the scripts in {@code interop/}. A missing peer is a
 * test failure naming what to install, never a skip: CI installs them.
 */
final class InteropPeers {

    private static final long TIMEOUT_SECONDS = 30;

    private InteropPeers() {
    }

    /** The executable {@code name} on the PATH, or a failure saying which package provides it. */
    static Path executable(String name, String installHint) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " is not on the PATH (" + path + "): " + installHint);
    }

    static Path oscsend() {
        return executable("oscsend", "install the Debian package liblo-tools (apt-get install liblo-tools)");
    }

    static Path oscsendfile() {
        return executable("oscsendfile", "install the Debian package liblo-tools (apt-get install liblo-tools)");
    }

    static Path node() {
        return executable("node", "install Node.js (apt-get install nodejs npm), then run npm ci --prefix interop");
    }

    /** The repository's {@code interop/} folder, found upwards from the working directory. */
    static Path interopFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("interop");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new AssertionError("no interop/package.json above " + Path.of("").toAbsolutePath());
    }

    /** The script {@code interop/NAME}, checking osc.js is installed beside it. */
    static Path oscJsScript(String name) {
        Path interop = interopFolder();
        if (!Files.isRegularFile(interop.resolve("node_modules/osc/package.json"))) {
            throw new AssertionError("osc.js is not installed in " + interop
                    + ": run npm ci --prefix interop (needs the Debian packages nodejs and npm)");
        }
        Path script = interop.resolve(name);
        if (!Files.isRegularFile(script)) {
            throw new AssertionError("missing interop script " + script);
        }
        return script;
    }

    /** Runs {@code command} to completion (bounded); fails with its output unless it exits 0. */
    static String run(List<String> command) throws IOException, InterruptedException {
        // Output goes to a file, so a chatty peer can never block on a full pipe.
        Path log = Files.createTempFile("osc-peer", ".log");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + command);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(command + " exited with " + process.exitValue() + ": " + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
