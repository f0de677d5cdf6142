package org.vernissage.engine.artwork;

/**
 * What an artwork knows about the frame being made: its number, its time on the engine clock
 * (seconds since the run started) and the size of the canvas it is drawn into (which a resize
 * posted to the render loop may change between two frames).
 *
 * <p>One instance per render loop, reused every frame: written by the render loop before
 * {@code update}, read by the artwork on the render thread only. Do not keep it across frames.
 */
public final class FrameInfo {

    private long index;
    private double timeSeconds;
    private double deltaSeconds;
    private int width;
    private int height;

    /** Render loop only: stamps the frame about to be made. */
    public void set(long index, double timeSeconds, double deltaSeconds, int width, int height) {
        this.index = index;
        this.timeSeconds = timeSeconds;
        this.deltaSeconds = deltaSeconds;
        this.width = width;
        this.height = height;
    }

    /** 0 for the first frame of a run. */
    public long index() {
        return index;
    }

    public double timeSeconds() {
        return timeSeconds;
    }

    /**
     * The time a shader's {@code TIME} uniform gets: a 32-bit float that must stay smooth for a
     * run of months. For now the show time as a float (steps of 8 ms after a day); the time issue
     * keeps it smooth.
     */
    public float shaderTimeSeconds() {
        return (float) timeSeconds;
    }

    /** Time since the previous frame (0 for the first). */
    public double deltaSeconds() {
        return deltaSeconds;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
