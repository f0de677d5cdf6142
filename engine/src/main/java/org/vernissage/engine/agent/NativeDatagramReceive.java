package org.vernissage.engine.agent;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Locale;
import java.util.Optional;

/**
 * Receives datagrams from a JDK {@link DatagramChannel}'s own socket with {@code recvfrom(2)},
 * called through the Foreign Function API, so that the sender's address is kept as the kernel's
 * bytes and decoded only when a message needs it.
 *
 * <p>Why: a thread asleep in a socket's receive is woken by a datagram ({@link WakeDatagram}),
 * and the JDK's {@code DatagramChannel.receive} makes new address objects whenever a datagram's
 * sender differs from the previous one's: a wake-up between two packets of one console would
 * allocate twice on the conductor thread (measured: 297 B per packet and frame mark). Here a
 * receive allocates nothing, whoever sent it ({@link #senderIs} compares the kernel's bytes).
 *
 * <p>The channel stays the JDK's: it binds, sets options and closes the socket; this class only
 * reads from its descriptor. The descriptor is reached through {@code sun.nio.ch.SelChImpl}, which
 * the JVM opens only with {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED} (the launcher, the
 * test and bench JVMs pass it); without it, or on a system other than Linux (the socket address
 * layouts and error numbers below are Linux's), {@link #attach} says why not and the caller reads
 * with the JDK. The caller must not read from a closed channel: its descriptor's number may by then
 * belong to another file, so {@link #receive} checks {@link DatagramChannel#isOpen()} first, and a
 * channel closed by another thread while this one waits in a receive must be followed by a
 * datagram that ends the wait.
 *
 * <pre>
 *   sockaddr_in  (16 bytes)  | family u16 (host order, 2) | port u16 (network order) | IPv4 address (4) | zero (8) |
 *   sockaddr_in6 (28 bytes)  | family u16 (10) | port u16 (network order) | flow info u32 | IPv6 address (16) | scope id u32 |
 * </pre>
 *
 * <p>Threads: made by the thread that opens the channel; {@link #receive}, {@link #senderIs} and
 * {@link #sender()} by the one thread that reads the channel at a time (its buffers are this
 * object's). Owned by the socket's receiver, one per channel (a reopened socket gets a new one).
 */
public final class NativeDatagramReceive {

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int MSG_DONTWAIT = 0x40;
    private static final short POLLIN = 1;
    private static final int SOCKADDR_BYTES = 28; // room for sockaddr_in6, the larger
    private static final ValueLayout.OfShort NETWORK_SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final DatagramChannel channel;
    private final int descriptor;
    private final ByteBuffer buffer;
    private final MemorySegment into;
    private final MemorySegment senderAddress;
    private final MemorySegment senderLength;
    private final MemorySegment callState;
    private final MemorySegment pollFd;

    private NativeDatagramReceive(DatagramChannel channel, int descriptor, ByteBuffer buffer) {
        this.channel = channel;
        this.descriptor = descriptor;
        this.buffer = buffer;
        this.into = MemorySegment.ofBuffer(buffer.duplicate().clear());
        Arena arena = Arena.ofAuto(); // freed with this object: its life is the channel's
        this.senderAddress = arena.allocate(SOCKADDR_BYTES, 8);
        this.senderLength = arena.allocate(ValueLayout.JAVA_INT);
        this.callState = arena.allocate(Syscalls.CALL_STATE);
        this.pollFd = arena.allocate(8, 4);
        // struct pollfd { int fd; short events; short revents; }: the kernel writes only revents
        pollFd.set(ValueLayout.JAVA_INT, 0, descriptor);
        pollFd.set(ValueLayout.JAVA_SHORT, 4, POLLIN);
    }

    /**
     * A native receive on {@code channel}'s socket into {@code buffer} (direct; its whole capacity
     * is offered to each datagram), or empty, with the reason in {@link #unavailable()}, where this
     * JVM or system cannot. The thread that opened the channel.
     */
    public static Optional<NativeDatagramReceive> attach(DatagramChannel channel, ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("a native receive needs a direct buffer");
        }
        if (unavailable().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new NativeDatagramReceive(channel, Syscalls.descriptorOf(channel), buffer));
    }

    /**
     * Why datagrams cannot be received natively in this JVM (the flag it lacks, or the system), or
     * empty when they can. Any thread.
     */
    public static Optional<String> unavailable() {
        return Optional.ofNullable(Syscalls.UNAVAILABLE);
    }

    /**
     * Receives one datagram into the buffer, which then holds it from position 0 to its
     * {@code position()} (as the JDK's {@code receive} leaves it). {@code wait}: blocks until one
     * arrives; otherwise returns at once. Returns the datagram's length (a datagram longer than
     * the buffer is cut to its capacity, as with the JDK), or -1 when none was waiting.
     *
     * @throws ClosedChannelException the channel has been closed
     * @throws IOException the system call failed, with its error number
     */
    public int receive(boolean wait) throws IOException {
        int flags = wait ? 0 : MSG_DONTWAIT;
        while (true) {
            long received = receivedWithoutErrno(flags);
            if (received < 0 && !wait) {
                int ready = Syscalls.pollNow(pollFd);
                if (ready == 0) {
                    return -1; // nothing waiting: how every drain ends, so it is found without the capture
                }
                if (ready > 0) {
                    received = receivedWithoutErrno(flags); // most often one arrived since the first try
                }
            }
            if (received < 0) {
                received = receivedCapturingErrno(flags);
            }
            if (received >= 0) {
                buffer.clear().position((int) received);
                return (int) received;
            }
            int error = Syscalls.errno(callState);
            if (error == EINTR) {
                continue;
            }
            if (error != EAGAIN) {
                throw new IOException("recvfrom on UDP port " + portOf(channel) + " failed: errno " + error);
            }
            if (!wait) {
                return -1;
            }
            awaitInput(); // the socket was in non-blocking mode after all: one poll, then the receive
        }
    }

    /**
     * Every receive's first try, with no error number captured: it returns a datagram, or -1,
     * after which only an interruption, a failure or an empty non-blocking socket (each rare, or
     * told apart by a poll) goes on to the capturing call, which says which. Why two handles: the
     * JDK checks the capture segment with a slice that escape analysis removes only where the call
     * is inlined, and the host's sleep is reached through too many frames for that (40 B per
     * datagram, measured by the snapshot bench; 80 B per datagram in a test's loop).
     */
    private long receivedWithoutErrno(int flags) throws IOException {
        readyToReceive();
        return Syscalls.recvfromWithoutErrno(descriptor, into, into.byteSize(), flags, senderAddress, senderLength);
    }

    private long receivedCapturingErrno(int flags) throws IOException {
        readyToReceive();
        return Syscalls.recvfrom(callState, descriptor, into, into.byteSize(), flags, senderAddress, senderLength);
    }

    /** Refuses a closed channel (its descriptor may be another file's by now); offers the whole address room. */
    private void readyToReceive() throws ClosedChannelException {
        if (!channel.isOpen()) {
            throw new ClosedChannelException();
        }
        senderLength.set(ValueLayout.JAVA_INT, 0, SOCKADDR_BYTES);
    }

    private void awaitInput() throws IOException {
        int ready = Syscalls.poll(callState, pollFd, 1, -1);
        if (ready < 0 && Syscalls.errno(callState) != EINTR) {
            throw new IOException("poll on UDP port " + portOf(channel) + " failed: errno "
                    + Syscalls.errno(callState));
        }
    }

    /**
     * Whether the last datagram came from {@code address} (4 or 16 bytes, as
     * {@link InetAddress#getAddress()} gives them) and {@code port}; an IPv4 sender seen by an
     * IPv6 socket (as {@code ::ffff:a.b.c.d}) matches its IPv4 address. Allocates nothing.
     */
    public boolean senderIs(byte[] address, int port) {
        if (Short.toUnsignedInt(senderAddress.get(NETWORK_SHORT, 2)) != port) {
            return false;
        }
        int family = senderAddress.get(ValueLayout.JAVA_SHORT, 0);
        if (family == AF_INET) {
            return address.length == 4 && bytesEqual(4, address, 0, 4);
        }
        if (family != AF_INET6) {
            return false;
        }
        if (address.length == 16) {
            return bytesEqual(8, address, 0, 16);
        }
        return address.length == 4 && isV4Mapped() && bytesEqual(20, address, 0, 4);
    }

    private boolean isV4Mapped() {
        for (int i = 8; i < 18; i++) {
            if (senderAddress.get(ValueLayout.JAVA_BYTE, i) != 0) {
                return false;
            }
        }
        return senderAddress.get(ValueLayout.JAVA_BYTE, 18) == (byte) 0xFF
                && senderAddress.get(ValueLayout.JAVA_BYTE, 19) == (byte) 0xFF;
    }

    private boolean bytesEqual(long offset, byte[] address, int from, int count) {
        for (int i = 0; i < count; i++) {
            if (senderAddress.get(ValueLayout.JAVA_BYTE, offset + i) != address[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** The last datagram's sender, decoded (allocates: for messages, not per datagram). */
    public InetSocketAddress sender() {
        int port = Short.toUnsignedInt(senderAddress.get(NETWORK_SHORT, 2));
        int family = senderAddress.get(ValueLayout.JAVA_SHORT, 0);
        byte[] address = family == AF_INET
                ? senderAddress.asSlice(4, 4).toArray(ValueLayout.JAVA_BYTE)
                : senderAddress.asSlice(8, 16).toArray(ValueLayout.JAVA_BYTE);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("a socket address of " + address.length + " bytes", impossible);
        }
    }

    private static String portOf(DatagramChannel channel) {
        try {
            return String.valueOf(((InetSocketAddress) channel.getLocalAddress()).getPort());
        } catch (IOException | RuntimeException e) {
            return "(unknown)";
        }
    }

    /**
     * The system calls, looked up once per JVM; {@link #UNAVAILABLE} says why not when they
     * cannot be (and then nothing else here is used).
     */
    private static final class Syscalls {

        static final MemoryLayout CALL_STATE = Linker.Option.captureStateLayout();
        private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
        private static final MethodHandle RECVFROM;
        private static final MethodHandle RECVFROM_WITHOUT_ERRNO;
        private static final MethodHandle POLL;
        private static final MethodHandle POLL_NOW; // no errno captured
        private static final MethodHandle DESCRIPTOR;
        static final String UNAVAILABLE;

        static {
            MethodHandle recvfrom = null;
            MethodHandle recvfromWithoutErrno = null;
            MethodHandle poll = null;
            MethodHandle pollNow = null;
            MethodHandle descriptor = null;
            String why = null;
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
                why = "the native receive is written for Linux, not " + System.getProperty("os.name");
            } else {
                try {
                    descriptor = MethodHandles.lookup().unreflect(
                            Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal"));
                    Linker linker = Linker.nativeLinker();
                    Linker.Option errno = Linker.Option.captureCallState("errno");
                    MemorySegment recvfromSymbol = linker.defaultLookup().find("recvfrom").orElseThrow();
                    FunctionDescriptor recvfromType = FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                            ValueLayout.ADDRESS);
                    recvfrom = linker.downcallHandle(recvfromSymbol, recvfromType, errno);
                    recvfromWithoutErrno = linker.downcallHandle(recvfromSymbol, recvfromType);
                    MemorySegment pollSymbol = linker.defaultLookup().find("poll").orElseThrow();
                    FunctionDescriptor pollType = FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT);
                    poll = linker.downcallHandle(pollSymbol, pollType, errno);
                    pollNow = linker.downcallHandle(pollSymbol, pollType);
                } catch (IllegalAccessException e) {
                    why = "the JVM does not export sun.nio.ch (run it with --add-exports java.base/sun.nio.ch=ALL-UNNAMED)";
                } catch (ReflectiveOperationException | RuntimeException e) {
                    why = "the native receive cannot be set up: " + e;
                }
            }
            RECVFROM = recvfrom;
            RECVFROM_WITHOUT_ERRNO = recvfromWithoutErrno;
            POLL = poll;
            POLL_NOW = pollNow;
            DESCRIPTOR = descriptor;
            UNAVAILABLE = why;
        }

        static int descriptorOf(DatagramChannel channel) {
            try {
                return (int) DESCRIPTOR.invoke(channel);
            } catch (Throwable e) {
                throw new IllegalStateException("the descriptor of " + channel + ": " + e, e);
            }
        }

        static long recvfrom(MemorySegment state, int fd, MemorySegment buffer, long length, int flags,
                MemorySegment address, MemorySegment addressLength) throws IOException {
            try {
                return (long) RECVFROM.invokeExact(state, fd, buffer, length, flags, address, addressLength);
            } catch (Throwable e) {
                throw new IOException("recvfrom could not be called: " + e, e);
            }
        }

        static long recvfromWithoutErrno(int fd, MemorySegment buffer, long length, int flags,
                MemorySegment address, MemorySegment addressLength) throws IOException {
            try {
                return (long) RECVFROM_WITHOUT_ERRNO.invokeExact(fd, buffer, length, flags, address, addressLength);
            } catch (Throwable e) {
                throw new IOException("recvfrom could not be called: " + e, e);
            }
        }

        static int poll(MemorySegment state, MemorySegment fds, long count, int timeoutMillis) throws IOException {
            try {
                return (int) POLL.invokeExact(state, fds, count, timeoutMillis);
            } catch (Throwable e) {
                throw new IOException("poll could not be called: " + e, e);
            }
        }

        /** Whether one descriptor is readable now: above 0 readable (or failed), 0 not, -1 the poll failed. */
        static int pollNow(MemorySegment fd) throws IOException {
            try {
                return (int) POLL_NOW.invokeExact(fd, 1L, 0);
            } catch (Throwable e) {
                throw new IOException("poll could not be called: " + e, e);
            }
        }

        static int errno(MemorySegment state) {
            return (int) ERRNO.get(state, 0L);
        }
    }
}
