package org.vernissage.engine.render.graph;

import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.ParameterSnapshot;

/**
 * How one layer is composited this frame: its opacity (0..1) and its {@link BlendMode} code. Each
 * follows a parameter when the artwork declares one called {@code <layer>_opacity} (float) or
 * {@code <layer>_blend} (int), so OSC, sensors and cues move them like any other parameter; else
 * it stays at the value the layer was declared with. The slots are resolved once, at build.
 *
 * <p>Render thread only; owned by its {@link GraphNode}. Reading a frame's values allocates nothing.
 */
final class LayerControl {

    private static final int CONSTANT = -1;

    private final int opacitySlot;
    private final int blendSlot;
    private float opacity;
    private int blend;

    private LayerControl(int opacitySlot, int blendSlot, float opacity, int blend) {
        this.opacitySlot = opacitySlot;
        this.blendSlot = blendSlot;
        this.opacity = opacity;
        this.blend = blend;
    }

    /** The parameter name of a layer's opacity. */
    static String opacityParameter(String layer) {
        return layer + "_opacity";
    }

    /** The parameter name of a layer's blend mode. */
    static String blendParameter(String layer) {
        return layer + "_blend";
    }

    /**
     * The control of layer {@code name}, reading the layout's parameters of that name when it has
     * them (of the right type: else an {@link IllegalArgumentException} naming the parameter).
     */
    static LayerControl resolve(String name, ParameterLayout layout, float opacity, BlendMode blend) {
        return new LayerControl(slot(layout, opacityParameter(name), ParameterType.FLOAT),
                slot(layout, blendParameter(name), ParameterType.INT), opacity, blend.code());
    }

    private static int slot(ParameterLayout layout, String parameter, ParameterType type) {
        var index = layout.indexOf(parameter);
        if (index.isEmpty()) {
            return CONSTANT;
        }
        ParameterType declared = layout.specs().get(index.get()).type();
        if (declared != type) {
            throw new IllegalArgumentException("parameter '" + parameter + "' controls a layer and must be "
                    + type.manifestName() + ", not " + declared.manifestName());
        }
        return layout.offset(index.get());
    }

    /** Takes this frame's values from the snapshot. */
    void update(ParameterSnapshot parameters) {
        if (opacitySlot != CONSTANT) {
            opacity = parameters.value(opacitySlot);
        }
        if (blendSlot != CONSTANT) {
            blend = Math.round(parameters.value(blendSlot));
        }
    }

    float opacity() {
        return opacity;
    }

    int blend() {
        return blend;
    }

    /** True when the opacity follows a parameter. */
    boolean opacityIsParameter() {
        return opacitySlot != CONSTANT;
    }

    boolean blendIsParameter() {
        return blendSlot != CONSTANT;
    }
}
