package org.vernissage.engine.render.output;

/**
 * Edge blending of one output: on each side, the width of the ramp (a fraction of the output's
 * content, 0 for none), and for all sides the display gamma and the ramp's curve.
 *
 * <p>The ramp across a blend zone, with {@code t} going from 0 at the outer edge to 1 at the inner
 * end, gives a weight in linear light: {@code w(t) = 0.5 (2t)^p} for {@code t < 0.5}, else
 * {@code 1 - 0.5 (2 - 2t)^p}, with {@code p} the curve (1 is a straight ramp, larger is steeper in
 * the middle). Since {@code w(t) + w(1 - t) = 1}, two projectors whose zones cover the same part of
 * the canvas in opposite directions sum to the light of one. The output multiplies the
 * display-encoded pixel by {@code w^(1/gamma)}, so that after the projector's gamma the light is
 * the source's light times {@code w}: the gamma-correct part.
 *
 * <p>Immutable.
 */
public record EdgeBlend(double left, double right, double top, double bottom, double gamma, double curve) {

    /** No blending, gamma 2.2, curve 2. */
    public static final EdgeBlend NONE = new EdgeBlend(0, 0, 0, 0, 2.2, 2);

    public static final double MAX_WIDTH = 0.5;
    public static final double MIN_GAMMA = 0.5;
    public static final double MAX_GAMMA = 5;
    public static final double MIN_CURVE = 1;
    public static final double MAX_CURVE = 8;

    public EdgeBlend {
        for (double width : new double[] {left, right, top, bottom}) {
            if (!(width >= 0 && width <= MAX_WIDTH)) {
                throw new IllegalArgumentException("a blend width is 0 to " + MAX_WIDTH + " of the output, got " + width);
            }
        }
        if (!(gamma >= MIN_GAMMA && gamma <= MAX_GAMMA)) {
            throw new IllegalArgumentException("gamma is " + MIN_GAMMA + " to " + MAX_GAMMA + ", got " + gamma);
        }
        if (!(curve >= MIN_CURVE && curve <= MAX_CURVE)) {
            throw new IllegalArgumentException("the curve is " + MIN_CURVE + " to " + MAX_CURVE + ", got " + curve);
        }
    }

    /** The ramp's weight in linear light at {@code t} (0 at the outer edge, 1 inside), as the shader computes it. */
    public static double weight(double t, double curve) {
        double x = Math.min(1, Math.max(0, t));
        return x < 0.5 ? 0.5 * Math.pow(2 * x, curve) : 1 - 0.5 * Math.pow(2 * (1 - x), curve);
    }
}
