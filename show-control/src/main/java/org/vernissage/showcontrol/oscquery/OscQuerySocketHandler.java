package org.vernissage.showcontrol.oscquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.io.IOException;

/**
 * One WebSocket client of the OSCQuery server: its text frames are the proposal's commands,
 * {@code {"COMMAND": "LISTEN", "DATA": "/vernissage/tidewater/energy"}} and {@code IGNORE} alike;
 * from LISTEN on, the parameter's value changes arrive as binary frames, each one OSC message
 * ({@link OscQueryListeners}). A malformed command, an unknown one or a path that is no readable
 * parameter is counted and logged once per kind and otherwise ignored (the connection stays).
 * Binary frames from the client (OSC over the WebSocket) are not taken: values go to the OSC port
 * HOST_INFO names; they are counted as bad commands.
 *
 * <p>One per connection; runs on the server's one event loop.
 */
final class OscQuerySocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OscQueryListeners listeners;
    private final OscQueryStats stats;
    private final OnceLog once;
    private OscQueryListeners.Session session;

    OscQuerySocketHandler(OscQueryListeners listeners, OscQueryStats stats, OnceLog once) {
        this.listeners = listeners;
        this.stats = stats;
        this.once = once;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            session = listeners.open(ctx.channel());
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (session != null) {
            listeners.close(session);
            session = null;
        }
        super.channelInactive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame text)) {
            bad("binary frame", "a binary frame (OSC over the WebSocket) is not taken: send values to the OSC port"
                    + " HOST_INFO names");
            return;
        }
        if (session == null) {
            return;
        }
        JsonNode command;
        try {
            command = MAPPER.readTree(text.text());
        } catch (IOException e) {
            bad("malformed command", "a WebSocket command that is not JSON: expected {\"COMMAND\": \"LISTEN\", "
                    + "\"DATA\": \"/path\"}");
            return;
        }
        String verb = command.path("COMMAND").asText("");
        String path = command.path("DATA").asText("");
        boolean known;
        if (verb.equals("LISTEN")) {
            known = listeners.listen(session, path);
        } else if (verb.equals("IGNORE")) {
            known = listeners.ignore(session, path);
        } else {
            bad("unknown command", "WebSocket command '" + verb + "': expected LISTEN or IGNORE");
            return;
        }
        if (!known) {
            bad("unknown path", verb + " " + path + ": not a readable parameter of the namespace");
            return;
        }
        stats.commands.incrementAndGet();
    }

    private void bad(String kind, String message) {
        stats.badCommands.incrementAndGet();
        once.warn(kind, message);
    }
}
