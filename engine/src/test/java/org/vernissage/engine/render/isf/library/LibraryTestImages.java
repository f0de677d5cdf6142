package org.vernissage.engine.render.isf.library;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The still images the library's filters and transitions are fed in tests, drawn in code (no
 * binary fixtures) so that a test can compute what a shader must make of each pixel. Each image
 * is made at the render size, so that a shader sampling at a pixel's centre reads exactly that
 * pixel's texel (no filtering between texels).
 *
 * <p>Test thread only.
 */
final class LibraryTestImages {

    private LibraryTestImages() {
    }

    /**
     * Eight vertical bars of the colours with each channel off or on (black, red, green, yellow,
     * blue, magenta, cyan, white, left to right), each darkened towards the bottom: a channel's
     * value is {@code on ? 40 + 215 * row / (height - 1) : 24} with row 0 at the bottom.
     */
    static int bars(int x, int y, int width, int height) {
        int bar = x * 8 / width;
        int rowFromBottom = height - 1 - y;
        int on = 40 + 215 * rowFromBottom / Math.max(1, height - 1);
        int r = (bar & 1) != 0 ? on : 24;
        int g = (bar & 2) != 0 ? on : 24;
        int b = (bar & 4) != 0 ? on : 24;
        return rgb(r, g, b);
    }

    /** A warm diagonal gradient: red rises to the right, green to the top, blue is 32. */
    static int warm(int x, int y, int width, int height) {
        int rowFromBottom = height - 1 - y;
        return rgb(255 * x / Math.max(1, width - 1), 160 * rowFromBottom / Math.max(1, height - 1), 32);
    }

    /** A cool checkerboard of 8-pixel squares: (20, 60, 200) and (200, 230, 255). */
    static int cool(int x, int y, int width, int height) {
        return ((x / 8 + y / 8) & 1) == 0 ? rgb(20, 60, 200) : rgb(200, 230, 255);
    }

    /** A picture function: the 0xRRGGBB colour of pixel (x, y), row 0 at the top as in a PNG. */
    interface Picture {
        int rgb(int x, int y, int width, int height);
    }

    /** Writes {@code picture} at {@code width} x {@code height} as an opaque PNG. */
    static Path write(Path file, Picture picture, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, picture.rgb(x, y, width, height));
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static int rgb(int r, int g, int b) {
        return (r << 16) | (g << 8) | b;
    }
}
