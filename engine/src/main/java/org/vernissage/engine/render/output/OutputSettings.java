package org.vernissage.engine.render.output;

import org.vernissage.engine.render.CanvasRegion;

/**
 * The live settings of one venue output: region, corner-pin (and its homography), mesh, blend,
 * test card. Starts from the venue file's {@link OutputSpec}; changed between frames by the
 * changes OSC posts ({@link OutputChange}); read every frame by the output's {@link WarpRenderer};
 * turned back into a spec to save.
 *
 * <p>Render thread only: one writer (the mailbox's tasks) and one reader (the output), on one
 * thread. Owned by the {@link VenueOutputs} that made it. A change that would break the picture (a
 * corner that makes the quad concave, a region outside the canvas) is refused and the last good
 * setting stays.
 */
public final class OutputSettings {

    /** Blend sides, in the order of the shader's {@code vec4}. */
    public static final int LEFT = 0;
    public static final int RIGHT = 1;
    public static final int TOP = 2;
    public static final int BOTTOM = 3;

    /** How far past the canvas's edge a region may reach and still mean the edge (float rounding). */
    static final double SLACK = 1e-6;

    private final int number;
    private final String name;
    private final Placement placement;
    private final double[] region = new double[4];
    private final double[] corners = new double[8];
    private final double[] candidate = new double[8];
    private final double[] homography = new double[9];
    private final int meshColumns;
    private final int meshRows;
    private final double[] meshPoints;
    private final double[] blendWidths = new double[4];
    private double gamma;
    private double curve;
    private boolean testCard;
    private int meshVersion;

    /** @param number the output's number, from 1, as OSC addresses and the test card show it */
    public OutputSettings(int number, OutputSpec spec) {
        this.number = number;
        this.name = spec.name();
        this.placement = spec.placement();
        CanvasRegion r = spec.region();
        region[0] = r.x();
        region[1] = r.y();
        region[2] = r.width();
        region[3] = r.height();
        System.arraycopy(spec.corners().xy(), 0, corners, 0, 8);
        Homography.squareToQuad(corners, homography);
        meshColumns = spec.mesh().columns();
        meshRows = spec.mesh().rows();
        meshPoints = spec.mesh().points();
        EdgeBlend blend = spec.blend();
        blendWidths[LEFT] = blend.left();
        blendWidths[RIGHT] = blend.right();
        blendWidths[TOP] = blend.top();
        blendWidths[BOTTOM] = blend.bottom();
        gamma = blend.gamma();
        curve = blend.curve();
        testCard = spec.testCard();
    }

    /** Moves corner {@code index} (0 top left .. 3 bottom left); false, unchanged, when the quad would not be convex. */
    public boolean setCorner(int index, double x, double y) {
        if (index < 0 || index > 3 || !inRange(x) || !inRange(y)) {
            return false;
        }
        System.arraycopy(corners, 0, candidate, 0, 8);
        candidate[index * 2] = x;
        candidate[index * 2 + 1] = y;
        if (!Homography.isConvexClockwise(candidate)) {
            return false;
        }
        System.arraycopy(candidate, 0, corners, 0, 8);
        Homography.squareToQuad(corners, homography);
        return true;
    }

    /** Moves mesh point column {@code i}, row {@code j}; false, unchanged, when there is no such point. */
    public boolean setMeshPoint(int i, int j, double x, double y) {
        if (i < 0 || j < 0 || i >= meshColumns || j >= meshRows || !inRange(x) || !inRange(y)) {
            return false;
        }
        meshPoints[(j * meshColumns + i) * 2] = x;
        meshPoints[(j * meshColumns + i) * 2 + 1] = y;
        meshVersion++;
        return true;
    }

    /** Sets the blend width of {@code side} ({@link #LEFT} ..); false, unchanged, outside 0..0.5. */
    public boolean setBlend(int side, double width) {
        if (side < 0 || side > 3 || !(width >= 0 && width <= EdgeBlend.MAX_WIDTH)) {
            return false;
        }
        blendWidths[side] = width;
        return true;
    }

    public boolean setGamma(double value) {
        if (!(value >= EdgeBlend.MIN_GAMMA && value <= EdgeBlend.MAX_GAMMA)) {
            return false;
        }
        gamma = value;
        return true;
    }

    public boolean setCurve(double value) {
        if (!(value >= EdgeBlend.MIN_CURVE && value <= EdgeBlend.MAX_CURVE)) {
            return false;
        }
        curve = value;
        return true;
    }

    public void setTestCard(boolean on) {
        testCard = on;
    }

    /** Shows another part of the canvas; false, unchanged, when it is not inside the canvas. */
    public boolean setRegion(double x, double y, double width, double height) {
        if (!(x >= 0 && y >= 0 && width > 0 && height > 0 && x + width <= 1 + SLACK && y + height <= 1 + SLACK)) {
            return false;
        }
        region[0] = x;
        region[1] = y;
        // OSC sends 32-bit floats: 0.4f + 0.6f is a hair over 1. Within the slack, it means the edge.
        region[2] = Math.min(width, 1 - x);
        region[3] = Math.min(height, 1 - y);
        return true;
    }

    private static boolean inRange(double v) {
        return v >= CornerPin.MIN_COORDINATE && v <= CornerPin.MAX_COORDINATE;
    }

    /** What the venue file would say now (allocates: for saving and tests, not per frame). */
    public OutputSpec toSpec() {
        return new OutputSpec(name, placement, new CanvasRegion(region[0], region[1], region[2], region[3]),
                new CornerPin(corners), new MeshWarp(meshColumns, meshRows, meshPoints),
                new EdgeBlend(blendWidths[LEFT], blendWidths[RIGHT], blendWidths[TOP], blendWidths[BOTTOM], gamma,
                        curve), testCard);
    }

    public int number() {
        return number;
    }

    public String name() {
        return name;
    }

    public Placement placement() {
        return placement;
    }

    double regionX() {
        return region[0];
    }

    double regionY() {
        return region[1];
    }

    double regionWidth() {
        return region[2];
    }

    double regionHeight() {
        return region[3];
    }

    /** Entry {@code n} of the corner-pin's homography (row-major, see {@link Homography}). */
    double homography(int n) {
        return homography[n];
    }

    double blendWidth(int side) {
        return blendWidths[side];
    }

    double gamma() {
        return gamma;
    }

    double curve() {
        return curve;
    }

    boolean testCard() {
        return testCard;
    }

    int meshColumns() {
        return meshColumns;
    }

    int meshRows() {
        return meshRows;
    }

    double meshX(int i, int j) {
        return meshPoints[(j * meshColumns + i) * 2];
    }

    double meshY(int i, int j) {
        return meshPoints[(j * meshColumns + i) * 2 + 1];
    }

    /** Counts mesh edits, so the renderer re-uploads its vertices only after one. */
    int meshVersion() {
        return meshVersion;
    }
}
