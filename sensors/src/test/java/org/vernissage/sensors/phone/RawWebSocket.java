package org.vernissage.sensors.phone;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebSocket client written byte by byte on a plain {@link Socket}, for what a well-behaved client
 * ({@link TestPhone}) cannot do: send pings and never read, trickle a request, read every frame the
 * server sends (to count its close frames). Masks with a zero key: valid framing, readable
 * payloads. One thread uses it.
 */
public final class RawWebSocket implements AutoCloseable {

    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    /** One frame as the server sent it. */
    public record Frame(int opcode, byte[] payload) {
        /** The close status of a close frame, -1 when it has none. */
        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
        }

        public String text() {
            int from = opcode == CLOSE ? Math.min(2, payload.length) : 0;
            return new String(payload, from, payload.length - from, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** A plain TCP connection to the server, nothing sent yet. */
    public static RawWebSocket connect(int port, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes); // before connect: it sets the window
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(5_000);
        socket.setTcpNoDelay(true);
        return new RawWebSocket(socket);
    }

    /** Connects and completes the WebSocket handshake on /ws; the 101's headers are read. */
    public static RawWebSocket open(int port) throws IOException {
        RawWebSocket ws = connect(port, 0);
        ws.handshake();
        return ws;
    }

    public static String upgradeRequest() {
        return "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    }

    public void handshake() throws IOException {
        writeRaw(upgradeRequest().getBytes(StandardCharsets.US_ASCII));
        String status = readHead();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + status);
        }
    }

    /** Reads a response head up to its blank line; returns it whole. */
    public String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed in the response head: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    public void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** One final frame, masked with a zero key, as a client must send it. */
    public static byte[] frame(int opcode, byte[] payload) {
        int length = payload.length;
        int header = length < 126 ? 2 : 4;
        byte[] bytes = new byte[header + 4 + length];
        bytes[0] = (byte) (0x80 | opcode);
        if (length < 126) {
            bytes[1] = (byte) (0x80 | length);
        } else {
            bytes[1] = (byte) (0x80 | 126);
            bytes[2] = (byte) (length >>> 8);
            bytes[3] = (byte) length;
        }
        System.arraycopy(payload, 0, bytes, header + 4, length);
        return bytes;
    }

    public void send(int opcode, byte[] payload) throws IOException {
        writeRaw(frame(opcode, payload));
    }

    public void sendClose(int code) throws IOException {
        send(CLOSE, new byte[] {(byte) (code >>> 8), (byte) code});
    }

    /** The next frame from the server, or null when it closed the connection. */
    public Frame read() throws IOException {
        int first;
        try {
            first = in.read();
        } catch (SocketException reset) {
            return null;
        }
        if (first < 0) {
            return null;
        }
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if ((second & 0x80) != 0) {
            throw new IOException("a server must not mask its frames");
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    /** Every frame until the server closes the connection. */
    public List<Frame> readUntilClosed() throws IOException {
        List<Frame> frames = new ArrayList<>();
        for (Frame f = read(); f != null; f = read()) {
            frames.add(f);
        }
        return frames;
    }

    InputStream input() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
