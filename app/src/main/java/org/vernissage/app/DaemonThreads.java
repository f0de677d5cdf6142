package org.vernissage.app;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Thread factories for the run's helper threads: daemons, because the render thread, not these,
 * decides when the process ends.
 *
 * <p>Stateless.
 */
final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Daemon threads named in order of creation; any beyond the names take the last one. */
    static ThreadFactory named(String... names) {
        Iterator<String> next = List.of(names).iterator();
        return runnable -> {
            Thread thread = new Thread(runnable, next.hasNext() ? next.next() : names[names.length - 1]);
            thread.setDaemon(true);
            return thread;
        };
    }
}
