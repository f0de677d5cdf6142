package org.vernissage.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vernissage.engine.provenance.DigitalSource;
import org.vernissage.engine.provenance.MarkedPng;
import org.vernissage.engine.provenance.ModelMark;
import org.vernissage.engine.provenance.Provenance;
import org.vernissage.engine.provenance.ThumbnailJpeg;

/**
 * What the provenance mark adds to a captured frame, where it is paid: on the capture's writer
 * thread (and the console preview's), never on the render thread, whose readback is the same with
 * or without it. A frame of Tidewater's golden image, scaled to the capture size, encoded as a
 * plain PNG by the JDK's writer (the baseline, what captures wrote before the marks) and as a
 * marked PNG ({@link MarkedPng}: the XMP packet built from a two-model provenance and merged into
 * the writer's metadata as an {@code iTXt} chunk), and as the console preview writes its
 * thumbnails ({@link ThumbnailJpeg}: from GL's RGBA rows, a JPEG with the XMP in {@code APP1}), in
 * the same run. The preview's thumbnail was first {@code markedPng} (plus a copy of the rows into
 * the packed image), then a fast PNG of its own (Sub filter, Huffman codes only), now a JPEG.
 *
 * <p>Run from the repository root: {@code bench/run-marks.sh} (JMH, {@code -prof gc}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Djava.awt.headless=true"})
public class MarkedPngBenchmark {

    /** The frame and its provenance; one thread. */
    @State(Scope.Thread)
    public static class Frame {
        @Param({"320x180", "1280x720"})
        String size;

        BufferedImage image;
        ByteBuffer glRows;
        ThumbnailJpeg thumbnail;
        Provenance provenance;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            String[] wh = size.split("x");
            int width = Integer.parseInt(wh[0]);
            int height = Integer.parseInt(wh[1]);
            BufferedImage golden = ImageIO.read(Path.of("artworks/tidewater/golden/320x180-t2.png").toFile());
            if (golden == null) {
                throw new IOException("run from the repository root: artworks/tidewater/golden/320x180-t2.png not read");
            }
            image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB); // as PngFrameCapture hands it over
            var g = image.createGraphics();
            g.drawImage(golden, 0, 0, width, height, null);
            g.dispose();
            glRows = ByteBuffer.allocateDirect(width * height * 4); // as the console's PreviewFeed hands them over
            for (int y = height - 1; y >= 0; y--) {
                for (int x = 0; x < width; x++) {
                    int argb = image.getRGB(x, y);
                    glRows.put((byte) (argb >> 16)).put((byte) (argb >> 8)).put((byte) argb).put((byte) (argb >>> 24));
                }
            }
            glRows.flip();
            provenance = new Provenance("Tidewater", "Vernissage", "0.1.0-SNAPSHOT",
                    DigitalSource.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA,
                    List.of(new ModelMark("look", "sha256:" + "ab".repeat(32)),
                            new ModelMark("pose", "sha256:" + "cd".repeat(32))));
            thumbnail = new ThumbnailJpeg(width, height, provenance);
        }
    }

    @Benchmark
    public byte[] plainPng(Frame frame) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.image.getWidth() * frame.image.getHeight());
        if (!ImageIO.write(frame.image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }

    @Benchmark
    public byte[] markedPng(Frame frame) throws IOException {
        return MarkedPng.bytes(frame.image, frame.provenance);
    }

    /** The console preview's thumbnail: the same frame's GL rows, marked, by {@link ThumbnailJpeg}. */
    @Benchmark
    public byte[] thumbnailJpeg(Frame frame) {
        return frame.thumbnail.bytes(frame.glRows);
    }
}
