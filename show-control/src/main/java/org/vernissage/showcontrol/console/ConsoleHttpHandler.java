package org.vernissage.showcontrol.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
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
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AsciiString;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console's routes:
 * <pre>
 *   GET  /                  the page (no token: it asks for one)
 *   GET  /api/status        ConsoleState as JSON (see StatusJson)     token
 *   GET  /api/preview.jpg   the newest preview (404 before the first)  token
 *   POST /api/go | /api/stop | /api/panic   {"status": "ok"|"error", "message"}   token
 *   GET  /api/socket        a WebSocket: status and preview pushed (ConsoleSocketHandler, ConsolePush)
 * </pre>
 * The page uses the socket and polls status and preview only when the socket fails; the polled
 * calls stay for such a page and for scripts.
 * The token travels as {@code Authorization: Bearer TOKEN}; a wrong or missing one gets 401 with
 * nothing else said, is counted, and the first is logged. Anything else gets 404 or 405.
 *
 * <p>One instance per connection, on the console's event-loop thread; the {@link Counters} are
 * shared by all connections (atomic), and so is the {@link StatusJson} (that one thread only).
 */
final class ConsoleHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = System.getLogger(ConsoleHttpHandler.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COMMANDS = Set.of("go", "stop", "panic");
    private static final String BEARER = "Bearer ";
    // Header names and values as AsciiStrings made once: Netty writes them without encoding each answer's anew.
    private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json");
    private static final AsciiString NO_STORE = AsciiString.cached("no-store");
    private static final AsciiString CONTENT_SECURITY_POLICY = AsciiString.cached("Content-Security-Policy");
    private static final AsciiString POLICY = AsciiString.cached("default-src 'self'; img-src 'self' blob:;"
            + " style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'");
    private static final AsciiString X_FRAME_OPTIONS = AsciiString.cached("X-Frame-Options");
    private static final AsciiString DENY = AsciiString.cached("DENY");
    private static final AsciiString HTML = AsciiString.cached("text/html; charset=utf-8");
    private static final AsciiString JPEG = AsciiString.cached("image/jpeg");

    private final ConsoleToken token;
    private final ConsoleView view;
    private final ConsolePage page;
    private final Counters counters;
    private final StatusJson status;
    private final ConsolePush push;

    ConsoleHttpHandler(ConsoleToken token, ConsoleView view, ConsolePage page, Counters counters, StatusJson status,
                       ConsolePush push) {
        this.token = token;
        this.view = view;
        this.page = page;
        this.counters = counters;
        this.status = status;
        this.push = push;
    }

    /** What every connection of one server counted. Any thread. */
    public static final class Counters {
        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong commands = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();
        private final AtomicBoolean refusalLogged = new AtomicBoolean();

        public long requests() {
            return requests.get();
        }

        public long commands() {
            return commands.get();
        }

        /** Calls (and sockets) refused for a wrong or missing token. */
        public long refused() {
            return refused.get();
        }

        /** Counts a call or socket from {@code peer} without the right token; logs the first. */
        void refuse(Object peer) {
            refused.incrementAndGet();
            if (refusalLogged.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "console: a call from " + peer
                        + " without the right token was refused (further refusals are counted, not logged)");
            }
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
        counters.requests.incrementAndGet();
        String path = new QueryStringDecoder(request.uri()).path();
        FullHttpResponse response;
        if (path.equals("/") || path.equals("/index.html")) {
            response = request.method() == HttpMethod.GET ? bytes(HttpResponseStatus.OK, HTML,
                    page.html()) : methodNotAllowed();
        } else if (!path.startsWith("/api/")) {
            response = json(HttpResponseStatus.NOT_FOUND, Map.of("status", "error", "message", "no such page"));
        } else if (!authorised(request, context)) {
            response = json(HttpResponseStatus.UNAUTHORIZED, Map.of("status", "error", "message", "token needed"));
        } else {
            response = api(request, path.substring("/api/".length()));
        }
        send(context, request, response);
    }

    private FullHttpResponse api(FullHttpRequest request, String call) {
        boolean get = request.method() == HttpMethod.GET;
        if (call.equals("status")) {
            return get ? bytes(HttpResponseStatus.OK, APPLICATION_JSON, status.bytes()) : methodNotAllowed();
        }
        if (call.equals("preview.jpg")) {
            if (!get) {
                return methodNotAllowed();
            }
            Optional<byte[]> jpeg = view.preview();
            return jpeg.map(p -> bytes(HttpResponseStatus.OK, JPEG, p))
                    .orElseGet(() -> json(HttpResponseStatus.NOT_FOUND, Map.of("status", "error",
                            "message", "no preview yet")));
        }
        if (COMMANDS.contains(call)) {
            return request.method() == HttpMethod.POST ? command(call) : methodNotAllowed();
        }
        if (call.equals("preview.png")) {
            // a script written before the previews became JPEGs: say where the preview went
            return json(HttpResponseStatus.NOT_FOUND, Map.of("status", "error", "message",
                    "the preview is a JPEG now: GET /api/preview.jpg"));
        }
        return json(HttpResponseStatus.NOT_FOUND, Map.of("status", "error", "message", "no such call: " + call));
    }

    private FullHttpResponse command(String name) {
        counters.commands.incrementAndGet();
        status.commandRan(); // even one refused may have changed something: the next status is built anew
        push.commandRan(); // and the sockets get it at the next tick
        try {
            return json(HttpResponseStatus.OK, Map.of("status", "ok", "message", view.command(name)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return json(HttpResponseStatus.CONFLICT, Map.of("status", "error", "message", String.valueOf(e.getMessage())));
        }
    }

    private boolean authorised(FullHttpRequest request, ChannelHandlerContext context) {
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (header != null && header.startsWith(BEARER) && token.matches(header.substring(BEARER.length()))) {
            return true;
        }
        counters.refuse(context.channel().remoteAddress());
        return false;
    }

    private static FullHttpResponse methodNotAllowed() {
        return json(HttpResponseStatus.METHOD_NOT_ALLOWED, Map.of("status", "error", "message", "wrong method"));
    }

    private static FullHttpResponse json(HttpResponseStatus status, Object body) {
        try {
            return bytes(status, APPLICATION_JSON, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the console's JSON: " + e.getMessage(), e);
        }
    }

    private static FullHttpResponse bytes(HttpResponseStatus status, CharSequence type, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, NO_STORE)
                .set(CONTENT_SECURITY_POLICY, POLICY)
                .set(X_FRAME_OPTIONS, DENY);
        return response;
    }

    private static void send(ChannelHandlerContext context, FullHttpRequest request, FullHttpResponse response) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            context.writeAndFlush(response);
        } else {
            context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        // a peer that vanished or timed out: nothing for the show to know
        context.close();
    }
}
