package org.vernissage.engine.render.isf.library;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.vernissage.engine.render.RgbaImage;

/**
 * Lays rendered library shaders out as one labelled PNG for the docs: tiles in rows, each with
 * its file name under it. Test thread only.
 */
final class ContactSheet {

    private static final int COLUMNS = 5;
    private static final int GAP = 6;
    private static final int LABEL_HEIGHT = 18;

    /** One tile: the shader's file name (without {@code .fs}) and its frame. */
    record Tile(String name, RgbaImage image) {
    }

    private ContactSheet() {
    }

    static void write(Path file, List<Tile> tiles) throws IOException {
        int tileWidth = tiles.getFirst().image().width();
        int tileHeight = tiles.getFirst().image().height();
        int rows = (tiles.size() + COLUMNS - 1) / COLUMNS;
        int width = GAP + COLUMNS * (tileWidth + GAP);
        int height = GAP + rows * (tileHeight + LABEL_HEIGHT + GAP);
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(new Color(24, 24, 28));
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(new Color(230, 230, 230));
            for (int i = 0; i < tiles.size(); i++) {
                int x = GAP + (i % COLUMNS) * (tileWidth + GAP);
                int y = GAP + (i / COLUMNS) * (tileHeight + LABEL_HEIGHT + GAP);
                g.drawImage(tiles.get(i).image().toBufferedImage(), x, y, null);
                g.drawString(tiles.get(i).name(), x + 2, y + tileHeight + LABEL_HEIGHT - 5);
            }
        } finally {
            g.dispose();
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(sheet, "png", file.toFile());
    }
}
