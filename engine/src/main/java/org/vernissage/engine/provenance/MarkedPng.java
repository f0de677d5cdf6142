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
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.getWidth() * image.getHeight());
        write(image, provenance, out);
        return out.toByteArray();
    }

    private static void write(BufferedImage image, Provenance provenance, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("this Java has no PNG writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    writer.getDefaultWriteParam());
            metadata.mergeTree(FORMAT, xmpTree(XmpPacket.of(provenance)));
            writer.write(null, new IIOImage(image, null, metadata), writer.getDefaultWriteParam());
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
