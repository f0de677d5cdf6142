package org.vernissage.engine.provenance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console preview's thumbnails: GL's bottom-up RGBA rows become a JPEG that any reader shows
 * top-down, close to the source (JPEG is lossy), with the XMP mark in an {@code APP1} segment
 * after the JFIF header, where exiftool reads it; one writer serves thumbnail after thumbnail, and
 * Tidewater's frame comes to under a tenth of its raw bytes.
 */
class ThumbnailJpegTest {

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

    /** A smooth picture whose top and bottom, left and right differ: an upside-down copy fails. */
    private static int[] gradient(int width, int height) {
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rgb[y * width + x] = (x * 255 / (width - 1)) << 16 | (y * 255 / (height - 1)) << 8 | 0x40;
            }
        }
        return rgb;
    }

    /** Every channel of every pixel within {@code tolerance} of the source, and opaque. */
    private static void assertClosePicture(int width, int height, int[] rgbTopDown, byte[] jpeg, int tolerance)
            throws Exception {
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertNotNull(read, "a JPEG the JDK reads");
        assertEquals(width, read.getWidth());
        assertEquals(height, read.getHeight());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int got = read.getRGB(x, y);
                int want = rgbTopDown[y * width + x];
                assertEquals(0xFF, got >>> 24, "opaque");
                for (int shift = 0; shift <= 16; shift += 8) {
                    int difference = Math.abs((got >> shift & 0xFF) - (want >> shift & 0xFF));
                    assertTrue(difference <= tolerance, "pixel " + x + "," + y + " channel at bit " + shift
                            + ": " + Integer.toHexString(got & 0xFFFFFF) + " for " + Integer.toHexString(want));
                }
            }
        }
    }

    @Test
    void aThumbnailIsThePictureTopDownAndCarriesTheMarkExiftoolReads() throws Exception {
        int[] picture = gradient(64, 32);
        byte[] jpeg;
        try (ThumbnailJpeg writer = new ThumbnailJpeg(64, 32, PROVENANCE)) {
            jpeg = writer.bytes(glRows(64, 32, picture));
        }
        assertClosePicture(64, 32, picture, jpeg, 12);

        Path file = Files.write(temp.resolve("thumbnail.jpg"), jpeg);
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
    void theMarkIsTheWholeXmpPacketInAnApp1SegmentRightAfterTheJfifHeader() {
        byte[] jpeg;
        try (ThumbnailJpeg writer = new ThumbnailJpeg(16, 16, PROVENANCE)) {
            jpeg = writer.bytes(glRows(16, 16, gradient(16, 16)));
        }
        assertEquals(0xFFD8, (jpeg[0] & 0xFF) << 8 | jpeg[1] & 0xFF, "starts with SOI");
        assertEquals(0xFFE0, (jpeg[2] & 0xFF) << 8 | jpeg[3] & 0xFF, "then the JFIF header");
        int app1 = 4 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);
        assertEquals(0xFFE1, (jpeg[app1] & 0xFF) << 8 | jpeg[app1 + 1] & 0xFF, "then APP1");
        int length = (jpeg[app1 + 2] & 0xFF) << 8 | jpeg[app1 + 3] & 0xFF;
        int name = app1 + 4;
        assertArrayEquals(ThumbnailJpeg.XMP_NAMESPACE,
                Arrays.copyOfRange(jpeg, name, name + ThumbnailJpeg.XMP_NAMESPACE.length));
        String packet = new String(jpeg, name + ThumbnailJpeg.XMP_NAMESPACE.length,
                length - 2 - ThumbnailJpeg.XMP_NAMESPACE.length, StandardCharsets.UTF_8);
        assertEquals(XmpPacket.of(PROVENANCE), packet, "the segment holds the packet, whole");
        int next = app1 + 2 + length;
        assertEquals(0xFF, jpeg[next] & 0xFF, "the JPEG's own segments follow, intact");
    }

    @Test
    void oneWriterMakesThumbnailAfterThumbnailAndLeavesTheRowsAsTheyWere() throws Exception {
        try (ThumbnailJpeg writer = new ThumbnailJpeg(320, 180, PROVENANCE)) {
            for (int colour : new int[] {0x204060, 0x806040, 0xC0C0C0}) {
                int[] picture = new int[320 * 180];
                Arrays.fill(picture, colour); // each frame another picture
                ByteBuffer rows = glRows(320, 180, picture);
                byte[] jpeg = writer.bytes(rows);
                assertEquals(0, rows.position(), "the rows are left as they were");
                assertClosePicture(320, 180, picture, jpeg, 4);
            }
        }
    }

    @Test
    void tidewatersFrameComesToUnderATenthOfItsRawBytes() throws Exception {
        BufferedImage golden = ImageIO.read(Path.of("..", "artworks", "tidewater", "golden", "320x180-t2.png").toFile());
        int width = golden.getWidth();
        int height = golden.getHeight();
        int[] picture = golden.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < picture.length; i++) {
            picture[i] &= 0xFFFFFF;
        }
        byte[] jpeg;
        try (ThumbnailJpeg writer = new ThumbnailJpeg(width, height, PROVENANCE)) {
            jpeg = writer.bytes(glRows(width, height, picture));
        }
        // The PNG this replaced (Sub filter, Huffman codes only) came to ~100 kB, over half the raw bytes.
        int raw = width * height * 3;
        assertTrue(jpeg.length * 10 < raw, "JPEG " + jpeg.length + " bytes against " + raw + " raw");
        assertClosePicture(width, height, picture, jpeg, 96); // a noisy picture: only gross errors fail
    }

    @Test
    void aSizeWithNoPixelsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ThumbnailJpeg(0, 180, PROVENANCE));
    }
}
