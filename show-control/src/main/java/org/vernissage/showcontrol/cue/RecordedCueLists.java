package org.vernissage.showcontrol.cue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.vernissage.engine.param.ParameterLayout;

/**
 * The cue lists a recorded run ran, kept beside its journal so that a replay runs them again: the
 * journal carries the {@code RELOAD} commands (in their place among the events) but not the files,
 * and by the time of a replay {@code cues.json} holds only its last version. The folder
 * {@code <journal>.cues/} holds {@code 0.json}, the list the run started with, and {@code k.json},
 * the text of the k-th reload, whose {@code RELOAD} carries k as its argument.
 *
 * <pre>
 *   show.vnsj            the journal
 *   show.vnsj.cues/0.json   cues.json as the run started
 *   show.vnsj.cues/1.json   the first save that was reloaded, byte for byte
 * </pre>
 *
 * <p>Files are written whole (a temporary file, then a rename). {@link #write} is called by the
 * wiring thread (version 0) and the cue file's watcher thread (reloads), never the conductor's;
 * {@link #read} by the thread preparing a replay.
 */
public final class RecordedCueLists {

    private static final Pattern VERSION = Pattern.compile("[0-9]{1,9}\\.json");

    private final Path folder;

    private RecordedCueLists(Path folder) {
        this.folder = folder;
    }

    /** The folder beside {@code journal}. */
    public static RecordedCueLists beside(Path journal) {
        return new RecordedCueLists(journal.resolveSibling(journal.getFileName() + ".cues"));
    }

    /** Where the lists are kept. */
    public Path folder() {
        return folder;
    }

    /** Where version {@code version} is kept (0: the start list, k: the k-th reload), written or not. */
    public Path file(int version) {
        return folder.resolve(version + ".json");
    }

    /** Keeps {@code text} as version {@code version} (0: the start list, k: the k-th reload). */
    public void write(int version, String text) throws IOException {
        Files.createDirectories(folder);
        Path file = file(version);
        Path temporary = folder.resolve(version + ".json.tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The lists kept, by version, checked against {@code layout} as at a run's start; empty when
     * the journal was recorded without any (no cue file, or before lists were kept). A version
     * missing below the highest kept one stays empty: its {@code RELOAD} then loads nothing, as before.
     *
     * @throws CueListException naming the kept file that does not read, or the folder that cannot be listed
     */
    public Optional<List<Optional<CueList>>> read(ParameterLayout layout) throws CueListException {
        int highest = highestVersion();
        if (highest < 0) {
            return Optional.empty();
        }
        List<Optional<CueList>> versions = new ArrayList<>();
        for (int version = 0; version <= highest; version++) {
            Path file = file(version);
            versions.add(Files.exists(file) ? Optional.of(CueListLoader.load(file, layout)) : Optional.empty());
        }
        return Optional.of(versions);
    }

    /** The highest version kept, or -1 (no folder, or nothing in it). */
    private int highestVersion() throws CueListException {
        if (!Files.isDirectory(folder)) {
            return -1;
        }
        try (Stream<Path> kept = Files.list(folder)) {
            return kept.map(file -> file.getFileName().toString())
                    .filter(name -> VERSION.matcher(name).matches())
                    .mapToInt(name -> Integer.parseInt(name.substring(0, name.length() - ".json".length())))
                    .max().orElse(-1);
        } catch (IOException e) {
            throw new CueListException(folder, "cannot be listed: " + e.getMessage(), e);
        }
    }
}
