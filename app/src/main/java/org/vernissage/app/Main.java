package org.vernissage.app;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The launcher's entry point: parses the command line and turns every failure into one clear
 * line and a non-zero exit code (a stack trace only with {@code --verbose}).
 *
 * <p>Runs on the process's main thread, which also becomes the render thread.
 */
public final class Main {

    /** Exit code for a bad command line (unknown flag, malformed value). */
    public static final int EXIT_USAGE = 2;
    /** Exit code for anything the run itself could not do (artwork, port, display). */
    public static final int EXIT_FAILURE = 1;

    private static final String LOG_FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

    private Main() {
    }

    public static void main(String[] args) {
        // One line per log record, in the same voice as the rest of the console output.
        if (System.getProperty(LOG_FORMAT_PROPERTY) == null) {
            System.setProperty(LOG_FORMAT_PROPERTY, "vernissage: %4$s: %5$s%6$s%n");
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new VernissageCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((problem, arguments) -> {
            err.println("vernissage: " + problem.getMessage());
            CommandLine failed = problem.getCommandLine();
            err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((failure, failed, parseResult) -> {
            String message = failure.getMessage();
            err.println("vernissage: " + (message == null || message.isBlank()
                    ? failure.getClass().getSimpleName() + " (run with --verbose for details)" : message));
            if (failed.getParseResult().hasMatchedOption("--verbose")) {
                failure.printStackTrace(err);
            }
            return EXIT_FAILURE;
        });
        try {
            return commandLine.execute(args);
        } catch (RuntimeException | Error unexpected) {
            // Picocli lets Errors through (a native library that fails to link, for instance).
            err.println("vernissage: unexpected failure: " + unexpected
                    + " (please report it; --verbose prints the details)");
            if (java.util.Arrays.asList(args).contains("--verbose")) {
                unexpected.printStackTrace(err);
            }
            return EXIT_FAILURE;
        }
    }
}
