package org.vernissage.engine.provenance;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A marked JPEG of a thumbnail, for the console's live preview: GL's bottom-up RGBA rows turned
 * top-down into an opaque image and written by the JDK's JPEG writer at quality
 * {@value #QUALITY}, with the {@link Provenance} XMP in the standard place for JPEG, an {@code APP1}
 * segment named {@code http://ns.adobe.com/xap/1.0/} right after the JFIF header (XMP Part 3, where
 * exiftool and every photo tool look).
 *
 * <p>Why JPEG and not PNG: a console shows a moving picture a few times a second, where lossless
 * buys nothing. On Tidewater's 320x180 frame a thumbnail is ~10 kB against ~100 kB for the fastest
 * PNG (Sub filter, Huffman codes only), and is written in less time (~1.1 against ~1.5 ms): a
 * tenth of the bytes on a venue's Wi-Fi, and on the show's machine a tenth of the loopback and
 * WebSocket work (see docs/performance.md).
 *
 * <p>Not thread-safe: one per writing thread, which owns it (the console preview's encoder); the
 * image, the writer and the output buffer are made once and reused, so a thumbnail allocates the
 * bytes it returns and what the JDK's writer allocates inside. {@link #close} frees the writer's
 * native state.
 */
public final class ThumbnailJpeg implements AutoCloseable {

    /** Detail a technician can judge the picture by, at about a tenth of a PNG's bytes. */
    static final float QUALITY = 0.8f;
    /** The name that opens an XMP {@code APP1} segment, NUL-terminated (XMP Part 3, 1.1.3). */
    static final byte[] XMP_NAMESPACE = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    /** A segment's length field counts itself and is 16 bits. */
    private static final int MAX_SEGMENT = 0xFFFF;

    private final int width;
    private final int height;
    private final BufferedImage image;
    private final byte[] bgr;
    private final byte[] xmpSegment;
    private final ImageWriter writer;
    private final ImageWriteParam param;
    private final ByteArrayOutputStream encoded;

    /**
     * @param width the thumbnail's width
     * @param height its height
     * @param provenance the mark every thumbnail carries
     * @throws IllegalArgumentException for an empty size, or a mark too large for one segment
     */
    public ThumbnailJpeg(int width, int height, Provenance provenance) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a thumbnail of " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        this.bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        this.xmpSegment = xmpSegment(XmpPacket.of(provenance));
        this.writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        this.param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(QUALITY);
        this.encoded = new ByteArrayOutputStream(width * height / 4 + 1024);
    }

    /**
     * The JPEG of {@code rgba}: {@code height} rows of {@code width} RGBA pixels from its position,
     * bottom row first (as glReadPixels leaves them). The buffer's position is left as it was.
     */
    public byte[] bytes(ByteBuffer rgba) {
        if (rgba.remaining() < width * height * 4) {
            throw new IllegalArgumentException("expected " + width * height * 4 + " bytes, got " + rgba.remaining());
        }
        copyTopDown(rgba);
        encoded.reset();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(encoded)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("the JPEG writer failed on a " + width + "x" + height + " thumbnail", e);
        }
        return marked(encoded.toByteArray());
    }

    /** Frees the JDK writer's native state; the owner's thread, once it writes no more. */
    @Override
    public void close() {
        writer.dispose();
    }

    /** GL's bottom-up RGBA rows into the image's top-down BGR bytes. */
    private void copyTopDown(ByteBuffer rgba) {
        int start = rgba.position();
        int rowBytes = width * 4;
        int o = 0;
        for (int y = height - 1; y >= 0; y--) {
            for (int in = start + y * rowBytes, end = in + rowBytes; in < end; in += 4) {
                bgr[o++] = rgba.get(in + 2);
                bgr[o++] = rgba.get(in + 1);
                bgr[o++] = rgba.get(in);
            }
        }
    }

    /** {@code jpeg} with the XMP segment after its JFIF {@code APP0} (or right after SOI when it has none). */
    private byte[] marked(byte[] jpeg) {
        int at = 2; // after SOI
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == APP0) {
            at = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
        }
        byte[] out = new byte[jpeg.length + xmpSegment.length];
        System.arraycopy(jpeg, 0, out, 0, at);
        System.arraycopy(xmpSegment, 0, out, at, xmpSegment.length);
        System.arraycopy(jpeg, at, out, at + xmpSegment.length, jpeg.length - at);
        return out;
    }

    /** FF E1, the length, the XMP name and the packet in UTF-8. */
    private static byte[] xmpSegment(String xmp) {
        byte[] packet = xmp.getBytes(StandardCharsets.UTF_8);
        int length = 2 + XMP_NAMESPACE.length + packet.length;
        if (length > MAX_SEGMENT) {
            throw new IllegalArgumentException("the provenance mark is " + packet.length
                    + " bytes of XMP; one JPEG segment holds at most " + (MAX_SEGMENT - 2 - XMP_NAMESPACE.length));
        }
        ByteArrayOutputStream segment = new ByteArrayOutputStream(length + 2);
        segment.write(0xFF);
        segment.write(APP1);
        segment.write(length >>> 8);
        segment.write(length & 0xFF);
        segment.writeBytes(XMP_NAMESPACE);
        segment.writeBytes(packet);
        return segment.toByteArray();
    }
}
