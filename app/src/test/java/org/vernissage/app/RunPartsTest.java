package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The run's list of parts: started in order, closed newest first, and a part that fails to start
 * closes those started before it.
 */
class RunPartsTest {

    private final List<String> closed = new ArrayList<>();

    /** A part that records its closing, and says its name in the banner and the statistics. */
    private final class Named implements RunPart {
        private final String name;
        private final boolean failsToClose;

        Named(String name, boolean failsToClose) {
            this.name = name;
            this.failsToClose = failsToClose;
        }

        @Override
        public Optional<String> banner() {
            return Optional.of(name + " listening");
        }

        @Override
        public List<String> statistics() {
            return List.of(name + " counted");
        }

        @Override
        public void close() throws IOException {
            closed.add(name);
            if (failsToClose) {
                throw new IOException(name + " could not flush");
            }
        }
    }

    private Named part(String name) {
        return new Named(name, false);
    }

    @Test
    void aPartThatFailsToStartClosesThePartsStartedBeforeItNewestFirst() throws IOException {
        RunParts parts = new RunParts();
        parts.start(() -> part("context"));
        parts.start(() -> part("ring"));
        IOException portInUse = new IOException("port 9000 is in use");

        IOException thrown = assertThrows(IOException.class, () -> parts.start(() -> {
            throw portInUse;
        }));

        assertSame(portInUse, thrown, "the failure the user needs goes on unchanged");
        assertEquals(List.of("ring", "context"), closed);
        parts.close();
        assertEquals(List.of("ring", "context"), closed, "nothing is closed twice");
    }

    @Test
    void aPartThatThrowsUncheckedWhileStartingAlsoClosesTheOthers() {
        RunParts parts = new RunParts();
        parts.start(() -> part("context"));
        parts.start(() -> part("ring"));

        assertThrows(IllegalStateException.class, () -> parts.start(() -> {
            throw new IllegalStateException("no such device");
        }));

        assertEquals(List.of("ring", "context"), closed);
    }

    @Test
    void closingClosesEveryPartNewestFirstEvenPastOneThatFails() {
        RunParts parts = new RunParts();
        parts.start(() -> part("context"));
        parts.start(() -> new Named("capture", true));
        parts.start(() -> part("ring"));

        IOException thrown = assertThrows(IOException.class, parts::close);

        assertEquals("capture could not flush", thrown.getMessage());
        assertEquals(List.of("ring", "capture", "context"), closed);
    }

    @Test
    void bannerInStartOrderStatisticsNewestFirst() {
        RunParts parts = new RunParts();
        parts.start(() -> part("context"));
        parts.start(() -> part("journal"));
        parts.start(() -> part("ring"));

        assertEquals(List.of("context listening", "journal listening", "ring listening"), parts.banner());
        assertEquals(List.of("ring counted", "journal counted", "context counted"), parts.statistics());
        assertEquals(List.of(), parts.ofType(SensorPart.class));
    }
}
