package org.vernissage.bench.frametime;

import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.param.ParameterLayout;

/**
 * One shader measured both ways: as the engine plays it (an {@link Artwork}) and as the bare loop
 * draws it (the same vertex and fragment sources, its parameters at their defaults).
 *
 * <p>Benchmark thread (which is the render thread); owned by the benchmark.
 */
interface ShaderCase {

    /** For the report, e.g. "artworks/tidewater (manifest + GLSL)". */
    String description();

    /** A fresh artwork for one engine run (the render loop disposes it at the end of the run). */
    Artwork newArtwork() throws ArtworkException;

    /** The artwork's parameters, whose defaults both loops start from. */
    ParameterLayout layout();

    /** The parameter values the engine's snapshot starts from (the defaults). */
    default float[] initialValues() {
        float[] values = new float[layout().slotCount()];
        layout().copyDefaultsInto(values);
        return values;
    }

    /** The vertex shader the engine runs this case with. */
    String vertexSource();

    /** The fragment shader, exactly as the engine compiles it. */
    String fragmentSource();

    /** Sets every uniform that is not a per-frame built-in to its default; the program is in use. */
    void setConstantUniforms(int program);
}
