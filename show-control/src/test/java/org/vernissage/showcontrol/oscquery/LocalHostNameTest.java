package org.vernissage.showcontrol.oscquery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mDNS host name is read from files or the environment, never looked up, and made a DNS label. */
class LocalHostNameTest {

    @TempDir
    Path temp;

    @Test
    void theFirstReadableFileNamesTheHostByItsFirstLabel() throws Exception {
        Path missing = temp.resolve("missing");
        Path empty = Files.writeString(temp.resolve("empty"), "\n");
        Path named = Files.writeString(temp.resolve("hostname"), "Gallery_PC.museum.example\n");
        assertEquals("gallery-pc", LocalHostName.firstOf(List.of(missing, empty, named), Optional.of("other")));
    }

    @Test
    void theEnvironmentThenTheFallbackWhenNoFileSays() {
        Path missing = temp.resolve("missing");
        assertEquals("foyer", LocalHostName.firstOf(List.of(missing), Optional.of("foyer")));
        assertEquals(LocalHostName.FALLBACK, LocalHostName.firstOf(List.of(missing), Optional.empty()));
        assertEquals(LocalHostName.FALLBACK, LocalHostName.firstOf(List.of(missing), Optional.of("...")));
    }

    @Test
    void aLongNameIsCutToOneLabel() {
        assertEquals(63, LocalHostName.label("a".repeat(80)).orElseThrow().length());
    }

    @Test
    void thisMachinesNameIsReadWithoutALookup() {
        assertEquals(LocalHostName.label(new String(readKernelName())).orElse(LocalHostName.FALLBACK),
                LocalHostName.read());
    }

    private static String readKernelName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname"));
        } catch (Exception notLinux) {
            return "";
        }
    }
}
