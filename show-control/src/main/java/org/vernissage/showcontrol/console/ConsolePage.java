package org.vernissage.showcontrol.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The console's page (HTML, CSS and script in one file, no framework, nothing fetched from
 * elsewhere: the venue's network may have no internet), read once from the jar.
 *
 * <p>Immutable once loaded; any thread.
 */
final class ConsolePage {

    private static final String RESOURCE = "console.html";

    private final byte[] html;

    private ConsolePage(byte[] html) {
        this.html = html;
    }

    static ConsolePage load() {
        try (InputStream in = ConsolePage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the console page " + RESOURCE + " is missing from the jar");
            }
            return new ConsolePage(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the console page", e);
        }
    }

    byte[] html() {
        return html;
    }
}
