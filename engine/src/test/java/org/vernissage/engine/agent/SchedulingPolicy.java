package org.vernissage.engine.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper: the calling thread's scheduling policy as Linux reports it (field 41 of
 * {@code /proc/thread-self/stat}, proc(5)), so tests see what the kernel does, not what the code
 * meant. Any thread; for itself only.
 */
public final class SchedulingPolicy {

    /** {@code SCHED_OTHER}: the normal class. */
    public static final int NORMAL = 0;
    /** {@code SCHED_IDLE}: runs only on a core nothing else wants. */
    public static final int IDLE = 5;
    private static final Path STAT = Path.of("/proc/thread-self/stat");

    private SchedulingPolicy() {
    }

    /** Whether this machine says (Linux with /proc). */
    public static boolean readable() {
        return Files.isReadable(STAT);
    }

    /** The calling thread's policy. */
    public static int ofCallingThread() {
        try {
            String stat = Files.readString(STAT);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[41 - 3]); // fields from the third on
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
