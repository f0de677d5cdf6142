package org.vernissage.engine.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A frame as 8-bit RGBA bytes, rows top-down (as image files store them, unlike GL), with the
 * comparisons golden-image and end-to-end checks need.
 *
 * <p>Not thread-safe; whoever made it owns it. Lives off the hot path (captures, tests).
 */
public final class RgbaImage {

    private final int width;
    private final int height;
    private final byte[] rgba;

    public RgbaImage(int width, int height, byte[] rgba) {
        if (rgba.length != width * height * 4) {
            throw new IllegalArgumentException("expected " + width * height * 4 + " bytes, got " + rgba.length);
        }
        this.width = width;
        this.height = height;
        this.rgba = rgba;
    }

    /** Copies GL's bottom-up rows from {@code pixels} (from its position) into a new image. */
    public static RgbaImage fromGlRows(ByteBuffer pixels, int width, int height) {
        byte[] rgba = new byte[width * height * 4];
        int rowBytes = width * 4;
        int start = pixels.position();
        for (int row = 0; row < height; row++) {
            pixels.get(start + (height - 1 - row) * rowBytes, rgba, row * rowBytes, rowBytes);
        }
        return new RgbaImage(width, height, rgba);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Channel {@code channel} (0 red .. 3 alpha) of pixel (x, y), y from the top, 0..255. */
    public int channel(int x, int y, int channel) {
        return rgba[(y * width + x) * 4 + channel] & 0xFF;
    }

    /** Mean Rec. 709 luma, 0..255, of the rectangle from (x, y) (top-left) of the given size. */
    public double meanLuma(int x, int y, int w, int h) {
        double sum = 0;
        for (int row = y; row < y + h; row++) {
            for (int col = x; col < x + w; col++) {
                sum += 0.2126 * channel(col, row, 0) + 0.7152 * channel(col, row, 1)
                        + 0.0722 * channel(col, row, 2);
            }
        }
        return sum / ((double) w * h);
    }

    /** Mean luma of the whole image. */
    public double meanLuma() {
        return meanLuma(0, 0, width, height);
    }

    /** Largest and mean absolute per-channel difference (RGB) to {@code other}, same size. */
    public Difference differenceTo(RgbaImage other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException("cannot compare " + width + "x" + height + " with "
                    + other.width + "x" + other.height);
        }
        long sum = 0;
        int max = 0;
        int pixelsOff = 0;
        for (int i = 0; i < rgba.length; i += 4) {
            int pixelMax = 0;
            for (int c = 0; c < 3; c++) {
                int d = Math.abs((rgba[i + c] & 0xFF) - (other.rgba[i + c] & 0xFF));
                sum += d;
                pixelMax = Math.max(pixelMax, d);
            }
            max = Math.max(max, pixelMax);
            if (pixelMax > Difference.NOTICEABLE) {
                pixelsOff++;
            }
        }
        return new Difference(max, sum / (3.0 * width * height), pixelsOff / (double) (width * height));
    }

    /** How far two images are apart: per channel, 0..255. */
    public record Difference(int maxChannel, double meanChannel, double fractionNoticeable) {
        /** A channel difference above this is visible to a careful eye on a projector. */
        public static final int NOTICEABLE = 8;
    }

    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[width * height];
        for (int p = 0; p < argb.length; p++) {
            int i = p * 4;
            argb[p] = (rgba[i + 3] & 0xFF) << 24 | (rgba[i] & 0xFF) << 16 | (rgba[i + 1] & 0xFF) << 8 | rgba[i + 2] & 0xFF;
        }
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }

    public void writePng(Path file) throws IOException {
        if (!ImageIO.write(toBufferedImage(), "png", file.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
    }

    public static RgbaImage readPng(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + " is not a readable image");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgba = new byte[w * h * 4];
        for (int p = 0; p < argb.length; p++) {
            rgba[p * 4] = (byte) (argb[p] >> 16);
            rgba[p * 4 + 1] = (byte) (argb[p] >> 8);
            rgba[p * 4 + 2] = (byte) argb[p];
            rgba[p * 4 + 3] = (byte) (argb[p] >>> 24);
        }
        return new RgbaImage(w, h, rgba);
    }
}
