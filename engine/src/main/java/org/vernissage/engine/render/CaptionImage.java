package org.vernissage.engine.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A caption's pixels: the text drawn with Java2D (headless AWT) in white on a translucent dark
 * box, word-wrapped to the frame's width, as premultiplied RGBA rows ready for a texture (bottom
 * row first, GL's order). Made once, on the loading thread, so the render thread only uploads it.
 *
 * <p>Immutable once made; read by the render thread when it first draws the caption.
 */
public final class CaptionImage {

    /** The caption may take at most this fraction of the frame's height: it discloses, it must not hide the work. */
    public static final double MAX_HEIGHT_FRACTION = 0.5;

    /** The caption's box takes at most this fraction of the frame's width. */
    public static final double MAX_WIDTH_FRACTION = 0.9;

    private final int width;
    private final int height;
    private final ByteBuffer rgba;
    private final List<String> lines;

    private CaptionImage(int width, int height, ByteBuffer rgba, List<String> lines) {
        this.width = width;
        this.height = height;
        this.rgba = rgba;
        this.lines = List.copyOf(lines);
    }

    /**
     * Draws {@code text} for a frame of {@code frameWidth} x {@code frameHeight}, its letters
     * {@code sizeFraction} of the frame's height tall, wrapped at spaces to fit the frame's width.
     *
     * @throws IllegalArgumentException naming the text and what would fit, when the wrapped text
     *         is taller than {@link #MAX_HEIGHT_FRACTION} of the frame or a word is wider than it
     */
    public static CaptionImage render(String text, double sizeFraction, int frameWidth, int frameHeight) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("the disclosure caption is empty: write the text to show");
        }
        int fontPixels = Math.max(6, (int) Math.round(sizeFraction * frameHeight));
        int pad = Math.max(1, fontPixels / 4);
        int maxTextWidth = (int) (frameWidth * MAX_WIDTH_FRACTION) - 2 * pad;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, fontPixels);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = probe.createGraphics();
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        g.dispose();
        List<String> lines = wrap(text, metrics, maxTextWidth, frameWidth, frameHeight);
        int lineHeight = metrics.getHeight();
        int boxHeight = lines.size() * lineHeight + 2 * pad;
        int maxHeight = (int) (frameHeight * MAX_HEIGHT_FRACTION);
        if (boxHeight > maxHeight) {
            throw new IllegalArgumentException("the disclosure caption \"" + shortened(text) + "\" needs "
                    + lines.size() + " lines (" + boxHeight + " pixels) at size " + sizeFraction + " in a "
                    + frameWidth + "x" + frameHeight + " frame, more than half its height (" + maxHeight
                    + " pixels): shorten the text or lower \"size\"");
        }
        int textWidth = 0;
        for (String line : lines) {
            textWidth = Math.max(textWidth, metrics.stringWidth(line));
        }
        int boxWidth = textWidth + 2 * pad;
        BufferedImage image = new BufferedImage(boxWidth, boxHeight, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D draw = image.createGraphics();
        try {
            draw.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            draw.setColor(new Color(0, 0, 0, 160));
            draw.fillRect(0, 0, boxWidth, boxHeight);
            draw.setColor(Color.WHITE);
            draw.setFont(font);
            for (int i = 0; i < lines.size(); i++) {
                draw.drawString(lines.get(i), pad, pad + i * lineHeight + metrics.getAscent());
            }
        } finally {
            draw.dispose();
        }
        return new CaptionImage(boxWidth, boxHeight, rgbaBottomUp(image), lines);
    }

    /** Greedy wrap at spaces; a single word wider than the frame is refused (it cannot be read cut). */
    private static List<String> wrap(String text, FontMetrics metrics, int maxWidth, int frameWidth, int frameHeight) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.strip().split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (metrics.stringWidth(word) > maxWidth) {
                    throw new IllegalArgumentException("the disclosure caption's word \"" + shortened(word)
                            + "\" is wider than a " + frameWidth + "x" + frameHeight
                            + " frame at this size: lower \"size\" or split the word");
                }
                String longer = line.isEmpty() ? word : line + " " + word;
                if (metrics.stringWidth(longer) > maxWidth) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(longer);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private static String shortened(String text) {
        String one = text.replace('\n', ' ');
        return one.length() <= 40 ? one : one.substring(0, 37) + "...";
    }

    private static ByteBuffer rgbaBottomUp(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w); // straight alpha out of getRGB
        ByteBuffer out = ByteBuffer.allocateDirect(w * h * 4).order(ByteOrder.nativeOrder());
        for (int y = h - 1; y >= 0; y--) {
            for (int x = 0; x < w; x++) {
                int p = argb[y * w + x];
                int a = p >>> 24;
                out.put((byte) (((p >> 16) & 0xFF) * a / 255));
                out.put((byte) (((p >> 8) & 0xFF) * a / 255));
                out.put((byte) ((p & 0xFF) * a / 255));
                out.put((byte) a);
            }
        }
        return out.flip();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The lines the text was wrapped into. */
    public List<String> lines() {
        return lines;
    }

    /** Premultiplied RGBA, bottom row first; a view of its own (the render thread uploads it). */
    ByteBuffer pixels() {
        return rgba.duplicate().order(ByteOrder.nativeOrder());
    }
}
