package org.vernissage.engine.agent;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * Moves the calling thread out of the way of the show: into Linux's {@code SCHED_IDLE} class,
 * through {@code sched_setscheduler} and the FFM API. Such a thread runs only on a core no
 * ordinary thread wants: on a machine the show keeps busy it may wait a second or more (measured:
 * a console's first answers after a cold start, while the JIT compiles), once the JIT has settled
 * tens of milliseconds. ({@code SCHED_BATCH}, which keeps a fair share and only gives up
 * preempting as it wakes, was measured too and does not protect the frames: 1.149x p99.)
 *
 * <p>Why: on a 2-core gallery PC an unpaced or heavy frame keeps both cores busy (the render
 * thread and llvmpipe's rasterisers). Work that only serves people looking at the show (the web
 * console, its thumbnails) woke and took a core from a rasteriser at once, and that frame came
 * late (issue 11's console p99). In SCHED_IDLE it no longer takes a core from the show
 * when it wakes. A thread can move itself there without privileges (sched(7)); coming back would
 * need them, so only threads that never do the show's own work are moved.
 *
 * <p>Threads: {@link #lowerCallingThread} (and the runnable {@link #lowered} wraps) acts on
 * whichever thread calls it (Linux schedules threads, not processes: pid 0 is the caller).
 * Stateless; the libc entry point is looked up once per class load.
 */
public final class ThreadScheduling {

    /** {@code SCHED_IDLE} in Linux's {@code <linux/sched.h>}. */
    private static final int SCHED_IDLE = 5;
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** {@code int sched_setscheduler(pid_t, int, const struct sched_param *)}, with errno captured; empty off Linux. */
    private static final Optional<MethodHandle> SET_SCHEDULER = lookUp();

    private ThreadScheduling() {
    }

    /**
     * Moves the calling thread to {@code SCHED_IDLE}.
     *
     * @return empty when done, else why not (not Linux, or the kernel's refusal with its errno),
     *     for the caller to log once
     */
    public static Optional<String> lowerCallingThread() {
        if (SET_SCHEDULER.isEmpty()) {
            return Optional.of("SCHED_IDLE is Linux's; " + System.getProperty("os.name") + " has none");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment priority = arena.allocate(ValueLayout.JAVA_INT); // struct sched_param { int sched_priority = 0; }
            int result = (int) SET_SCHEDULER.get().invokeExact(state, 0, SCHED_IDLE, priority);
            return result == 0 ? Optional.empty()
                    : Optional.of("sched_setscheduler(SCHED_IDLE) failed with errno " + (int) ERRNO.get(state, 0L));
        } catch (Throwable e) {
            return Optional.of("sched_setscheduler(SCHED_IDLE) could not be called: " + e);
        }
    }

    /**
     * {@code body}, run by a thread that first moves itself to {@code SCHED_IDLE} and, if it
     * cannot, logs why once (at INFO: the show goes on, only less politely): for a thread factory.
     *
     * @param threadName the name the log line gives the thread
     */
    public static Runnable lowered(String threadName, Runnable body) {
        return () -> {
            lowerCallingThread().ifPresent(why -> System.getLogger(ThreadScheduling.class.getName())
                    .log(System.Logger.Level.INFO, threadName + " runs at normal priority: " + why));
            body.run();
        };
    }

    /**
     * Makes daemon threads named {@code name}, each moving itself to {@code SCHED_IDLE} as it
     * starts when {@code inBackground} ({@link #lowered}), else left in the normal class.
     */
    public static ThreadFactory daemonThreads(String name, boolean inBackground) {
        return task -> {
            Thread made = new Thread(inBackground ? lowered(name, task) : task, name);
            made.setDaemon(true);
            return made;
        };
    }

    private static Optional<MethodHandle> lookUp() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("sched_setscheduler").map(symbol -> linker.downcallHandle(symbol,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS),
                Linker.Option.captureCallState("errno")));
    }
}
