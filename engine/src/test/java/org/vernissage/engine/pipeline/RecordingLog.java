package org.vernissage.engine.pipeline;

import java.lang.System.Logger;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/** A {@link System.Logger} that keeps every record with its level, for counting log lines. Thread-safe. */
final class RecordingLog implements Logger {

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
        records.add(level + " " + msg + (thrown == null ? "" : " [" + thrown + "]"));
    }

    @Override
    public synchronized void log(Level level, ResourceBundle bundle, String format, Object... params) {
        records.add(level + " " + (params == null ? format : MessageFormat.format(format, params)));
    }

    /** Records at {@code level} containing {@code text}. */
    synchronized List<String> at(Level level, String text) {
        return records.stream().filter(r -> r.startsWith(level + " ") && r.contains(text)).toList();
    }

    /** Records at WARNING or above (what an operator sees by default). */
    synchronized List<String> visible() {
        return records.stream().filter(r -> r.startsWith("WARNING ") || r.startsWith("ERROR ")).toList();
    }
}
