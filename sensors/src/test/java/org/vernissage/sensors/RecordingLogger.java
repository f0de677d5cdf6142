package org.vernissage.sensors;

import java.lang.System.Logger;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * A {@link System.Logger} that keeps every record, so tests can see what was logged and how often
 * (every adapter logs each kind of bad input once). Shared by the sensors' tests; thread-safe.
 */
public final class RecordingLogger implements Logger {

    private final List<String> records = new ArrayList<>();

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
        records.add(level + " " + msg);
    }

    @Override
    public synchronized void log(Level level, ResourceBundle bundle, String format, Object... params) {
        records.add(level + " " + (params == null ? format : MessageFormat.format(format, params)));
    }

    /** Every record so far, oldest first. */
    public synchronized List<String> snapshot() {
        return List.copyOf(records);
    }

    /** How many records contain {@code text}. */
    public synchronized long count(String text) {
        return records.stream().filter(r -> r.contains(text)).count();
    }

    /** The records containing {@code text}. */
    public synchronized List<String> containing(String text) {
        return records.stream().filter(r -> r.contains(text)).toList();
    }
}
