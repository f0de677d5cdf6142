package org.vernissage.engine;

import java.lang.System.Logger;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * A {@link System.Logger} that keeps every record as "LEVEL message" (and the thrown exception, if
 * any), so the engine's tests can count what was logged (the sensors' tests have their own).
 * Thread-safe.
 */
public final class RecordingLog implements Logger {

    private final List<String> lines = new ArrayList<>();

    @Override
    public String getName() {
        return "recording";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public synchronized void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        lines.add(level + " " + msg + (thrown == null ? "" : " [" + thrown + "]"));
    }

    @Override
    public synchronized void log(Level level, ResourceBundle bundle, String format, Object... params) {
        lines.add(level + " " + (params == null ? format : MessageFormat.format(format, params)));
    }

    /** Every record so far, oldest first. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The records at {@code level}. */
    public synchronized List<String> at(Level level) {
        return lines.stream().filter(line -> line.startsWith(level + " ")).toList();
    }

    /** Records at {@code level} containing {@code text}. */
    public synchronized List<String> at(Level level, String text) {
        return at(level).stream().filter(line -> line.contains(text)).toList();
    }

    /** Records at WARNING or above (what an operator sees by default). */
    public synchronized List<String> visible() {
        return lines.stream().filter(line -> line.startsWith("WARNING ") || line.startsWith("ERROR ")).toList();
    }

    /** The WARNING records containing {@code text}. */
    public synchronized List<String> warningsContaining(String text) {
        return at(Level.WARNING).stream().filter(line -> line.contains(text)).toList();
    }
}
