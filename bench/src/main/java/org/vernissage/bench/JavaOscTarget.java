package org.vernissage.bench;

import com.illposed.osc.OSCMessageEvent;
import com.illposed.osc.OSCMessageListener;
import com.illposed.osc.messageselector.OSCPatternAddressMessageSelector;
import com.illposed.osc.transport.OSCPortIn;
import com.illposed.osc.transport.OSCPortInBuilder;
import com.illposed.osc.transport.udp.UDPTransport;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.Locale;

/**
 * JavaOSC 0.8's own UDP receiver as a {@link ReceiveTarget}, used the way its documentation
 * shows: an {@link OSCPortIn} built by {@link OSCPortInBuilder} on {@code 127.0.0.1}, with a
 * message listener registered for the energy address through its default dispatcher
 * ({@link OSCPortIn#defaultPacketListener()}, {@link OSCPatternAddressMessageSelector}). The listener reads the float argument and counts.
 *
 * <p>Two things JavaOSC offers no API for are reached by reflection, read-only apart from one
 * socket option: its {@code UDPTransport}'s channel, to ask the same {@link PacedSender#SOCKET_BUFFER_BYTES}
 * kernel receive buffer the Vernissage receiver asks for (JavaOSC leaves the OS default, 208 KiB
 * here) and to learn the port the OS chose; and {@code OSCPortIn.listeningThread}, the thread
 * that receives, parses and dispatches (it is created as a plain {@code new Thread(this)}, so its
 * name, "Thread-N", does not identify it).
 */
final class JavaOscTarget implements ReceiveTarget {

    private final OSCPortIn port;
    private final DatagramChannel channel;
    private final Thread receivingThread;
    private final CountingListener listener = new CountingListener();
    private final boolean sameBuffer;

    /** @param sameBuffer ask for the Vernissage receiver's socket buffer; false keeps JavaOSC's */
    JavaOscTarget(boolean sameBuffer) throws IOException {
        this.sameBuffer = sameBuffer;
        port = new OSCPortInBuilder()
                .setLocalSocketAddress(new InetSocketAddress("127.0.0.1", 0))
                // 0.8's builder throws a NullPointerException on addMessageListener unless a
                // packet listener list exists: start it with the dispatcher OSCPortIn uses itself.
                .setPacketListener(OSCPortIn.defaultPacketListener())
                .addMessageListener(new OSCPatternAddressMessageSelector(OscPackets.ENERGY_ADDRESS), listener)
                .build();
        channel = get(field(UDPTransport.class, "channel"), port.getTransport());
        if (sameBuffer) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, PacedSender.SOCKET_BUFFER_BYTES);
        }
        port.setDaemonListener(true);
        port.startListening();
        receivingThread = get(field(OSCPortIn.class, "listeningThread"), port);
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("JavaOSC 0.8 changed: no " + type.getSimpleName() + "." + name, e);
        }
    }

    private static <T> T get(Field field, Object owner) {
        try {
            @SuppressWarnings("unchecked")
            T value = (T) field.get(owner);
            return value;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() {
        return sameBuffer ? "javaosc" : "javaosc-default-buffer";
    }

    @Override
    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String describe() {
        try {
            return String.format(Locale.ROOT, "JavaOSC 0.8 OSCPortIn (SO_RCVBUF %s, granted %d) -> OSCPacketDispatcher"
                    + " -> OSCMessageListener on %s, thread '%s'",
                    sameBuffer ? "asked " + PacedSender.SOCKET_BUFFER_BYTES : "left at the OS default",
                    channel.getOption(StandardSocketOptions.SO_RCVBUF), OscPackets.ENERGY_ADDRESS,
                    receivingThread.getName());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long delivered() {
        return listener.count;
    }

    @Override
    public long allocatedBytes() {
        return AllocationMeter.allocatedBytes(receivingThread);
    }

    @Override
    public long cpuNanos() {
        return AllocationMeter.cpuNanos(receivingThread);
    }

    @Override
    public long socketThreadCpuNanos() {
        return cpuNanos(); // one thread receives, parses and dispatches
    }

    @Override
    public String notes() {
        Thread caller = listener.caller;
        return "listening " + port.isListening() + (caller == null || caller == receivingThread ? ""
                : ", listener called on another thread: " + caller.getName());
    }

    @Override
    public void close() {
        port.stopListening();
        try {
            port.close();
        } catch (IOException e) {
            // closing at the end of the benchmark: nothing depends on it
        }
    }

    /** Counts the messages JavaOSC dispatches; written by its receiving thread only. */
    private static final class CountingListener implements OSCMessageListener {
        volatile long count;
        volatile float last;
        volatile Thread caller;

        @Override
        @SuppressWarnings("NonAtomicOperationOnVolatileField") // one writer
        public void acceptMessage(OSCMessageEvent event) {
            last = (Float) event.getMessage().getArguments().get(0);
            if (caller == null) {
                caller = Thread.currentThread();
            }
            count = count + 1;
        }
    }
}
