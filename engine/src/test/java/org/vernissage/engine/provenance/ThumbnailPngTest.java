package org.vernissage.engine.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console preview's thumbnails: GL's bottom-up RGBA rows become a PNG that any reader shows
 * top-down, pixel for pixel (alpha left out), with the same XMP mark exiftool reads from a
 * {@link MarkedPng}; one writer serves thumbnail after thumbnail.
 */
class ThumbnailPngTest {

    @TempDir
    Path temp;

    private static final Provenance PROVENANCE = new Provenance("Tidewater", "Vernissage studio", "0.1.0",
            DigitalSource.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA, List.of(new ModelMark("pose", "ff")));

    /** RGBA rows bottom-up, as glReadPixels leaves them, of pixels {@code rgb(x, y)} with y from the top. */
    private static ByteBuffer glRows(int width, int height, int[] rgbTopDown) {
        ByteBuffer rows = ByteBuffer.allocateDirect(width * height * 4);
        for (int glRow = 0; glRow < height; glRow++) {
            int y = height - 1 - glRow;
            for (int x = 0; x < width; x++) {
                int rgb = rgbTopDown[y * width + x];
                rows.put((byte) (rgb >> 16)).put((byte) (rgb >> 8)).put((byte) rgb).put((byte) 0x80); // alpha ignored
            }
        }
        return rows.flip();
    }

    private static void assertSamePicture(int width, int height, int[] rgbTopDown, byte[] png) throws Exception {
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(read, "a PNG the JDK reads");
        assertEquals(width, read.getWidth());
        assertEquals(height, read.getHeight());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                assertEquals(rgbTopDown[y * width + x], read.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
                assertEquals(0xFF, read.getRGB(x, y) >>> 24, "opaque");
            }
        }
    }

    @Test
    void aThumbnailIsTheSamePictureTopDownAndCarriesTheMarkExiftoolReads() throws Exception {
        int[] gradient = new int[16 * 8];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                gradient[y * 16 + x] = (x * 16) << 16 | (y * 32) << 8 | 0x40;
            }
        }
        byte[] png = new ThumbnailPng(16, 8, PROVENANCE).bytes(glRows(16, 8, gradient));
        assertSamePicture(16, 8, gradient, png);

        Path file = Files.write(temp.resolve("thumbnail.png"), png);
        Process process = new ProcessBuilder("exiftool", "-json", "-XMP:all", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "exiftool finished");
        assertEquals(0, process.exitValue(), out);
        JsonNode xmp = new ObjectMapper().readTree(out).get(0);
        assertEquals(DigitalSource.VOCABULARY + "compositeWithTrainedAlgorithmicMedia",
                xmp.path("DigitalSourceType").asText(), out);
        assertEquals("Tidewater", xmp.path("Title").asText());
        assertEquals("pose card sha256:ff", xmp.path("Models").asText());
    }

    @Test
    void oneWriterMakesThumbnailAfterThumbnailOfNoiseOverSeveralDataChunks() throws Exception {
        int width = 320;
        int height = 180;
        ThumbnailPng writer = new ThumbnailPng(width, height, PROVENANCE);
        Random random = new Random(11);
        for (int frame = 0; frame < 2; frame++) {
            int[] noise = new int[width * height];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = random.nextInt(1 << 24); // incompressible: over 64 KiB deflated, so several IDATs
            }
            ByteBuffer rows = glRows(width, height, noise);
            byte[] png = writer.bytes(rows);
            assertTrue(png.length > 64 * 1024, "several data chunks: " + png.length);
            assertEquals(0, rows.position(), "the rows are left as they were");
            assertSamePicture(width, height, noise, png);
        }
    }

    @Test
    void aFlatFrameComesToAboutAnEighthOfItsRawSize() throws Exception {
        int[] grey = new int[320 * 180];
        java.util.Arrays.fill(grey, 0x404040);
        byte[] png = new ThumbnailPng(320, 180, PROVENANCE).bytes(glRows(320, 180, grey));
        assertSamePicture(320, 180, grey, png);
        assertTrue(png.length < 320 * 180 * 3 / 7, "one bit a byte, or near it: " + png.length);
    }
}
