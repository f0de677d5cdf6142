package org.vernissage.bench.console;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * The consoles of {@link ConsolePreviewCost}, in a JVM of their own as the browsers on the
 * technicians' tablets are on machines of their own: three clients, each one keep-alive HTTP/1.1
 * connection polling status every {@value #STATUS_EVERY_MILLIS} ms and preview.jpg every
 * {@value #PREVIEW_EVERY_MILLIS} ms, as the page did before the socket (and does while it is down). Each request's bytes are made once; an
 * answer is read as its head up to the blank line, then its Content-Length body skipped.
 *
 * <p>Or, as the page is now ({@code push MILLIS}), three WebSockets on which status and preview
 * are pushed.
 *
 * <p>Driven by the bench over stdin/stdout, one line each way: {@code poll MILLIS} (or
 * {@code push MILLIS}) runs the three for that long and answers {@code done PREVIEWS STATUSES CPU_NANOS} (this process's CPU time over
 * the polling, every thread of it: what the clients would cost the show's machine were they on it);
 * {@code warm N} sends N requests back to back on one connection, status and preview in turn, and
 * answers {@code warmed}; {@code reset} empties the histogram of polled statuses' answer times,
 * {@code answers} says {@code answers P50 P99 MAX COUNT} of it (nanoseconds); {@code quit} ends it. Started with {@code PORT TOKEN}; says {@code ready} first. Its main thread
 * reads the commands; one thread per client while polling.
 */
public final class ConsoleClients {

    static final int CONSOLES = 3;
    static final long STATUS_EVERY_MILLIS = 500;
    static final long PREVIEW_EVERY_MILLIS = 333;

    /**
     * How long each polled status took, request written to answer read, over every poll since the
     * last {@code reset}: what a technician's press waits for on the console's HTTP path (a GO is
     * a request of the same kind), while the show renders.
     */
    private static final Histogram ANSWERS = new SynchronizedHistogram(60_000_000_000L, 3);

    private ConsoleClients() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String token = args[1];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        System.out.println("ready");
        System.out.flush();
        for (String line; (line = commands.readLine()) != null && !line.equals("quit"); ) {
            if (line.equals("reset")) {
                ANSWERS.reset();
                System.out.println("reset");
                System.out.flush();
                continue;
            }
            if (line.equals("answers")) {
                System.out.println("answers " + ANSWERS.getValueAtPercentile(50) + " " + ANSWERS.getValueAtPercentile(99)
                        + " " + ANSWERS.getMaxValue() + " " + ANSWERS.getTotalCount());
                System.out.flush();
                continue;
            }
            if (line.startsWith("warm ")) {
                warm(port, token, Integer.parseInt(line.substring(5).strip()));
                System.out.println("warmed");
                System.out.flush();
                continue;
            }
            boolean push = line.startsWith("push ");
            if (!push && !line.startsWith("poll ")) {
                throw new IllegalArgumentException("expected 'poll MILLIS', 'push MILLIS', 'warm N' or 'quit', got: " + line);
            }
            long millis = Long.parseLong(line.substring(5).strip());
            AtomicLong previews = new AtomicLong();
            AtomicLong statuses = new AtomicLong();
            long cpuBefore = os.getProcessCpuTime();
            if (push) {
                push(port, token, millis, previews, statuses);
            } else {
                poll(port, token, millis, previews, statuses);
            }
            long cpu = os.getProcessCpuTime() - cpuBefore;
            System.out.println("done " + previews.get() + " " + statuses.get() + " " + cpu);
            System.out.flush();
        }
    }

    /** {@code requests} status and preview calls in turn, back to back, on one connection. */
    private static void warm(int port, String token, int requests) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
            byte[][] calls = {request("/api/status", token), request("/api/preview.jpg", token)};
            byte[] head = new byte[4096];
            for (int i = 0; i < requests; i++) {
                int code = exchange(out, in, calls[i & 1], head);
                if (code != 200 && code != 404) { // 404: no preview made yet
                    throw new IOException("warming: answered " + code);
                }
            }
        }
    }

    /**
     * The three consoles as the page is now: each one WebSocket ({@code /api/socket}) on a plain
     * socket, as lean as the polling clients (the upgrade written once, the token sent as the first
     * message, then each pushed message's header read and its payload skipped), for {@code millis}.
     */
    private static void push(int port, String token, long millis, AtomicLong previews, AtomicLong statuses)
            throws Exception {
        List<Socket> sockets = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        try {
            for (int c = 0; c < CONSOLES; c++) {
                Socket socket = new Socket("127.0.0.1", port);
                sockets.add(socket);
                socket.setTcpNoDelay(true);
                InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/socket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                byte[] head = new byte[4096];
                int n = 0;
                while (n < 4 || head[n - 4] != '\r' || head[n - 3] != '\n' || head[n - 2] != '\r' || head[n - 1] != '\n') {
                    int b = in.read();
                    if (b < 0 || n == head.length) {
                        throw new IOException("the console refused the socket's upgrade");
                    }
                    head[n++] = (byte) b;
                }
                out.write(maskedText(token));
                out.flush();
                Thread reader = new Thread(() -> read(in, previews, statuses), "console-socket-" + c);
                reader.start();
                readers.add(reader);
            }
            Thread.sleep(millis);
        } finally {
            for (Socket socket : sockets) {
                socket.close(); // the reader's read ends
            }
            for (Thread reader : readers) {
                reader.join(5000);
            }
        }
    }

    /** Reads pushed messages until the socket closes: text counted as a status, binary as a preview. */
    private static void read(InputStream in, AtomicLong previews, AtomicLong statuses) {
        try {
            while (true) {
                int first = in.read();
                int second = in.read();
                if (first < 0 || second < 0) {
                    return;
                }
                long length = second & 0x7F;
                if (length == 126) {
                    length = (in.read() << 8) | in.read();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | in.read();
                    }
                }
                in.skipNBytes(length);
                if ((first & 0x0F) == 1) {
                    statuses.incrementAndGet();
                } else if ((first & 0x0F) == 2) {
                    previews.incrementAndGet();
                }
            }
        } catch (IOException closed) {
            // the bench closed it
        }
    }

    /** A client's text frame (masked, as RFC 6455 asks of clients), under 126 bytes. */
    private static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        return frame;
    }

    /** The three consoles for {@code millis}; returns when they stopped. */
    private static void poll(int port, String token, long millis, AtomicLong previews, AtomicLong statuses)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int c = 0; c < CONSOLES; c++) {
            Thread console = new Thread(() -> {
                try {
                    console(port, token, stop, previews, statuses);
                } catch (IOException | InterruptedException | RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "console-" + c);
            console.start();
            threads.add(console);
        }
        Thread.sleep(millis);
        stop.set(true);
        for (Thread t : threads) {
            t.join(5000);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a console failed: " + failures.getFirst(), failures.getFirst());
        }
    }

    private static void console(int port, String token, AtomicBoolean stop, AtomicLong previews, AtomicLong statuses)
            throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
            byte[] status = request("/api/status", token);
            byte[] preview = request("/api/preview.jpg", token);
            byte[] head = new byte[4096];
            long start = System.nanoTime();
            long nextStatus = start;
            long nextPreview = start + PREVIEW_EVERY_MILLIS * 500_000L; // offset, as two page timers are
            while (!stop.get()) {
                long now = System.nanoTime();
                if (now >= nextStatus) {
                    long asked = System.nanoTime();
                    if (exchange(out, in, status, head) == 200) {
                        ANSWERS.recordValue(System.nanoTime() - asked);
                        statuses.incrementAndGet();
                    }
                    nextStatus += STATUS_EVERY_MILLIS * 1_000_000L;
                }
                if (now >= nextPreview) {
                    if (exchange(out, in, preview, head) == 200) {
                        previews.incrementAndGet();
                    }
                    nextPreview += PREVIEW_EVERY_MILLIS * 1_000_000L;
                }
                long sleep = Math.min(nextStatus, nextPreview) - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
                }
            }
        }
    }

    private static byte[] request(String path, String token) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nConnection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static final byte[] CONTENT_LENGTH = "\r\ncontent-length:".getBytes(StandardCharsets.US_ASCII);

    /** Sends one request and reads its whole answer; returns the status code. */
    static int exchange(OutputStream out, InputStream in, byte[] request, byte[] head) throws IOException {
        out.write(request);
        out.flush();
        int n = 0;
        while (n < 4 || head[n - 4] != '\r' || head[n - 3] != '\n' || head[n - 2] != '\r' || head[n - 1] != '\n') {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the console server closed the connection");
            }
            if (n == head.length) {
                throw new IOException("an answer's head over " + head.length + " bytes");
            }
            head[n++] = (byte) b;
        }
        in.skipNBytes(contentLength(head, n));
        return (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
    }

    /** The Content-Length of a head of {@code n} bytes (0 when it has none). */
    private static int contentLength(byte[] head, int n) {
        for (int i = 0; i + CONTENT_LENGTH.length <= n; i++) {
            int k = 0;
            while (k < CONTENT_LENGTH.length && Character.toLowerCase(head[i + k]) == CONTENT_LENGTH[k]) {
                k++;
            }
            if (k == CONTENT_LENGTH.length) {
                int at = i + k;
                while (head[at] == ' ') {
                    at++;
                }
                int length = 0;
                while (head[at] >= '0' && head[at] <= '9') {
                    length = length * 10 + head[at++] - '0';
                }
                return length;
            }
        }
        return 0;
    }
}
