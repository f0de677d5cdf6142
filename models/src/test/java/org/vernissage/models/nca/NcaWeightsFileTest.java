package org.vernissage.models.nca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.models.ModelException;

/** The NCA weights file: a round trip keeps every bit; damage of each kind is refused by name. */
class NcaWeightsFileTest {

    @TempDir
    Path folder;

    private static NcaWeightsFile.NcaModel model() {
        NcaWeights initial = NcaWeights.initial(8, 12, new SplittableRandom(3));
        float[] w2 = new float[8 * 12];
        for (int i = 0; i < w2.length; i++) {
            w2[i] = (float) Math.sin(i) / 7f;
        }
        NcaWeights weights = new NcaWeights(8, 12, initial.w1(), new float[12], w2);
        return new NcaWeightsFile.NcaModel(weights, 16, 5, 40, 0.0123, "scripts/train-nca.sh --seed 5");
    }

    @Test
    void roundTripKeepsEveryBit() throws Exception {
        Path file = folder.resolve("x.nca.json");
        NcaWeightsFile.NcaModel written = model();
        NcaWeightsFile.write(file, written);
        NcaWeightsFile.NcaModel read = NcaWeightsFile.read(file);
        assertEquals(written.weights(), read.weights());
        assertEquals(written, read);
        assertEquals(NcaWeightsFile.digest(written.weights()), NcaWeightsFile.digest(read.weights()));
        try (var listing = Files.list(folder)) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
    }

    @Test
    void missingFileSaysSo() {
        ModelException e = assertThrows(ModelException.class, () -> NcaWeightsFile.read(folder.resolve("none.nca.json")));
        assertTrue(e.getMessage().contains("none.nca.json") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void truncatedFileIsNotJson() throws Exception {
        Path file = written();
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));
        ModelException e = assertThrows(ModelException.class, () -> NcaWeightsFile.read(file));
        assertTrue(e.getMessage().contains("is not valid JSON (line"), e.getMessage());
    }

    @Test
    void editedWeightFailsTheDigest() throws Exception {
        Path file = written();
        String text = Files.readString(file);
        int at = text.indexOf("\"w2\"");
        String edited = text.substring(0, at) + text.substring(at).replaceFirst("\\[\\s*0\\.0", "[ 0.5");
        assertTrue(!edited.equals(text), "the edit took");
        Files.writeString(file, edited);
        ModelException e = assertThrows(ModelException.class, () -> NcaWeightsFile.read(file));
        assertTrue(e.getMessage().contains("do not match their \"digest\""), e.getMessage());
    }

    @Test
    void wrongLengthNamesTheFieldAndTheShape() throws Exception {
        Path file = written();
        String text = Files.readString(file).replaceFirst("\"b1\" : \\[ ([-0-9.E]+),", "\"b1\" : [");
        Files.writeString(file, text);
        ModelException e = assertThrows(ModelException.class, () -> NcaWeightsFile.read(file));
        assertTrue(e.getMessage().contains("\"b1\" has 11 numbers, expected 12"), e.getMessage());
    }

    @Test
    void notANumberNamesTheElement() throws Exception {
        Path file = written();
        String text = Files.readString(file).replaceFirst("\"w1\" : \\[ ([-0-9.E]+),", "\"w1\" : [ \"x\",");
        Files.writeString(file, text);
        ModelException e = assertThrows(ModelException.class, () -> NcaWeightsFile.read(file));
        assertTrue(e.getMessage().contains("\"w1\"[0] must be a finite number"), e.getMessage());
    }

    @Test
    void otherFormatIsRefused() throws Exception {
        Path file = folder.resolve("model.json");
        Files.writeString(file, "{\"format\": \"vernissage-mlp\", \"version\": 1}");
        ModelException e = assertThrows(ModelException.class, () -> NcaWeightsFile.read(file));
        assertTrue(e.getMessage().contains("expected \"format\": \"vernissage-nca-weights\""), e.getMessage());
    }

    private Path written() throws Exception {
        Path file = folder.resolve("x.nca.json");
        NcaWeightsFile.write(file, model());
        return file;
    }
}
