package org.vernissage.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Tests' copy of the bundled Tidewater (its top-level files) with a cue list of the test's own. */
final class TidewaterCopy {

    static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");

    private TidewaterCopy() {
    }

    /** Copies Tidewater into {@code folder}/tidewater and writes {@code cuesJson} as its cues.json. */
    static Path withCues(Path folder, String cuesJson) throws IOException {
        Path copy = folder.resolve("tidewater");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(TIDEWATER)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }
        Files.writeString(copy.resolve("cues.json"), cuesJson);
        return copy;
    }

    /** Writes {@code json} with a modification time a second past the file's, as a later save has. */
    static void save(Path file, String json) throws IOException {
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, json);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() + 1000));
    }
}
