package org.vernissage.engine.render.reload;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Set;

/**
 * What the hot reload has done, for the log and the statistics: reloads that put a new program on
 * the wall, builds that failed (the last good program stayed), each distinct error logged once as
 * one WARNING line ({@code file:line: the driver's message}), and one INFO line when a fix
 * recovers after a failure.
 *
 * <p>Written by the render thread (the reload task), read by any thread (the statistics): the
 * methods are synchronized, which costs nothing that matters at one call per save. Owned by its {@link HotReload}.
 */
public final class ReloadReport {

    private final Logger logger;
    private final Set<String> logged = new HashSet<>();
    private long reloads;
    private long failures;
    private String failing; // the error the wall is stuck on, or null
    private long longestPauseNanos; // the render thread's longest time in a reload task

    ReloadReport(Logger logger) {
        this.logger = logger;
    }

    /** The render thread spent {@code nanos} in a reload task (the whole reload: files read, compiled, linked, checked). */
    synchronized void renderThreadPaused(long nanos) {
        longestPauseNanos = Math.max(longestPauseNanos, nanos);
    }

    /** The render thread's longest time in a reload task so far: what a reload costs the frame that takes it. */
    public synchronized long longestRenderThreadPauseNanos() {
        return longestPauseNanos;
    }

    /** A reload put the files' new program on the wall. */
    synchronized void succeeded(String what) {
        reloads++;
        if (failing != null) {
            logger.log(Level.INFO, "hot reload: " + what + " builds again; the new program is on the wall"
                    + " (it was stuck on: " + failing + ")");
            failing = null;
        } else {
            logger.log(Level.INFO, "hot reload: " + what + " reloaded");
        }
    }

    /** A reload failed with {@code message} (one line naming the file and line); the last good program stays. */
    synchronized void failed(String message) {
        failures++;
        failing = message;
        if (logged.add(message)) {
            logger.log(Level.WARNING, "hot reload: " + message + "; the last good program stays on the wall");
        }
    }

    /** Reloads that put a new program on the wall. */
    public synchronized long reloads() {
        return reloads;
    }

    /** Reloads that failed (each save of a broken file counts once). */
    public synchronized long failures() {
        return failures;
    }

    /** Distinct errors and notices logged so far. */
    public synchronized int distinctMessages() {
        return logged.size();
    }

    /** The error the wall is stuck on (the last good program showing), or null when the last reload worked. */
    public synchronized String failing() {
        return failing;
    }

    /** One line for the statistics, e.g. "hot reload: 3 reloads, 1 failed (1 distinct message); failing now: ...". */
    public synchronized String describe() {
        StringBuilder line = new StringBuilder("hot reload: ").append(reloads).append(reloads == 1 ? " reload" : " reloads")
                .append(", ").append(failures).append(" failed (").append(logged.size())
                .append(logged.size() == 1 ? " distinct message)" : " distinct messages)");
        line.append(String.format(java.util.Locale.ROOT, "; longest render-thread pause %.1f ms",
                longestPauseNanos / 1e6));
        if (failing != null) {
            line.append("; failing now, the last good program is showing: ").append(failing);
        }
        return line.toString();
    }
}
