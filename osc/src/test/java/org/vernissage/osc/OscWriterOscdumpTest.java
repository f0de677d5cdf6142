package org.vernissage.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the writer sends, liblo reads as the same values: messages and bundles of every type sent
 * over UDP on 127.0.0.1 to liblo's {@code oscdump} (Debian {@code liblo-tools}, installed by
 * {@code scripts/test-setup.sh}), whose lines are compared with what liblo 0.31 prints for those
 * values. oscdump prints one line per message: the time tag of its bundle (the time of arrival
 * for a message outside a bundle or in an immediate one), the address, the type tags and the
 * arguments.
 *
 * <p>'r' (RGBA) is left out: liblo 0.31 refuses any message holding one ("Invalid message
 * received"), whoever wrote it; {@link OscWriterTest} covers it through the project's reader.
 * Bundle time tags are in the past, because liblo holds a bundle due in the future until then.
 *
 * <p>Bounded: oscdump is killed at the end, and every wait gives up after {@link #WAIT_MILLIS}.
 * A missing oscdump is a failure naming the package, never a skip.
 */
class OscWriterOscdumpTest {

    private static final long WAIT_MILLIS = 10_000;
    /** Matches every time tag: the arrival time, for messages outside a timed bundle. */
    private static final String NOW = "*";
    private static final Pattern TIME_TAG = Pattern.compile("[0-9a-f]{8}\\.[0-9a-f]{8}");

    /** 2025-06-01T12:00:00Z and the same a second and a half later, as NTP time tags. */
    private static final long TAG_A = 3_957_768_000L << 32;
    private static final long TAG_B = (3_957_768_001L << 32) | 0x8000_0000L;

    private record Case(Consumer<OscWriter> packet, List<String> lines) {
    }

    private static final byte[] BLOB = {1, 2, 3, (byte) 0xFF, 0};

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(w -> w.message("/a/b").i(1).f(2f).s("x").end(),
                List.of(NOW + " /a/b ifs 1 2.000000 \"x\"")));
        cases.add(new Case(w -> w.message("/all").i(-7).f(2.5f).s("x y").b(BLOB).h(-(1L << 40))
                        .t(TAG_B).d(3.25).symbol("sym").c('k').midi(5, 0x90, 60, 127)
                        .bool(true).bool(false).nil().infinitum().end(),
                List.of(NOW + " /all ifsbhtdScmTFNI -7 2.500000 \"x y\" [5b 0x1 0x2 0x3 0xff 00]"
                        + " -1099511627776 ebe6bf41.80000000 3.250000 'sym 'k' MIDI [0x05 0x90 0x3c 0x7f]"
                        + " #T #F Nil Infinitum")));
        cases.add(new Case(w -> w.message("/int").i(Integer.MIN_VALUE).i(Integer.MAX_VALUE).i(0)
                        .h(Long.MAX_VALUE).h(Long.MIN_VALUE).end(),
                List.of(NOW + " /int iiihh -2147483648 2147483647 0 9223372036854775807 -9223372036854775808")));
        cases.add(new Case(w -> w.message("/real").f(0.1f).f(-1e10f).d(0.5).d(-123456.789).end(),
                List.of(NOW + " /real ffdd 0.100000 -10000000000.000000 0.500000 -123456.789000")));
        cases.add(new Case(w -> w.message("/text").s("").s("abc").s("abcd").s(new StringBuilder("built"))
                        .symbol("").c('~').end(),
                List.of(NOW + " /text ssssSc \"\" \"abc\" \"abcd\" \"built\" ' '~'")));
        cases.add(new Case(w -> w.message("/blobs").b(new byte[0]).b(new byte[] {10, 11, 12, 13, 14, 15, 16, 17,
                        18, 19, 20, 21}).b(new byte[20]).end(),
                List.of(NOW + " /blobs bbb [0b ] [12b 0xa 0xb 0xc 0xd 0xe 0xf 0x10 0x11 0x12 0x13 0x14 0x15]"
                        + " [20 byte blob]")));
        cases.add(new Case(w -> w.message("/nine").i(1).i(2).i(3).i(4).i(5).i(6).i(7).i(8).i(9).end(),
                List.of(NOW + " /nine iiiiiiiii 1 2 3 4 5 6 7 8 9")));
        cases.add(new Case(w -> w.message("/empty").end(), List.of(NOW + " /empty ")));
        cases.add(new Case(w -> w.message("/tags").t(OscTimeTag.IMMEDIATELY).t(TAG_A).end(),
                List.of(NOW + " /tags tt 00000000.00000001 ebe6bf40.00000000")));
        cases.add(new Case(w -> w.bundle(OscTimeTag.IMMEDIATELY)
                        .message("/now/1").f(0.25f).end()
                        .message("/now/2").s("two").end()
                        .end(),
                List.of(NOW + " /now/1 f 0.250000", NOW + " /now/2 s \"two\"")));
        cases.add(new Case(w -> w.bundle(TAG_A)
                        .message("/outer").i(1).end()
                        .bundle(TAG_B)
                            .message("/inner").h(2).bool(true).end()
                        .end()
                        .message("/after").d(3).end()
                        .end(),
                List.of("ebe6bf40.00000000 /outer i 1", "ebe6bf41.80000000 /inner hT 2 #T",
                        "ebe6bf40.00000000 /after d 3.000000")));
        return cases;
    }

    @Test
    void oscdumpReadsWhatTheWriterWroteAsTheSameValues() throws Exception {
        Path oscdump = executable("oscdump");
        List<Case> cases = cases();
        List<String> expected = new ArrayList<>();
        cases.forEach(c -> expected.addAll(c.lines()));
        List<String> attempt = null;
        for (int tries = 0; tries < 3 && attempt == null; tries++) {
            attempt = sendTo(oscdump, cases); // null: the port was taken before oscdump got it
        }
        assertTrue(attempt != null, "oscdump never started on a free port");
        List<String> printed = attempt;
        for (String line : printed) {
            assertTrue(!line.contains("error") && !line.contains("Invalid"), "liblo refused a packet: " + line);
        }
        assertEquals(expected.size(), printed.size(), () -> "oscdump printed:\n" + String.join("\n", printed));
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            String got = printed.get(i);
            String tag = got.substring(0, Math.max(0, got.indexOf(' ')));
            assertTrue(TIME_TAG.matcher(tag).matches(), "a time tag first: " + got);
            if (want.startsWith(NOW + " ")) {
                assertEquals(want.substring(2), got.substring(tag.length() + 1), "line " + i);
            } else {
                assertEquals(want, got, "line " + i);
            }
        }
    }

    /** Runs oscdump, sends every case, and returns its lines (without the start probe's). */
    private static List<String> sendTo(Path oscdump, List<Case> cases) throws IOException, InterruptedException {
        int port = freeUdpPort();
        Path output = Files.createTempFile("oscdump", ".txt");
        Process process = new ProcessBuilder(oscdump.toString(), "-L", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try (DatagramChannel channel = DatagramChannel.open()) {
            process.getOutputStream().close();
            channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            OscWriter writer = new OscWriter();
            ByteBuffer buffer = ByteBuffer.allocateDirect(65_507);
            // oscdump is ready once it prints a probe; probes sent before it bound the port are lost.
            if (!sendUntilPrinted(channel, writer, buffer, "/ready", output, process)) {
                return null;
            }
            for (Case c : cases) {
                c.packet().accept(writer.wrap(buffer.clear()));
                send(channel, buffer, writer.length());
            }
            assertTrue(sendUntilPrinted(channel, writer, buffer, "/done", output, process),
                    "oscdump stopped before the end");
            List<String> lines = new ArrayList<>();
            for (String line : read(output).split("\n")) {
                if (!line.contains(" /ready ") && !line.contains(" /done ") && !line.isEmpty()) {
                    lines.add(line);
                }
            }
            return lines;
        } finally {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(output);
        }
    }

    /** Sends {@code address} every 50 ms until oscdump prints it; false if oscdump exits first. */
    private static boolean sendUntilPrinted(DatagramChannel channel, OscWriter writer, ByteBuffer buffer,
                                            String address, Path output, Process process)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            send(channel, buffer, writer.wrap(buffer.clear()).message(address).end().length());
            Thread.sleep(50);
            if (read(output).contains(" " + address + " ")) {
                return true;
            }
        }
        throw new AssertionError("oscdump printed no " + address + " within " + WAIT_MILLIS + " ms: " + read(output));
    }

    private static void send(DatagramChannel channel, ByteBuffer buffer, int length) throws IOException {
        buffer.clear().limit(length);
        try {
            channel.write(buffer);
        } catch (java.net.PortUnreachableException e) {
            // oscdump has not bound its port yet: the probe is simply lost, as UDP would lose it.
        }
    }

    private static String read(Path output) throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path executable(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = dir.isEmpty() ? null : Path.of(dir, name);
            if (candidate != null && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " is not on the PATH (" + path + "): install the Debian package "
                + "liblo-tools (scripts/test-setup.sh does)");
    }
}
