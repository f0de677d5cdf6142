package org.vernissage.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueListException;
import org.vernissage.showcontrol.cue.CueListLoader;
import org.vernissage.showcontrol.cue.RecordedCueLists;

/**
 * The cue lists of a run, as a journal needs them: a recorded run keeps the list it starts with
 * and every reloaded one beside its journal ({@link RecordedCueLists}); a replay starts with the
 * kept start list and hands the stage the reloaded ones, so that a run whose {@code cues.json}
 * was edited replays as it ran. A journal kept without lists (recorded before they were kept)
 * replays with {@code cues.json} as it is now, as before.
 *
 * <p>Immutable; made by the thread preparing the run.
 *
 * @param start the list the run starts with, if the artwork has one
 * @param replayed a replay's kept lists by version (0: the start list), or empty
 * @param keeping a recorded run's place to keep its reloaded lists, or empty
 */
record RunCueLists(Optional<CueList> start, Optional<List<Optional<CueList>>> replayed,
                   Optional<RecordedCueLists> keeping) {

    /**
     * @throws ArtworkException naming the cue file (or the kept one) that does not read, or a start
     *     list that cannot be kept beside the journal
     */
    static RunCueLists of(RunOptions options, ParameterLayout layout) throws ArtworkException {
        Path file = options.artworkFolder().resolve(CueListLoader.FILE_NAME);
        try {
            if (options.journal().replay().isPresent()) {
                RecordedCueLists kept = RecordedCueLists.beside(options.journal().replay().get().journal());
                Optional<List<Optional<CueList>>> versions = kept.read(layout);
                Optional<CueList> start = versions.isPresent() ? versions.get().get(0)
                        : CueListLoader.loadIfPresent(options.artworkFolder(), layout);
                return new RunCueLists(start, versions, Optional.empty());
            }
            Optional<RecordedCueLists> keeping = options.journal().record().map(RecordedCueLists::beside);
            if (!Files.exists(file)) {
                return new RunCueLists(Optional.empty(), Optional.empty(), keeping);
            }
            String text = CueListLoader.read(file);
            CueList start = CueListLoader.parse(file, text, layout);
            if (keeping.isPresent()) {
                keeping.get().write(0, text);
            }
            return new RunCueLists(Optional.of(start), Optional.empty(), keeping);
        } catch (CueListException e) {
            throw new ArtworkException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ArtworkException("cannot keep " + file + " beside the journal: " + e.getMessage(), e);
        }
    }

    /**
     * For a replay's artwork digest: {@code cues.json} read from the start list kept beside the
     * journal, when one was kept (a save during the recorded run is then no change to warn about).
     */
    static Map<String, Path> keptStartList(RunOptions options) {
        return options.journal().replay()
                .map(replay -> RecordedCueLists.beside(replay.journal()).file(0))
                .filter(Files::isRegularFile)
                .map(kept -> Map.of(CueListLoader.FILE_NAME, kept))
                .orElse(Map.of());
    }
}
