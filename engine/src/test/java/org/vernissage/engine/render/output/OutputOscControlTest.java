package org.vernissage.engine.render.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.CanvasRegion;
import org.vernissage.engine.render.MailboxDrains;
import org.vernissage.engine.render.RenderControl;
import org.vernissage.engine.render.RenderMailbox;
import org.vernissage.engine.render.RenderTarget;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscWriter;

/**
 * OSC moves a venue's outputs over a real UDP socket on 127.0.0.1: the handler parses on the
 * receiving thread, the change waits in the render mailbox and is applied at the next frame
 * boundary (the drain); bad addresses and arguments are counted by kind and change nothing;
 * {@code save} writes the venue file back, which loads as the live settings.
 */
class OutputOscControlTest {

    @TempDir
    Path temp;

    /** The render loop's side of a drain, for settings-only tasks. */
    private static final RenderControl NO_GL = new RenderControl() {
        @Override
        public RenderTarget canvas() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nextFrameIndex() {
            return 0;
        }

        @Override
        public void resizeCanvas(int width, int height) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void oscMovesTheOutputsAtAFrameBoundaryAndSavesTheVenue() throws Exception {
        Path file = temp.resolve("venue.json");
        Files.writeString(file, """
                {"outputs": [
                  {"name": "left", "offscreen": {"width": 64, "height": 36}, "region": {"width": 0.6}},
                  {"name": "right", "offscreen": {"width": 64, "height": 36}, "mesh": {"columns": 3, "rows": 3}}]}
                """);
        VenueOutputs venue = VenueOutputs.load(file);
        RenderMailbox mailbox = new RenderMailbox();
        OutputOscControl control = new OutputOscControl(venue, mailbox);
        AtomicInteger received = new AtomicInteger();
        try (DatagramChannel receiver = DatagramChannel.open(StandardProtocolFamily.INET);
             DatagramChannel sender = DatagramChannel.open(StandardProtocolFamily.INET)) {
            receiver.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread receiving = new Thread(() -> receive(receiver, control, received), "test-osc-receiver");
            receiving.start();
            InetSocketAddress to = (InetSocketAddress) receiver.getLocalAddress();
            Sender send = new Sender(sender, to);
            send.message("/vernissage/output/1/corner/1", w -> w.f(0.9f).f(0.1f));
            send.message("/vernissage/output/1/blend/right", w -> w.f(0.25f));
            send.message("/vernissage/output/1/gamma", w -> w.d(2.4));
            send.message("/vernissage/output/1/curve", w -> w.i(3));
            send.message("/vernissage/output/2/testcard", w -> w.bool(true));
            send.message("/vernissage/output/2/region", w -> w.f(0.4f).f(0).f(0.6f).f(1));
            send.message("/vernissage/output/2/mesh/1/1", w -> w.f(0.45f).f(0.55f));
            // Bad input, one of each kind: nothing changes for them.
            send.message("/vernissage/output/3/gamma", w -> w.f(2));            // no output 3
            send.message("/vernissage/output/1/gama", w -> w.f(2));             // unknown setting
            send.message("/vernissage/output/1/corner/4", w -> w.f(0).f(0));    // no corner 4
            send.message("/vernissage/output/1/gamma", w -> w.s("bright"));     // not a number
            send.message("/vernissage/output/1/region", w -> w.f(0).f(0));      // two of four
            send.message("/vernissage/output/1/blend/left", w -> w.f(0.7f));    // out of range
            send.message("/vernissage/output/1/corner/0", w -> w.f(1.5f).f(0.5f)); // concave: the render thread refuses
            int sent = 14;
            awaitCount(received, sent);
            receiver.close();
            receiving.join(2000);
        }
        // Nothing applied until the frame boundary.
        assertEquals(CornerPin.IDENTITY, venue.output(1).toSpec().corners());
        assertEquals(2.2, venue.output(1).toSpec().blend().gamma());
        assertEquals(1, control.count(OutputOscControl.Problem.NO_SUCH_OUTPUT));
        assertEquals(2, control.count(OutputOscControl.Problem.UNKNOWN_ADDRESS));
        assertEquals(2, control.count(OutputOscControl.Problem.BAD_ARGUMENTS));
        assertEquals(1, control.count(OutputOscControl.Problem.OUT_OF_RANGE));
        assertEquals(8, control.posted());

        assertEquals(8, MailboxDrains.drain(mailbox, NO_GL));
        assertEquals(1, control.count(OutputOscControl.Problem.REFUSED), "the concave corner");
        OutputSpec left = venue.output(1).toSpec();
        assertArrayEquals(new double[] {0, 0, 0.9f, 0.1f, 1, 1, 0, 1}, left.corners().xy(), 1e-9);
        assertEquals(new EdgeBlend(0, 0.25, 0, 0, 2.4, 3), left.blend());
        assertEquals(new CanvasRegion(0, 0, 0.6, 1), left.region());
        OutputSpec right = venue.output(2).toSpec();
        assertTrue(right.testCard());
        assertEquals(0.4f, right.region().x(), 1e-9);
        assertEquals(1 - (double) 0.4f, right.region().width(), 1e-9, "clipped to the canvas edge");
        double[] mesh = MeshWarp.identity(3, 3).points();
        mesh[8] = 0.45f;
        mesh[9] = 0.55f;
        assertArrayEquals(mesh, right.mesh().points(), 1e-9);
        assertFalse(left.testCard());

        // save: written on the saver thread, atomically; it loads back as the live settings.
        try (DatagramChannel sender = DatagramChannel.open(StandardProtocolFamily.INET);
             DatagramChannel receiver = DatagramChannel.open(StandardProtocolFamily.INET)) {
            receiver.bind(new InetSocketAddress("127.0.0.1", 0));
            AtomicInteger more = new AtomicInteger();
            Thread receiving = new Thread(() -> receive(receiver, control, more), "test-osc-receiver");
            receiving.start();
            new Sender(sender, (InetSocketAddress) receiver.getLocalAddress()).message("/vernissage/output/2/save", w -> { });
            awaitCount(more, 1);
            receiver.close();
            receiving.join(2000);
        }
        assertEquals(1, MailboxDrains.drain(mailbox, NO_GL));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (venue.saves() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, venue.saves());
        assertEquals(venue.snapshot(), VenueLoader.load(file));
        venue.close();
    }

    @Test
    void moreChangesThanThePoolHoldsBetweenTwoFramesAreCountedNotLost() throws Exception {
        Path file = temp.resolve("venue.json");
        Files.writeString(file, "{\"outputs\": [{\"offscreen\": {\"width\": 8, \"height\": 8}}]}");
        VenueOutputs venue = VenueOutputs.load(file);
        RenderMailbox mailbox = new RenderMailbox(256);
        OutputOscControl control = new OutputOscControl(venue, mailbox);
        ByteBuffer packet = ByteBuffer.allocate(256);
        OscPacketReader reader = new OscPacketReader();
        for (int i = 0; i < 70; i++) {
            packet.clear();
            int length = new OscWriter().wrap(packet).message("/vernissage/output/1/gamma").f(2.0f + i * 0.01f).end().length();
            assertTrue(reader.read(packet, 0, length, 0, control));
        }
        assertEquals(64, control.posted());
        assertEquals(6, control.count(OutputOscControl.Problem.NO_ROOM));
        assertEquals(64, MailboxDrains.drain(mailbox, NO_GL));
        assertEquals(2.63, venue.output(1).toSpec().blend().gamma(), 1e-6, "the last change that fitted");
        packet.clear();
        int length = new OscWriter().wrap(packet).message("/vernissage/output/1/gamma").f(2.5f).end().length();
        reader.read(packet, 0, length, 0, control);
        assertEquals(65, control.posted(), "the pool is whole again after the frame");
        venue.close();
    }

    private static void awaitCount(AtomicInteger count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (count.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertEquals(expected, count.get(), "packets received");
    }

    /** The receiving thread: one reader, one buffer, the handler called in place. */
    private static void receive(DatagramChannel channel, OutputOscControl control, AtomicInteger received) {
        OscPacketReader reader = new OscPacketReader();
        ByteBuffer buffer = ByteBuffer.allocateDirect(1536);
        try {
            while (true) {
                buffer.clear();
                channel.receive(buffer);
                reader.read(buffer, 0, buffer.position(), System.nanoTime(), control);
                received.incrementAndGet();
            }
        } catch (ClosedChannelException closed) {
            // the test is done
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends one OSC message per datagram, written with the osc module's writer. */
    private record Sender(DatagramChannel channel, InetSocketAddress to) {
        void message(String address, Consumer<OscWriter> arguments) throws Exception {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            OscWriter writer = new OscWriter().wrap(buffer).message(address);
            arguments.accept(writer);
            int length = writer.end().length();
            buffer.limit(length).position(0);
            channel.send(buffer, to);
            Thread.sleep(1); // keep them in order on a busy machine (UDP on loopback keeps order anyway)
        }
    }
}
