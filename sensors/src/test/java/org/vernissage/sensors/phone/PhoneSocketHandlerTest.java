package org.vernissage.sensors.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.vernissage.sensors.phone.PhoneTestFrames.frame;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.PhoneAggregate;
import org.vernissage.engine.binding.PhoneSelector;
import org.vernissage.engine.binding.PhoneSignal;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.sensors.RecordingLogger;

/**
 * One connection's handler in Netty's {@link EmbeddedChannel}, where a test can fire the events a
 * socket test cannot produce quickly or at all: an idle timeout, fragments, a protocol violation.
 */
class PhoneSocketHandlerTest {

    private static final List<BindingSpec> BINDINGS = List.of(new BindingSpec(
            new PhoneSelector(PhoneSignal.ORIENTATION_BETA, PhoneAggregate.LATEST), "p", 0,
            ConditioningSpec.linear(0, 1, 0, 1)));

    private final RecordingInputSink sink = new RecordingInputSink();
    private final PhoneStats stats = new PhoneStats("phones test");
    private final ManualClock clock = new ManualClock(1_000_000_000L);
    private final ChannelGroup participants = new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE);
    private final PhoneServerSettings settings = PhoneServerSettings.defaults("127.0.0.1", 0).withMaxParticipants(1);
    private final PhoneInputRouter router = new PhoneInputRouter(settings, BINDINGS, sink, stats,
            new RecordingLogger());
    private final PhoneAddressQuota addresses = new PhoneAddressQuota(settings);
    private final PhoneDisconnects disconnects = new PhoneDisconnects(settings, stats, new RecordingLogger());

    private EmbeddedChannel channel() {
        return new EmbeddedChannel(new PhoneSocketHandler(router, clock, participants, addresses, disconnects));
    }

    private static void upgrade(EmbeddedChannel channel) {
        channel.pipeline().fireUserEventTriggered(new HandshakeComplete("/ws", new DefaultHttpHeaders(), null));
    }

    @Test
    void aJoinedPhoneIsGreetedAndAnIdleOneClosedWithAReason() {
        EmbeddedChannel channel = channel();
        upgrade(channel);
        TextWebSocketFrame greeting = channel.readOutbound();
        assertEquals(PhoneSocketHandler.JOINED, greeting.text());
        greeting.release();
        assertEquals(1, participants.size());

        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        CloseWebSocketFrame close = channel.readOutbound();
        assertEquals(WebSocketCloseStatus.NORMAL_CLOSURE.code(), close.statusCode());
        assertEquals(PhoneSocketHandler.IDLE, close.reasonText());
        close.release();
        assertFalse(channel.isOpen());
        assertEquals(0, stats.participantsConnected(), "closing made it leave");
    }

    @Test
    void anIdlePageLoadIsClosedWithoutAWebSocketFrame() {
        EmbeddedChannel channel = channel();
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        assertNull(channel.readOutbound());
        assertFalse(channel.isOpen());
    }

    @Test
    void aPhoneOverTheLimitIsToldFullAndReadsNothingMore() {
        EmbeddedChannel first = channel();
        upgrade(first);
        EmbeddedChannel second = channel();
        upgrade(second);
        CloseWebSocketFrame close = second.readOutbound();
        assertEquals(1013, close.statusCode());
        assertEquals(PhoneSocketHandler.FULL, close.reasonText());
        close.release();
        assertFalse(second.config().isAutoRead());
        assertFalse(second.isOpen());
        assertEquals(1, stats.participantsRefused());

    }

    @Test
    void everyFrameIsReleasedAndFragmentsAreRefusedOncePerMessage() {
        EmbeddedChannel channel = channel();
        upgrade(channel);
        ((TextWebSocketFrame) channel.readOutbound()).release();

        BinaryWebSocketFrame start = new BinaryWebSocketFrame(false, 0, Unpooled.wrappedBuffer(frame().bytes()));
        ContinuationWebSocketFrame middle = new ContinuationWebSocketFrame(false, 0, Unpooled.wrappedBuffer(new byte[3]));
        ContinuationWebSocketFrame end = new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer(new byte[3]));
        BinaryWebSocketFrame whole = new BinaryWebSocketFrame(Unpooled.wrappedBuffer(
                frame().orientation(0, 12, 0).bytes()));
        TextWebSocketFrame text = new TextWebSocketFrame("{}");
        channel.writeInbound(start, middle, end, whole, text);

        for (var f : List.of(start, middle, end, whole, text)) {
            assertEquals(0, f.refCnt(), f + " not released");
        }
        assertEquals(1, stats.rejected(PhoneRejection.FRAGMENTED), "one fragmented message, one refusal");
        assertEquals(1, stats.rejected(PhoneRejection.TEXT_FRAME));
        assertEquals(12f, sink.last(0), "the whole frame after the fragments applied");
        assertEquals(3, stats.received());
    }

    @Test
    void oversizeAndProtocolViolationsFromNettysDecoderAreCountedAndClose() {
        EmbeddedChannel big = channel();
        upgrade(big);
        big.pipeline().fireExceptionCaught(new CorruptedWebSocketFrameException(
                WebSocketCloseStatus.MESSAGE_TOO_BIG, "too long"));
        assertEquals(1, stats.dropped(PhoneDrop.OVERSIZE));
        assertFalse(big.isOpen());

        EmbeddedChannel odd = channel();
        upgrade(odd);
        odd.pipeline().fireExceptionCaught(new CorruptedWebSocketFrameException(
                WebSocketCloseStatus.PROTOCOL_ERROR, "unmasked"));
        assertEquals(1, stats.rejected(PhoneRejection.BAD_WEBSOCKET));
        assertFalse(odd.isOpen());
        TextWebSocketFrame greeting = odd.readOutbound();
        greeting.release();
    }
}
