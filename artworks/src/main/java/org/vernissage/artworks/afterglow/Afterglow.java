package org.vernissage.artworks.afterglow;

import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.TargetFormat;
import org.vernissage.engine.render.graph.BlendMode;
import org.vernissage.engine.render.graph.FrameUniform;
import org.vernissage.engine.render.graph.GraphBuilder;
import org.vernissage.engine.render.graph.GraphPiece;

/**
 * Afterglow: three lights wander over a dusk sky, leaving trails that turn around the centre and
 * fade. The graph: {@code ink}, a half-resolution RGBA16F feedback node (the trails run past 1.0
 * where lights linger), then the {@code ground} layer and the {@code glow} layer, which reads
 * {@code ink}, tone-maps it and is screened over the ground. Java moves the lights: each wanders
 * on its own Lissajous path, faster with {@code energy}; the path's phase is integrated frame by
 * frame, so a change of energy speeds the lights up without making them jump.
 *
 * <p>Named by {@code artworks/afterglow/artwork.json} ({@code "class"}); made once by the app,
 * declared on the thread preparing the run, updated on the render thread. Allocates nothing per frame.
 */
public final class Afterglow implements GraphPiece {

    private static final int LIGHTS = 3;
    /** Per light: x and y frequencies (turns per unit of phase) and a phase offset. */
    private static final float[][] PATHS = {{0.13f, 0.21f, 0.0f}, {0.17f, 0.11f, 0.35f}, {0.23f, 0.15f, 0.7f}};
    private static final float RADIUS = 0.04f;

    private final FrameUniform[] lights = new FrameUniform[LIGHTS];
    private int energySlot;
    private double phase;

    @Override
    public void declare(GraphBuilder graph) throws ArtworkException {
        energySlot = slotOf(graph.layout(), "energy");
        GraphBuilder.NodeBuilder ink = graph.node("ink").shader("ink.frag").format(TargetFormat.RGBA16F)
                .feedback().scale(0.5);
        for (int i = 0; i < LIGHTS; i++) {
            lights[i] = ink.uniform("light" + i, 3);
        }
        graph.layer("ground").shader("ground.frag");
        graph.layer("glow").shader("glow.frag").blend(BlendMode.SCREEN).opacity(0.9f);
    }

    private static int slotOf(ParameterLayout layout, String name) throws ArtworkException {
        return layout.offset(layout.indexOf(name).orElseThrow(() -> new ArtworkException(
                "Afterglow needs a float parameter '" + name + "' in its artwork.json")));
    }

    @Override
    public void update(FrameInfo frame, ParameterSnapshot parameters) {
        float energy = parameters.value(energySlot);
        phase += frame.deltaSeconds() * (0.3 + 1.7 * energy);
        for (int i = 0; i < LIGHTS; i++) {
            float[] path = PATHS[i];
            double x = 0.5 + 0.38 * Math.sin(2 * Math.PI * (path[0] * phase + path[2]));
            double y = 0.5 + 0.36 * Math.sin(2 * Math.PI * (path[1] * phase + path[2] * 1.7));
            lights[i].set((float) x, (float) y, RADIUS);
        }
    }
}
