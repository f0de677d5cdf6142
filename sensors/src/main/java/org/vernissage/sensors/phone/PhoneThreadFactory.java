package org.vernissage.sensors.phone;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.ThreadFactory;

/**
 * Names the phones server's threads exactly (the event loop is "vernissage-phones", so a thread
 * dump shows who owns the participants' state) and makes them daemons, so a forgotten close()
 * cannot keep the JVM alive. Netty's own thread class keeps its thread-locals fast.
 *
 * <p>Immutable; used by the event loop groups {@link PhoneServer#start()} makes, each of one
 * thread.
 */
final class PhoneThreadFactory implements ThreadFactory {

    private final String name;

    PhoneThreadFactory(String name) {
        this.name = name;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new FastThreadLocalThread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
