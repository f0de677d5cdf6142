package org.vernissage.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fingerprint of an artwork folder's files (names and contents, SHA-256), written into a journal
 * when a run is recorded and compared when it is replayed: a replay against an edited artwork
 * cannot give the same frames, and the technician should hear so before wondering why.
 *
 * <p>Stateless; called on the thread preparing a run.
 */
final class ArtworkDigest {

    private ArtworkDigest() {
    }

    /** {@code sha256:<hex>} of every regular file under {@code folder}, in name order. */
    static String of(Path folder) throws IOException {
        return of(folder, Map.of());
    }

    /**
     * The same, with the contents of {@code readInstead}'s files for the folder's files of those
     * names (relative, '/'-separated): a replay's digest with the cue list the recorded run
     * started with, kept beside its journal, in place of a {@code cues.json} saved since.
     */
    static String of(Path folder, Map<String, Path> readInstead) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        byte[] chunk = new byte[64 * 1024];
        for (Path file : files) {
            String name = folder.relativize(file).toString().replace('\\', '/');
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            try (InputStream in = Files.newInputStream(readInstead.getOrDefault(name, file))) {
                for (int n; (n = in.read(chunk)) > 0; ) {
                    sha.update(chunk, 0, n);
                }
            }
            sha.update((byte) 0);
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }
}
