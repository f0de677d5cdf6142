package org.vernissage.showcontrol.cue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cue lists kept beside a journal, read back by version; a version never kept stays empty. */
class RecordedCueListsTest {

    @TempDir
    Path temp;

    @Test
    void versionsAreReadBackUpToTheHighestWithGapsLeftEmpty() throws Exception {
        RecordedCueLists kept = RecordedCueLists.beside(temp.resolve("show.vnsj"));
        assertEquals(Optional.empty(), kept.read(CueFixtures.LAYOUT), "nothing kept: a journal from before");
        kept.write(0, "{ \"cues\": [ { \"number\": \"1\" } ] }");
        kept.write(3, "{ \"cues\": [ { \"number\": \"4\" }, { \"number\": \"5\" } ] }");
        assertEquals(temp.resolve("show.vnsj.cues/3.json"), kept.file(3));
        List<Optional<CueList>> versions = kept.read(CueFixtures.LAYOUT).orElseThrow();
        assertEquals(4, versions.size());
        assertEquals(1, versions.get(0).orElseThrow().size());
        assertTrue(versions.get(1).isEmpty() && versions.get(2).isEmpty(), "reloads whose lists were not kept");
        assertEquals(2, versions.get(3).orElseThrow().size());
    }

    @Test
    void aKeptListThatDoesNotReadIsNamed() throws Exception {
        RecordedCueLists kept = RecordedCueLists.beside(temp.resolve("show.vnsj"));
        kept.write(0, "{ \"cues\": [ { \"number\": \"1\" } ] }");
        Files.writeString(kept.file(1), "{ not json");
        CueListException refused = assertThrows(CueListException.class, () -> kept.read(CueFixtures.LAYOUT));
        assertTrue(refused.getMessage().contains("1.json"), refused.getMessage());
    }
}
