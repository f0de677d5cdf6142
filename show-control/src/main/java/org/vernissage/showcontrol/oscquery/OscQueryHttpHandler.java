package org.vernissage.showcontrol.oscquery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Answers OSCQuery's HTTP requests: {@code GET /path} is the node at that path with its subtree and
 * current values, {@code GET /path?ATTRIBUTE} that attribute alone ({@code {"VALUE": [0.5]}}),
 * {@code GET /any?HOST_INFO} the host's description. Per the proposal: an unknown path is 404, a
 * known attribute the node lacks is 204 (no content), an unknown attribute or another method 400
 * with a line saying what is expected. A WebSocket upgrade passes on to the WebSocket handlers.
 *
 * <p>Values come from the {@link ParameterMirror}; when it is not current (nobody wanted values a
 * moment ago) the answer waits for the conductor's full report, up to {@link #FRESH_WAIT_MILLIS}
 * (one frame or two in a running show), checking every {@link #FRESH_POLL_MILLIS}; past that it
 * answers with the values it has, counted as stale (a show whose frames have stopped).
 *
 * <p>Shared by every connection; runs on the server's one event loop.
 */
@ChannelHandler.Sharable
final class OscQueryHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final long FRESH_WAIT_MILLIS = 500;
    static final long FRESH_POLL_MILLIS = 2;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OscQueryNamespace namespace; // replaced on the event loop when the listed methods change
    private final ObjectNode hostInfo;
    private final ParameterMirror mirror;
    private final ValueDemand demand;
    private final OscQueryListeners listeners;
    private final OscQueryStats stats;
    private final OnceLog once;

    OscQueryHttpHandler(OscQueryNamespace namespace, OscQueryHostInfo hostInfo, ParameterMirror mirror,
                        ValueDemand demand, OscQueryListeners listeners, OscQueryStats stats, OnceLog once) {
        super(false); // an upgrade request is passed on, so this handler releases what it keeps
        this.namespace = namespace;
        this.hostInfo = OscQueryNamespace.hostInfo(hostInfo);
        this.mirror = mirror;
        this.demand = demand;
        this.listeners = listeners;
        this.stats = stats;
        this.once = once;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            ctx.fireChannelRead(request); // the WebSocket handshake takes it (and releases it)
            return;
        }
        try {
            answer(ctx, request.method(), request.uri(), HttpUtil.isKeepAlive(request));
        } finally {
            request.release();
        }
    }

    /** Event loop: answers from {@code next} from now on. */
    void namespace(OscQueryNamespace next) {
        namespace = next;
    }

    private void answer(ChannelHandlerContext ctx, HttpMethod method, String uri, boolean keepAlive) {
        stats.requests.incrementAndGet();
        if (!HttpMethod.GET.equals(method)) {
            refuse(ctx, keepAlive, HttpResponseStatus.METHOD_NOT_ALLOWED, "bad method",
                    method + " " + uri + ": OSCQuery answers GET only");
            return;
        }
        QueryStringDecoder decoded = new QueryStringDecoder(uri);
        String path = decoded.path();
        String query = uri.indexOf('?') >= 0 ? uri.substring(uri.indexOf('?') + 1) : "";
        if (query.equals("HOST_INFO")) {
            send(ctx, keepAlive, HttpResponseStatus.OK, hostInfo);
            return;
        }
        if (!namespace.has(path)) {
            stats.notFound.incrementAndGet();
            refuse(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, "unknown path",
                    path + " is not in the namespace (GET / lists it)");
            return;
        }
        if (!query.isEmpty() && !OscQueryNamespace.ATTRIBUTES.contains(query)) {
            refuse(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, "unknown attribute",
                    "?" + query + " is not an attribute: expected one of HOST_INFO, "
                            + String.join(", ", OscQueryNamespace.ATTRIBUTES.stream().sorted().toList()));
            return;
        }
        long now = System.nanoTime();
        listeners.httpRead(now);
        answerWhenFresh(ctx, keepAlive, path, query, now + TimeUnit.MILLISECONDS.toNanos(FRESH_WAIT_MILLIS));
    }

    private void answerWhenFresh(ChannelHandlerContext ctx, boolean keepAlive, String path, String query,
                                 long deadline) {
        boolean fresh = mirror.freshFor(demand.generation());
        if (!fresh && System.nanoTime() - deadline < 0) {
            ctx.executor().schedule(() -> answerWhenFresh(ctx, keepAlive, path, query, deadline),
                    FRESH_POLL_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        if (!fresh) {
            stats.staleAnswers.incrementAndGet();
        }
        ObjectNode node = namespace.render(path, mirror).orElseThrow();
        if (query.isEmpty()) {
            send(ctx, keepAlive, HttpResponseStatus.OK, node);
            return;
        }
        Optional<JsonNode> attribute = OscQueryNamespace.attribute(node, query);
        if (attribute.isPresent()) {
            send(ctx, keepAlive, HttpResponseStatus.OK, attribute.get());
        } else {
            respond(ctx, keepAlive, HttpResponseStatus.NO_CONTENT, new byte[0], null);
        }
    }

    private void refuse(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String kind,
                        String message) {
        if (status != HttpResponseStatus.NOT_FOUND) {
            stats.badRequests.incrementAndGet();
        }
        once.warn(kind, "refused a request: " + message);
        respond(ctx, keepAlive, status, (message + "\n").getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    private void send(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, JsonNode json) {
        byte[] body;
        try {
            body = MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing OSCQuery JSON: " + e.getMessage(), e);
        }
        respond(ctx, keepAlive, status, body, "application/json");
    }

    private static void respond(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, byte[] body,
                                String contentType) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
