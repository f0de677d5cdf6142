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
import java.util.Optional;

/**
 * Puts the calling thread in Linux's {@code SCHED_IDLE} scheduling class: it then runs only on a
 * core that no ordinary thread of the machine wants, and never preempts one when it wakes.
 *
 * <p>Why: on a 2-core gallery PC an unpaced or heavy frame keeps both cores busy (the render
 * thread and llvmpipe's rasterisers). Work that only looks at the show (the web console's server,
 * its thumbnails) then takes a core from a rasteriser for a scheduler slice now and then, and
 * those frames come late (issue 11's console p99). In {@code SCHED_IDLE} that work waits for a
 * free core instead: a console sees its status and thumbnail a little later, the audience sees
 * no late frame. A thread can put itself there without privileges (sched(7)); coming back would
 * need them, so only threads that never do show work are put there.
 *
 * <p>Threads: {@link #lowerCallingThread()} (and the runnable {@link #lowered} wraps) acts on
 * whichever thread calls it (Linux schedules
 * threads, not processes: pid 0 is the caller). Stateless; the libc entry point is looked up once
 * per class load.
 */
public final class IdleScheduling {

    /** {@code SCHED_IDLE} in Linux's {@code <linux/sched.h>}. */
    private static final int SCHED_IDLE = 5;
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** {@code int sched_setscheduler(pid_t, int, const struct sched_param *)}, with errno captured; empty off Linux. */
    private static final Optional<MethodHandle> SET_SCHEDULER = lookUp();

    private IdleScheduling() {
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
     * {@code body}, run by a thread that first lowers itself ({@link #lowerCallingThread()}) and,
     * if it cannot, logs why once (at INFO: the show goes on, only less politely): for a thread
     * factory.
     *
     * @param threadName the name the log line gives the thread
     */
    public static Runnable lowered(String threadName, Runnable body) {
        return () -> {
            lowerCallingThread().ifPresent(why -> System.getLogger(IdleScheduling.class.getName())
                    .log(System.Logger.Level.INFO, threadName + " runs at normal priority: " + why));
            body.run();
        };
    }

    private static Optional<MethodHandle> lookUp() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("sched_setscheduler").map(symbol -> linker.downcallHandle(symbol,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS),
                Linker.Option.captureCallState("errno")));
    }
}
