package org.vernissage.engine.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provenance mark as a standard reader sees it: exiftool (Debian's, installed by
 * scripts/test-setup.sh) reads the XMP of the PNG the engine wrote, and the picture is unchanged.
 */
class MarkedPngTest {

    @TempDir
    Path temp;

    private static BufferedImage gradient() {
        BufferedImage image = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                image.setRGB(x, y, (x * 16) << 16 | (y * 32) << 8 | 0x40);
            }
        }
        return image;
    }

    /** What exiftool reads, as its JSON. */
    private static JsonNode exiftool(Path file) throws Exception {
        Process process = new ProcessBuilder("exiftool", "-json", "-XMP:all", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "exiftool finished");
        assertEquals(0, process.exitValue(), out);
        return new ObjectMapper().readTree(out).get(0);
    }

    @Test
    void aGenerativeFrameIsMarkedAsTrainedAlgorithmicMediaWithItsModelsAndExiftoolReadsIt() throws Exception {
        Provenance provenance = new Provenance("Bloom <night>", "Studio & Co", "0.1.0",
                DigitalSource.TRAINED_ALGORITHMIC_MEDIA, List.of(new ModelMark("nca", "ab12cd")));
        Path file = temp.resolve("frame.png");
        MarkedPng.write(gradient(), provenance, file);

        JsonNode xmp = exiftool(file);
        assertEquals(DigitalSource.VOCABULARY + "trainedAlgorithmicMedia", xmp.path("DigitalSourceType").asText());
        assertEquals("Bloom <night>", xmp.path("Title").asText());
        assertEquals("Studio & Co", xmp.path("Creator").asText());
        assertEquals("Vernissage 0.1.0", xmp.path("CreatorTool").asText());
        assertEquals("Vernissage", xmp.path("AISystemUsed").asText());
        assertEquals("nca card sha256:ab12cd", xmp.path("Models").asText());
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(gradient().getRGB(9, 5), read.getRGB(9, 5), "the picture itself is unchanged");
    }

    @Test
    void aSteeredFrameIsCompositeAndAPlainShadersFrameHasNoSourceType() throws Exception {
        Path steered = temp.resolve("steered.png");
        Files.write(steered, MarkedPng.bytes(gradient(), new Provenance("Tidewater", "Vernissage studio", "0.1.0",
                DigitalSource.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA, List.of(new ModelMark("pose", "ff")))));
        assertEquals(DigitalSource.VOCABULARY + "compositeWithTrainedAlgorithmicMedia",
                exiftool(steered).path("DigitalSourceType").asText());

        Path plain = temp.resolve("plain.png");
        MarkedPng.write(gradient(), Provenance.plain("Tidewater", "Vernissage studio", "0.1.0"), plain);
        JsonNode xmp = exiftool(plain);
        assertFalse(xmp.has("DigitalSourceType"), "no AI, no source type: " + xmp);
        assertEquals("Tidewater", xmp.path("Title").asText());
    }

    @Test
    void modelsWithoutASourceTypeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Provenance("a", "b", "1", DigitalSource.NONE,
                List.of(new ModelMark("m", "00"))));
    }
}
