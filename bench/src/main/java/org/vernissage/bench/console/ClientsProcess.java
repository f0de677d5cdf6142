package org.vernissage.bench.console;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The clients' JVM ({@link ConsoleClients}), started with this one's java and class path;
 * the main thread drives it. Counts what it reported over the measured phases.
 */
final class ClientsProcess implements AutoCloseable {
    private final Process process;
    private final java.io.BufferedReader answers;
    private final java.io.Writer commands;
    final Totals polled = new Totals();
    final Totals pushed = new Totals();

    /** What the clients reported over the measured phases of one kind. */
    static final class Totals {
        long previews;
        long statuses;
        long cpuNanos;
    }

    private ClientsProcess(Process process) {
        this.process = process;
        this.answers = process.inputReader(java.nio.charset.StandardCharsets.US_ASCII);
        this.commands = process.outputWriter(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * @param idle whether the clients' process runs in SCHED_IDLE ({@code chrt --idle 0}): the
     *     consoles are tablets in a show, not on the show's machine; on this one they can only
     *     be kept off the cores the show wants
     */
    static ClientsProcess start(int port, String token, boolean idle) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new java.util.ArrayList<>();
        if (idle) {
            command.addAll(List.of("chrt", "--idle", "0"));
        }
        // a small client JVM: one GC thread, the C1 compiler only, a small heap
        command.addAll(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), ConsoleClients.class.getName(),
                String.valueOf(port), token));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ClientsProcess clients = new ClientsProcess(process);
        String ready = clients.answers.readLine();
        if (!"ready".equals(ready)) {
            process.destroy();
            throw new IOException("the console clients' process said " + ready);
        }
        return clients;
    }

    /** {@code requests} calls back to back, status and preview in turn (none: 0). */
    void warm(int requests) throws IOException {
        if (requests == 0) {
            return;
        }
        commands.write("warm " + requests + "\n");
        commands.flush();
        String warmed = answers.readLine();
        if (!"warmed".equals(warmed)) {
            throw new IOException("the console clients' process said " + warmed);
        }
    }

    /**
     * Three consoles {@code how} ("poll" or "push") for {@code millis}; {@code cpu} measures this
     * process meanwhile. Adds what the clients counted to {@code totals} (null: the warm-up).
     */
    void run(String how, long millis, ThreadCpu cpu, Totals totals) throws IOException {
        cpu.begin();
        commands.write(how + " " + millis + "\n");
        commands.flush();
        String done = answers.readLine();
        cpu.end();
        if (done == null || !done.startsWith("done ")) {
            throw new IOException("the console clients' process said " + done);
        }
        if (totals != null) {
            String[] parts = done.split(" ");
            totals.previews += Long.parseLong(parts[1]);
            totals.statuses += Long.parseLong(parts[2]);
            totals.cpuNanos += Long.parseLong(parts[3]);
        }
    }

    /** Empties the clients' histogram of status answer times (after the warm-up). */
    void resetAnswers() throws IOException {
        ask("reset");
    }

    /** The polled statuses' answer times since {@link #resetAnswers()}: p50, p99, max in ns, and the count. */
    long[] answers() throws IOException {
        String[] parts = ask("answers").split(" ");
        return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                Long.parseLong(parts[4])};
    }

    private String ask(String command) throws IOException {
        commands.write(command + "\n");
        commands.flush();
        String answer = answers.readLine();
        if (answer == null || !answer.startsWith(command)) {
            throw new IOException("the console clients' process answered '" + command + "' with " + answer);
        }
        return answer;
    }

    @Override
    public void close() throws IOException {
        try {
            commands.write("quit\n");
            commands.flush();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }
}
