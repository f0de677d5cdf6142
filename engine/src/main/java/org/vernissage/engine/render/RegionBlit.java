package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL30C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL30C.GL_DRAW_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.GL_LINEAR;
import static org.lwjgl.opengl.GL30C.GL_READ_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;
import static org.lwjgl.opengl.GL30C.glBlitFramebuffer;
import static org.lwjgl.opengl.GL30C.glClear;
import static org.lwjgl.opengl.GL30C.glClearColor;

/**
 * Copies a region of the canvas onto a destination (a window's default framebuffer, a preview's
 * framebuffer) as large as it fits without changing its aspect ratio, centred, with black bars on
 * the sides left over (letterbox or pillarbox): a projector's shape never stretches the piece.
 *
 * <p>Render thread only; owned by one output. {@link #place} keeps its result in fields, so a frame
 * allocates nothing.
 */
final class RegionBlit {

    private int sourceLeft;
    private int sourceBottom;
    private int sourceRight;
    private int sourceTop;
    private int destinationLeft;
    private int destinationBottom;
    private int destinationRight;
    private int destinationTop;
    private boolean bars;

    /** Works out where {@code region} of a canvas goes on a destination of the given size. */
    void place(CanvasRegion region, int canvasWidth, int canvasHeight, int destinationWidth, int destinationHeight) {
        sourceLeft = region.left(canvasWidth);
        sourceRight = region.right(canvasWidth);
        sourceBottom = region.bottom(canvasHeight);
        sourceTop = region.top(canvasHeight);
        int width = sourceRight - sourceLeft;
        int height = sourceTop - sourceBottom;
        double scale = Math.min(destinationWidth / (double) width, destinationHeight / (double) height);
        int shownWidth = Math.min(destinationWidth, (int) Math.round(width * scale));
        int shownHeight = Math.min(destinationHeight, (int) Math.round(height * scale));
        destinationLeft = (destinationWidth - shownWidth) / 2;
        destinationBottom = (destinationHeight - shownHeight) / 2;
        destinationRight = destinationLeft + shownWidth;
        destinationTop = destinationBottom + shownHeight;
        bars = shownWidth != destinationWidth || shownHeight != destinationHeight;
    }

    /**
     * Blits the placed region from framebuffer {@code read} to framebuffer {@code draw} (0: the
     * window), clearing the bars to black first.
     */
    void blit(int read, int draw) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, read);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, draw);
        if (bars) {
            glClearColor(0, 0, 0, 1);
            glClear(GL_COLOR_BUFFER_BIT);
        }
        if (destinationRight > destinationLeft && destinationTop > destinationBottom) {
            glBlitFramebuffer(sourceLeft, sourceBottom, sourceRight, sourceTop,
                    destinationLeft, destinationBottom, destinationRight, destinationTop,
                    GL_COLOR_BUFFER_BIT, GL_LINEAR);
        }
    }

    int destinationLeft() {
        return destinationLeft;
    }

    int destinationBottom() {
        return destinationBottom;
    }

    int destinationWidth() {
        return destinationRight - destinationLeft;
    }

    int destinationHeight() {
        return destinationTop - destinationBottom;
    }

    int sourceLeft() {
        return sourceLeft;
    }

    int sourceBottom() {
        return sourceBottom;
    }

    int sourceWidth() {
        return sourceRight - sourceLeft;
    }

    int sourceHeight() {
        return sourceTop - sourceBottom;
    }
}
