package org.vernissage.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logs that last weeks: with {@code --log-dir DIR}, everything the run says (the banner, the
 * statistics lines, every component's warnings and errors) also goes, time-stamped, into rotating
 * files {@code DIR/vernissage.0.log} (the newest) to {@code vernissage.9.log}, 10 MiB each, so an
 * unattended installation keeps about 100 MiB of its own history and never fills the disk. The
 * terminal shows exactly what it shows without the option.
 *
 * <p>Built by the command on the main thread before the run is prepared and closed after it ends.
 * The returned {@link #out()} may be written by any thread that prints to the command's output
 * (it is a {@link PrintWriter}, which locks); the file handler is java.util.logging's, safe for
 * every logging thread.
 */
final class LogFiles implements AutoCloseable {

    static final int DEFAULT_FILE_BYTES = 10 * 1024 * 1024;
    static final int DEFAULT_FILES = 10;
    private static final String OUTPUT_LOGGER = "vernissage.output";

    private final Handler files;
    private final Logger output;
    private final PrintWriter out;

    private LogFiles(Handler files, Logger output, PrintWriter out) {
        this.files = files;
        this.output = output;
        this.out = out;
    }

    /** No log folder: {@link #out()} is {@code terminal} itself and nothing is written to disk. */
    static LogFiles none(PrintWriter terminal) {
        return new LogFiles(null, null, terminal);
    }

    /**
     * Starts logging into {@code folder} (made if missing).
     *
     * @throws IOException when the folder or its files cannot be written: named in the message
     */
    static LogFiles open(Path folder, PrintWriter terminal) throws IOException {
        return open(folder, terminal, DEFAULT_FILE_BYTES, DEFAULT_FILES);
    }

    static LogFiles open(Path folder, PrintWriter terminal, int fileBytes, int fileCount) throws IOException {
        FileHandler handler;
        try {
            Files.createDirectories(folder);
            handler = new FileHandler(folder.resolve("vernissage.%g.log").toString(), fileBytes, fileCount, true);
        } catch (IOException | SecurityException e) {
            throw new IOException("--log-dir " + folder + ": cannot write log files there (" + e.getMessage() + ")", e);
        }
        handler.setFormatter(new LineFormatter());
        handler.setLevel(Level.INFO);
        Logger.getLogger("").addHandler(handler); // every component's warnings and errors
        Logger output = Logger.getLogger(OUTPUT_LOGGER);
        output.setUseParentHandlers(false); // the terminal already has these lines
        output.addHandler(handler);
        return new LogFiles(handler, output, new PrintWriter(new TeeWriter(terminal, output), true));
    }

    /** Where the command prints: the terminal, and the log files when there are any. */
    PrintWriter out() {
        return out;
    }

    @Override
    public void close() {
        if (files == null) {
            return;
        }
        out.flush();
        Logger.getLogger("").removeHandler(files);
        output.removeHandler(files);
        files.close();
    }

    /** One line per record: ISO time, level, the logger's last name part, the message. */
    private static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            String source = record.getLoggerName() == null ? "" : record.getLoggerName();
            source = source.substring(source.lastIndexOf('.') + 1);
            String thrown = record.getThrown() == null ? "" : " (" + record.getThrown() + ")";
            return Instant.ofEpochMilli(record.getMillis()) + " " + record.getLevel() + " " + source + ": "
                    + formatMessage(record) + thrown + System.lineSeparator();
        }
    }

    /** Writes to the terminal as it is, and each complete line as one record of the output logger. */
    private static final class TeeWriter extends Writer {
        private final PrintWriter terminal;
        private final Logger output;
        private final StringBuilder line = new StringBuilder();

        TeeWriter(PrintWriter terminal, Logger output) {
            this.terminal = terminal;
            this.output = output;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            terminal.write(chars, offset, length);
            for (int i = offset; i < offset + length; i++) {
                char c = chars[i];
                if (c == '\n') {
                    output.info(line.toString());
                    line.setLength(0);
                } else if (c != '\r') {
                    line.append(c);
                }
            }
        }

        @Override
        public void flush() {
            terminal.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
