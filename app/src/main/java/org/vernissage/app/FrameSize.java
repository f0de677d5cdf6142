package org.vernissage.app;

/**
 * The size of the frames an artwork is drawn at, as given on the command line ({@code 1280x720}).
 *
 * <p>Immutable.
 */
public record FrameSize(int width, int height) {

    /** The largest side we accept: beyond it no driver of ours has the texture size anyway. */
    public static final int MAX_SIDE = 16384;

    public FrameSize {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("frame size " + width + "x" + height
                    + " is out of range (each side 1.." + MAX_SIDE + ")");
        }
    }

    /** Reads {@code WxH}, e.g. {@code 1920x1080}. */
    public static FrameSize parse(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not a size; expected WIDTHxHEIGHT, e.g. 1280x720");
        }
        try {
            return new FrameSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size; expected WIDTHxHEIGHT, e.g. 1280x720");
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
