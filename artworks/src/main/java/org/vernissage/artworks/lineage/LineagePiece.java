package org.vernissage.artworks.lineage;

import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.graph.BlockSpecialisation;
import org.vernissage.engine.render.graph.FrameBlock;
import org.vernissage.engine.render.graph.FrameUniform;
import org.vernissage.engine.render.graph.GraphBuilder;
import org.vernissage.engine.render.graph.GraphPiece;

/**
 * Lineage: a CPPN drawn at every pixel (one layer, {@code lineage.frag}), its 576 weights in a
 * uniform block this piece fills, bred by the audience. The parameters that move it:
 * {@code mutate} (an event: another child of the parent), {@code breed} (an event: the network
 * shown becomes the parent), {@code blend} (0 parent .. 1 child: a cue's fade morphs one into the
 * other), {@code mutation} (how far a child strays), {@code seed} (a new seed starts a new
 * lineage), {@code speed} (the clock input) and three latents the sensors move (read by the shader).
 *
 * <p>Triggers are read as counts: each frame applies the breeds (each keeping the network drawn in
 * the last frame), then the mutations, that arrived since the last frame, so the weights follow from the snapshots alone and a replay draws the same
 * pixels. The clock's phase is integrated frame by frame, so a change of speed never jumps.
 *
 * <p>While the network is still (no mutation, breed or blend fade in flight), the layer draws with
 * a program of {@code lineage.frag} in which the current weights are constants, prepared off the
 * render thread and swapped in at a frame boundary when ready; while the weights move, it draws
 * with the block ({@link BlockSpecialisation}: on llvmpipe a block read at run time costs about 7x
 * the weights compiled in). The JVM flag {@code -D}{@value #SPECIALISE_PROPERTY}{@code =on|off|auto}
 * chooses; {@code auto} (the default) specialises on a software renderer (llvmpipe) only.
 *
 * <p>Named by {@code artworks/lineage/artwork.json} ({@code "class"}); made once by the app,
 * declared on the thread preparing the run, updated on the render thread. Allocates nothing per
 * frame; the block is copied to the GPU only in frames where the network shown changed.
 */
public final class LineagePiece implements GraphPiece {

    /** A count that jumps further than this in one frame is taken as this many (bounded work per frame). */
    static final int MOST_BREEDS_PER_FRAME = 64;

    /** The JVM flag that turns the weights' specialisation on, off or to auto. */
    public static final String SPECIALISE_PROPERTY = "vernissage.cppn.specialise";

    private static final System.Logger LOG = System.getLogger(LineagePiece.class.getName());

    private final Lineage lineage = new Lineage();
    private final BlockSpecialisation.Policy policy;
    private BlockSpecialisation specialisation;
    private FrameBlock weights;
    private FrameUniform clock;
    private int seedSlot;
    private int mutateSlot;
    private int breedSlot;
    private int blendSlot;
    private int mutationSlot;
    private int speedSlot;
    private boolean started;
    private int seed;
    private float mutateCount;
    private float breedCount;
    private float shownBlend;
    private double phase;

    /** As the app makes it: specialisation as {@value #SPECIALISE_PROPERTY} says (auto when unset). */
    public LineagePiece() {
        this(policyFrom(System.getProperty(SPECIALISE_PROPERTY)));
    }

    /** With the weights' specialisation as {@code policy} says (benchmarks, tests). */
    public LineagePiece(BlockSpecialisation.Policy policy) {
        this.policy = policy;
    }

    /** The default policy in the mode {@code flag} names; a flag it cannot read is said once and taken as auto. */
    static BlockSpecialisation.Policy policyFrom(String flag) {
        if (flag == null) {
            return BlockSpecialisation.Policy.DEFAULT;
        }
        return BlockSpecialisation.Mode.parse(flag).map(BlockSpecialisation.Policy.DEFAULT::withMode).orElseGet(() -> {
            LOG.log(System.Logger.Level.WARNING, "-D" + SPECIALISE_PROPERTY + "=" + flag + ": expected on, off or"
                    + " auto; taken as auto");
            return BlockSpecialisation.Policy.DEFAULT;
        });
    }

    @Override
    public void declare(GraphBuilder graph) throws ArtworkException {
        ParameterLayout layout = graph.layout();
        seedSlot = slotOf(layout, "seed");
        mutateSlot = slotOf(layout, "mutate");
        breedSlot = slotOf(layout, "breed");
        blendSlot = slotOf(layout, "blend");
        mutationSlot = slotOf(layout, "mutation");
        speedSlot = slotOf(layout, "speed");
        GraphBuilder.NodeBuilder network = graph.layer("network").shader("lineage.frag");
        weights = network.uniformBlock("CppnWeights", CppnShape.VEC4S);
        specialisation = network.specialiseWhileStill(weights, policy);
        clock = network.uniform("clock", 2);
    }

    private static int slotOf(ParameterLayout layout, String name) throws ArtworkException {
        return layout.offset(layout.indexOf(name).orElseThrow(() -> new ArtworkException(
                "Lineage needs a parameter '" + name + "' in its artwork.json")));
    }

    @Override
    public void update(FrameInfo frame, ParameterSnapshot parameters) {
        evolve(parameters);
        float speed = parameters.value(speedSlot);
        phase = (phase + frame.deltaSeconds() * 2 * Math.PI * (0.02 + 0.3 * speed)) % (2 * Math.PI);
        clock.set((float) Math.sin(phase), (float) Math.cos(phase));
    }

    /** Applies this frame's seed, breeds and mutations, and refills the block when the network shown changed. */
    private void evolve(ParameterSnapshot parameters) {
        int newSeed = Math.round(parameters.value(seedSlot));
        float strength = parameters.value(mutationSlot);
        float blend = parameters.value(blendSlot);
        float mutates = parameters.value(mutateSlot);
        float breeds = parameters.value(breedSlot);
        boolean changed = false;
        if (!started || newSeed != seed) {
            // A new lineage: triggers counted so far belong to the old one.
            lineage.reset(newSeed, strength);
            seed = newSeed;
            started = true;
            changed = true;
        } else {
            int bred = Math.min(MOST_BREEDS_PER_FRAME, triggers(breedCount, breeds));
            for (int i = 0; i < bred; i++) {
                // What the audience saw: the blend of the last frame drawn, not this frame's (a cue
                // may breed and fade the blend back to 0 in one step).
                lineage.breed(shownBlend, strength);
            }
            int mutated = triggers(mutateCount, mutates);
            if (mutated > 0) {
                lineage.mutate(mutated, strength);
            }
            changed = bred > 0 || mutated > 0;
        }
        mutateCount = mutates;
        breedCount = breeds;
        if (changed || blend != shownBlend) {
            lineage.mixInto(blend, weights.values());
            weights.changed();
            shownBlend = blend;
        }
    }

    /** Triggers between two readings of an event's count, which wraps from 2^24 to 1. */
    static int triggers(float before, float now) {
        // In doubles: near 2^24 a float has no room for the sum.
        double moved = now >= before ? (double) now - before : (double) now + ParameterLayout.MAX_EVENT_COUNT - before;
        return (int) moved;
    }

    /**
     * Copies the weights the uniform block holds now (those of the last frame updated) into
     * {@code out} ({@link #weightCount()} floats): for tools that need the network as drawn, such as
     * the benchmark that inlines them as constants. Render thread.
     */
    public void copyWeights(float[] out) {
        System.arraycopy(weights.values(), 0, out, 0, CppnShape.FLOATS);
    }

    /** Sets {@code to} to the clock input of the last frame updated (sin, cos of the phase): for tools. */
    public void copyClock(FrameUniform to) {
        to.set(clock.get(0), clock.get(1));
    }

    /**
     * The weights' specialisation: whether the layer draws with them compiled in now, how many
     * swaps so far (for tools, tests, statistics). Valid after {@link #declare}.
     */
    public BlockSpecialisation specialisation() {
        return specialisation;
    }

    /** How many floats the network's weights take (every one a parameter of the network). */
    public static int weightCount() {
        return CppnShape.FLOATS;
    }

    /** The lineage as it stands (tests). */
    Lineage lineage() {
        return lineage;
    }
}
