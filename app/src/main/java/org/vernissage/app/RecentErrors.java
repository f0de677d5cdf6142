package org.vernissage.app;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The last warnings and errors of the run, for the console's "recent errors": a logging handler on
 * the root logger that keeps the newest {@value #KEPT} lines, each with its local time. Components
 * already log each kind of failure once (their counters say how often), so these lines are the
 * distinct problems, newest first.
 *
 * <p>Installed and removed by the console part on the wiring thread; {@link #publish} is called on
 * whichever thread logs (synchronized), {@link #lines} on the console's thread.
 */
final class RecentErrors extends Handler {

    static final int KEPT = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ArrayDeque<String> lines = new ArrayDeque<>(KEPT);
    private final SimpleFormatter messages = new SimpleFormatter();

    private RecentErrors() {
        setLevel(Level.WARNING);
    }

    /** Starts keeping the warnings of every logger. */
    static RecentErrors install() {
        RecentErrors errors = new RecentErrors();
        Logger.getLogger("").addHandler(errors);
        return errors;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        if (lines.size() == KEPT) {
            lines.removeLast();
        }
        lines.addFirst(TIME.format(Instant.ofEpochMilli(record.getMillis())) + " " + messages.formatMessage(record));
    }

    /** The kept lines, newest first. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
