package org.vernissage.engine.provenance;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a PNG that carries its {@link Provenance} as XMP in an {@code iTXt} chunk with the keyword
 * {@code XML:com.adobe.xmp}, uncompressed, where exiftool, Adobe's tools and the EU's checkers look
 * for it. The JDK's own PNG writer does the work (its metadata tree has iTXt entries).
 *
 * <p>Stateless; any thread (captures write on their writer thread, previews on theirs).
 */
public final class MarkedPng {

    static final String XMP_KEYWORD = "XML:com.adobe.xmp";
    private static final String FORMAT = "javax_imageio_png_1.0";
    /** The JDK PNG writer's own deflate level, used unless told otherwise. */
    private static final int DEFAULT_LEVEL = 4;

    private MarkedPng() {
    }

    /** Writes {@code image} with its mark to {@code file}. */
    public static void write(BufferedImage image, Provenance provenance, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(image, provenance, out);
        }
    }

    /** The PNG's bytes, with its mark. */
    public static byte[] bytes(BufferedImage image, Provenance provenance) throws IOException {
        return bytes(image, provenance, DEFAULT_LEVEL);
    }

    /**
     * The PNG's bytes, with its mark, deflated at {@code deflateLevel}: 1 (fastest) to 9 (smallest);
     * the writer's own choice is 4. A thumbnail made a few times a second wants 1: on a noisy frame
     * it is hardly larger, and the writer's time goes mostly to deflating.
     */
    public static byte[] bytes(BufferedImage image, Provenance provenance, int deflateLevel) throws IOException {
        if (deflateLevel < 1 || deflateLevel > 9) {
            throw new IllegalArgumentException("deflate level 1 to 9, not " + deflateLevel);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.getWidth() * image.getHeight());
        write(image, provenance, out, deflateLevel);
        return out.toByteArray();
    }

    private static void write(BufferedImage image, Provenance provenance, OutputStream out) throws IOException {
        write(image, provenance, out, DEFAULT_LEVEL);
    }

    private static void write(BufferedImage image, Provenance provenance, OutputStream out, int deflateLevel)
            throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("this Java has no PNG writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (deflateLevel != DEFAULT_LEVEL) {
                // the JDK's PNG writer deflates at level 9 - round(9 * quality)
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality((9 - deflateLevel) / 9f);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            metadata.mergeTree(FORMAT, xmpTree(XmpPacket.of(provenance)));
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode xmpTree(String xmp) {
        IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
        entry.setAttribute("keyword", XMP_KEYWORD);
        entry.setAttribute("compressionFlag", "FALSE");
        entry.setAttribute("compressionMethod", "0");
        entry.setAttribute("languageTag", "");
        entry.setAttribute("translatedKeyword", "");
        entry.setAttribute("text", xmp);
        IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
        itxt.appendChild(entry);
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        root.appendChild(itxt);
        return root;
    }
}
