package org.vernissage.engine.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordered list of a conductor's stages, with a place kept for each stage later issues add:
 * <ol>
 *   <li>parameters ({@code PARAMETER_SET}: direct values)</li>
 *   <li>bindings ({@code CHANNEL_VALUE}: the manifest's conditioning)</li>
 *   <li>cues and fades ({@code CUE_COMMAND}), when one is given</li>
 *   <li>model results ({@code MODEL_RESULT}), when one is given</li>
 *   <li>touches ({@code TOUCH})</li>
 *   <li>any further stages, in the order given</li>
 * </ol>
 * The order is part of the show's meaning: a fade that runs after the bindings overrides what a
 * sensor set in the same frame, a model result after both sees them.
 *
 * <p>A builder used by the thread that assembles a run, before the conductor starts; not
 * thread-safe.
 */
public final class ConductorStages {

    private final ConductorStage bindings;
    private ConductorStage cuesAndFades;
    private ConductorStage modelResults;
    private final List<ConductorStage> further = new ArrayList<>();

    private ConductorStages(ConductorStage bindings) {
        this.bindings = bindings;
    }

    /** Parameters, bindings through {@code conditioner}, and touches. */
    public static ConductorStages standard(ChannelConditioner conditioner) {
        return new ConductorStages(new BindingsStage(conditioner));
    }

    /** Puts {@code stage} in the cues-and-fades place, after the bindings. */
    public ConductorStages cuesAndFades(ConductorStage stage) {
        this.cuesAndFades = stage;
        return this;
    }

    /** Puts {@code stage} in the model-results place, after cues and fades. */
    public ConductorStages modelResults(ConductorStage stage) {
        this.modelResults = stage;
        return this;
    }

    /** Adds {@code stage} after every stage above. */
    public ConductorStages then(ConductorStage stage) {
        further.add(stage);
        return this;
    }

    List<ConductorStage> build(ConductorSettings settings) {
        List<ConductorStage> stages = new ArrayList<>();
        stages.add(new ParameterStage());
        stages.add(bindings);
        if (cuesAndFades != null) {
            stages.add(cuesAndFades);
        }
        if (modelResults != null) {
            stages.add(modelResults);
        }
        stages.add(new TouchStage(settings.touchTimeout()));
        stages.addAll(further);
        return stages;
    }
}
