package org.vernissage.sensors.phone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The page the audience opens on their phones ({@code phone.html} beside this class): one
 * self-contained file of HTML with inline CSS and JavaScript, no external resource, so it works on
 * a gallery LAN with no internet. Its script opens the WebSocket at {@link #SOCKET_PATH}, speaks
 * the format of {@link PhoneFrameDecoder}, reconnects with backoff and shows its holder whether
 * they are connected.
 *
 * <p>Read once when the server is made; immutable, shared by the event loop for every request.
 */
final class PhonePage {

    /** The only path that serves the page. */
    static final String PAGE_PATH = "/";
    /** What the page's "About this work" panel shows ({@link PhoneAbout}), as JSON. */
    static final String ABOUT_PATH = "/about.json";
    /** The WebSocket endpoint the page connects to. */
    static final String SOCKET_PATH = "/ws";
    /** The page's own resource name, beside this class. */
    static final String RESOURCE = "phone.html";
    /**
     * Forbids the page anything but itself and its own server: inline style and script, the
     * WebSocket back to where it came from. A browser enforces the "no external resources" rule.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "script-src 'unsafe-inline'; connect-src 'self' ws: wss:; img-src data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private final byte[] html;

    private PhonePage(byte[] html) {
        this.html = html;
    }

    /** Reads the bundled page; a missing page is a broken build, not an operator's mistake. */
    static PhonePage load() {
        try (InputStream in = PhonePage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the phone page " + RESOURCE + " is missing from the build");
            }
            return new PhonePage(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the phone page " + RESOURCE, e);
        }
    }

    /** The page's bytes (UTF-8); callers must not modify them. */
    byte[] bytes() {
        return html;
    }
}
