package org.vernissage.sensors.tuio;

import java.lang.System.Logger;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/** A {@link System.Logger} that keeps every record, so tests can see what was logged and how often. */
final class RecordingLogger implements Logger {

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

    synchronized List<String> snapshot() {
        return List.copyOf(records);
    }

    /** Records containing {@code text}. */
    synchronized List<String> containing(String text) {
        return records.stream().filter(r -> r.contains(text)).toList();
    }
}
