package org.vernissage.engine.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A marked PNG of a thumbnail, written fast: GL's bottom-up RGBA rows straight to an opaque 8-bit
 * RGB PNG (alpha left out: a projector shows none), each row with PNG's "Sub" filter, deflated
 * with Huffman codes only (no search for repeated strings), with the same {@link Provenance} XMP
 * in the same uncompressed {@code iTXt} chunk
 * ({@code XML:com.adobe.xmp}) as {@link MarkedPng}. The JDK's writer (MarkedPng) takes a packed
 * image, tries five filters on every row and deflates harder: for a 320x180 frame several times
 * the CPU, in bursts that lengthen frames on a machine with few cores. On a noisy frame (Tidewater)
 * Sub and Huffman codes give a file smaller than its own, where a string search finds little; a
 * flat frame, all zero after Sub, comes to about an eighth of its raw size (see docs/performance.md).
 *
 * <p>Not thread-safe: one per writing thread, which owns it (the console preview's encoder); its
 * deflater, row and output buffers are made once and reused, so a thumbnail allocates only the
 * bytes it returns.
 */
public final class ThumbnailPng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int SUB = 1;
    private static final byte[] IHDR = "IHDR".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ITXT = "iTXt".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IDAT = "IDAT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IEND = "IEND".getBytes(StandardCharsets.US_ASCII);

    private final int width;
    private final int height;
    private final byte[] itxt;
    private final byte[] row;
    private final byte[] header = new byte[13];
    private final byte[] four = new byte[4];
    private final byte[] compressed = new byte[64 * 1024];
    private int filled;
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private final CRC32 crc = new CRC32();
    private final ByteArrayOutputStream out;

    /**
     * @param width the thumbnail's width
     * @param height its height
     * @param provenance the mark every thumbnail carries
     */
    public ThumbnailPng(int width, int height, Provenance provenance) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a thumbnail of " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.row = new byte[1 + width * 3];
        deflater.setStrategy(Deflater.HUFFMAN_ONLY);
        this.itxt = itxt(XmpPacket.of(provenance));
        this.out = new ByteArrayOutputStream(width * height * 3 / 2 + itxt.length + 128);
    }

    /**
     * The PNG of {@code rgba}: {@code height} rows of {@code width} RGBA pixels from its position,
     * bottom row first (as glReadPixels leaves them). The buffer's position is left as it was.
     */
    public byte[] bytes(ByteBuffer rgba) {
        if (rgba.remaining() < width * height * 4) {
            throw new IllegalArgumentException("expected " + width * height * 4 + " bytes, got " + rgba.remaining());
        }
        out.reset();
        out.writeBytes(SIGNATURE);
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per channel
        header[9] = 2; // colour type: RGB; compression, filter method and interlace 0
        chunk(IHDR, header, header.length);
        chunk(ITXT, itxt, itxt.length);
        idat(rgba);
        chunk(IEND, header, 0);
        return out.toByteArray();
    }

    /** The image data: each row filtered with Sub, all deflated into IDAT chunks of up to 64 KiB. */
    private void idat(ByteBuffer rgba) {
        deflater.reset();
        filled = 0;
        int start = rgba.position();
        int rowBytes = width * 4;
        row[0] = SUB;
        for (int y = height - 1; y >= 0; y--) {
            int in = start + y * rowBytes;
            int r = 0;
            int g = 0;
            int b = 0;
            for (int x = 0, o = 1; x < width; x++, in += 4) {
                int nr = rgba.get(in);
                int ng = rgba.get(in + 1);
                int nb = rgba.get(in + 2);
                row[o++] = (byte) (nr - r); // Sub: the difference to the pixel on the left, modulo 256
                row[o++] = (byte) (ng - g);
                row[o++] = (byte) (nb - b);
                r = nr;
                g = ng;
                b = nb;
            }
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                deflateInto();
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            deflateInto();
        }
        if (filled > 0) {
            chunk(IDAT, compressed, filled);
        }
    }

    /** Deflates what it can into {@link #compressed}; a full one becomes an IDAT chunk. */
    private void deflateInto() {
        filled += deflater.deflate(compressed, filled, compressed.length - filled);
        if (filled == compressed.length) {
            chunk(IDAT, compressed, filled);
            filled = 0;
        }
    }

    private void chunk(byte[] type, byte[] data, int length) {
        putInt(four, 0, length);
        out.writeBytes(four);
        out.writeBytes(type);
        out.write(data, 0, length);
        crc.reset();
        crc.update(type);
        crc.update(data, 0, length);
        putInt(four, 0, (int) crc.getValue());
        out.writeBytes(four);
    }

    private static void putInt(byte[] to, int at, int value) {
        to[at] = (byte) (value >>> 24);
        to[at + 1] = (byte) (value >>> 16);
        to[at + 2] = (byte) (value >>> 8);
        to[at + 3] = (byte) value;
    }

    /** The iTXt chunk's data: keyword, no compression, no language, the XMP packet in UTF-8. */
    private static byte[] itxt(String xmp) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(MarkedPng.XMP_KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
        data.write(0); // end of keyword
        data.write(0); // compression flag: uncompressed, where readers look first
        data.write(0); // compression method
        data.write(0); // empty language tag
        data.write(0); // empty translated keyword
        data.writeBytes(xmp.getBytes(StandardCharsets.UTF_8));
        return data.toByteArray();
    }
}
