package org.vernissage.sensors.phone;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * Answers every plain HTTP request: {@code GET /} gets the {@link PhonePage},
 * {@code GET /about.json} the page's "About this work" ({@link PhoneAbout}), any other method on
 * {@code /} gets 405, any other path 404, a request the HTTP decoder could not read 400. The
 * WebSocket upgrade on {@link PhonePage#SOCKET_PATH} never reaches this handler (Netty's
 * WebSocket protocol handler, before it in the pipeline, takes it). So the server exposes the page
 * (with its about panel) and the socket, and nothing else: no files, no show control.
 *
 * <p>Every response closes its connection: a phone loads the page once, and a closed socket frees
 * its place under {@link PhoneServerSettings#maxConnections()} at once.
 *
 * <p>Shared by every connection; runs on the phones' event loop thread only (it counts into the
 * single-writer {@link PhoneStats}). Owned by the {@link PhoneChannelInitializer}. Each response
 * allocates its headers and a wrapper around the page's bytes (the bytes are not copied).
 */
@Sharable
final class PhonePageHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final byte[] NOT_FOUND = "Not found\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOT_ALLOWED = "Only GET\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BAD_REQUEST = "Bad request\n".getBytes(StandardCharsets.US_ASCII);

    private final PhonePage page;
    private final byte[] about;
    private final PhoneStats stats;

    PhonePageHandler(PhonePage page, PhoneAbout about, PhoneStats stats) {
        this.page = page;
        this.about = about.json();
        this.stats = stats;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            stats.countNotFound();
            respond(ctx, HttpResponseStatus.BAD_REQUEST, "text/plain; charset=us-ascii", BAD_REQUEST);
            return;
        }
        String path = path(request.uri());
        if (PhonePage.ABOUT_PATH.equals(path) && HttpMethod.GET.equals(request.method())) {
            FullHttpResponse response = response(HttpResponseStatus.OK, "application/json", about);
            response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
            send(ctx, response);
            return;
        }
        if (!PhonePage.PAGE_PATH.equals(path)) {
            stats.countNotFound();
            respond(ctx, HttpResponseStatus.NOT_FOUND, "text/plain; charset=us-ascii", NOT_FOUND);
            return;
        }
        if (!HttpMethod.GET.equals(request.method())) {
            stats.countNotFound();
            FullHttpResponse response = response(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "text/plain; charset=us-ascii", NOT_ALLOWED);
            response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.GET.name());
            send(ctx, response);
            return;
        }
        stats.countPageServed();
        FullHttpResponse response = response(HttpResponseStatus.OK, "text/html; charset=utf-8", page.bytes());
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_SECURITY_POLICY, PhonePage.CONTENT_SECURITY_POLICY);
        // A page cached from an older build would speak an older protocol: always fetch anew.
        headers.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        headers.set("Referrer-Policy", "no-referrer");
        send(ctx, response);
    }

    /** The request target without its query: a QR code may append one. */
    private static String path(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String type, byte[] body) {
        send(ctx, response(status, type, body));
    }

    private static FullHttpResponse response(HttpResponseStatus status, String type, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, type);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse response) {
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
