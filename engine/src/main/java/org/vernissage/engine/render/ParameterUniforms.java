package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL20C.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.TouchSet;

/**
 * The contract between an artwork's manifest and its shader, checked once at setup and then
 * applied every frame by uniform location, never by name.
 *
 * <p>Every declared parameter must be an active uniform of the declared type, and every active
 * uniform must be either a declared parameter or one of the engine's built-ins
 * ({@code TIME}, {@code RENDERSIZE}, {@code FRAMEINDEX}, and the touches: {@code TOUCH_COUNT},
 * {@code TOUCHES}, see {@link TouchUniforms}). A mismatch is the artist's typo in one
 * of two files; saying which at load is far cheaper than a silent black projector.
 *
 * <p>Render thread only; owned by the artwork that checked it.
 */
public final class ParameterUniforms {

    /**
     * Seconds since the run started, wrapped at the artwork's time period so that a float stays
     * smooth for months: callers pass {@link org.vernissage.engine.artwork.FrameInfo#shaderTimeSeconds()}.
     */
    public static final String TIME = "TIME";
    /** Width and height of the frame in pixels. */
    public static final String RENDERSIZE = "RENDERSIZE";
    /** The frame number, from 0. */
    public static final String FRAMEINDEX = "FRAMEINDEX";

    private static final int ABSENT = -1;

    private final ParameterLayout layout;
    private final int[] locations;
    private final int timeLocation;
    private final int renderSizeLocation;
    private final int frameIndexLocation;
    private final TouchUniforms touches;
    /** Per parameter, the trigger count last applied (events only; a count starts at 0). */
    private final float[] lastEventCounts;

    private ParameterUniforms(ParameterLayout layout, int[] locations, int time, int renderSize, int frameIndex,
                              TouchUniforms touches) {
        this.layout = layout;
        this.locations = locations;
        this.lastEventCounts = new float[locations.length];
        this.timeLocation = time;
        this.renderSizeLocation = renderSize;
        this.frameIndexLocation = frameIndex;
        this.touches = touches;
    }

    /**
     * Checks {@code uniforms} (the program's active uniforms) against {@code layout}.
     *
     * @param shaderName the fragment shader file, for messages
     * @param manifestName the manifest file, for messages
     */
    public static ParameterUniforms check(ParameterLayout layout, List<ActiveUniform> uniforms,
                                          String shaderName, String manifestName) throws ArtworkException {
        Map<String, ActiveUniform> byName = new HashMap<>();
        for (ActiveUniform uniform : uniforms) {
            byName.put(uniform.name(), uniform);
        }
        int time = builtin(byName, TIME, GL_FLOAT, shaderName);
        int renderSize = builtin(byName, RENDERSIZE, GL_FLOAT_VEC2, shaderName);
        int frameIndex = builtin(byName, FRAMEINDEX, GL_INT, shaderName);
        TouchUniforms touches = TouchUniforms.claim(byName, shaderName);

        int[] locations = new int[layout.parameterCount()];
        for (int i = 0; i < layout.parameterCount(); i++) {
            ParameterSpec spec = layout.specs().get(i);
            ActiveUniform uniform = byName.remove(spec.name());
            if (uniform == null && !spec.shader()) {
                locations[i] = ABSENT; // control-only: glUniform* at location -1 sets nothing
                continue;
            }
            if (uniform == null) {
                throw new ArtworkException(manifestName + ": parameter '" + spec.name()
                        + "' is not an active uniform of " + shaderName + " (expected `uniform "
                        + spec.type().glslType() + " " + spec.name() + ";` used by the shader's output)");
            }
            if (uniform.glType() != glTypeOf(spec.type()) || uniform.size() != 1) {
                throw new ArtworkException(shaderName + ": uniform '" + spec.name() + "' is "
                        + uniform.glslType() + (uniform.size() != 1 ? "[" + uniform.size() + "]" : "")
                        + " but " + manifestName + " declares it as " + spec.type().manifestName()
                        + " (expected `uniform " + spec.type().glslType() + " " + spec.name() + ";`)");
            }
            locations[i] = uniform.location();
        }
        if (!byName.isEmpty()) {
            String name = byName.keySet().stream().sorted().findFirst().orElseThrow();
            throw new ArtworkException(shaderName + ": uniform '" + name + "' is not declared in "
                    + manifestName + " (add it to \"parameters\", or use a built-in: "
                    + TIME + ", " + RENDERSIZE + ", " + FRAMEINDEX + ", " + TouchUniforms.TOUCH_COUNT + ", "
                    + TouchUniforms.TOUCHES + ")");
        }
        return new ParameterUniforms(layout, locations, time, renderSize, frameIndex, touches);
    }

    private static int builtin(Map<String, ActiveUniform> byName, String name, int glType, String shaderName)
            throws ArtworkException {
        ActiveUniform uniform = byName.remove(name);
        if (uniform == null) {
            return ABSENT;
        }
        if (uniform.glType() != glType || uniform.size() != 1) {
            throw new ArtworkException(shaderName + ": built-in uniform '" + name + "' must be declared as "
                    + ActiveUniform.glslTypeOf(glType) + ", found " + uniform.glslType());
        }
        return uniform.location();
    }

    static int glTypeOf(ParameterType type) {
        return switch (type) {
            case FLOAT -> GL_FLOAT;
            case INT -> GL_INT;
            case BOOL, EVENT -> GL_BOOL;
            case VEC2 -> GL_FLOAT_VEC2;
            case VEC3 -> GL_FLOAT_VEC3;
            case COLOR -> GL_FLOAT_VEC4;
        };
    }

    /** Sets every parameter uniform from {@code values}; the program must be in use. */
    public void applyParameters(float[] values) {
        for (int i = 0; i < locations.length; i++) {
            int at = layout.offset(i);
            int location = locations[i];
            switch (layout.specs().get(i).type()) {
                case FLOAT -> glUniform1f(location, values[at]);
                case INT -> glUniform1i(location, Math.round(values[at]));
                case BOOL -> glUniform1i(location, values[at] >= 0.5f ? 1 : 0);
                case VEC2 -> glUniform2f(location, values[at], values[at + 1]);
                case VEC3 -> glUniform3f(location, values[at], values[at + 1], values[at + 2]);
                case COLOR -> glUniform4f(location, values[at], values[at + 1], values[at + 2], values[at + 3]);
                case EVENT -> glUniform1i(location, triggered(i, values[at]) ? 1 : 0);
            }
        }
    }

    /** True when an event parameter's trigger count moved since the last frame applied. */
    private boolean triggered(int parameter, float count) {
        boolean moved = count != lastEventCounts[parameter];
        lastEventCounts[parameter] = count;
        return moved;
    }

    /**
     * Carries over, from the uniforms of the program this one replaces (a hot reload; the same
     * layout), the trigger counts already shown, so that an event is not shown twice.
     */
    public void continueFrom(ParameterUniforms previous) {
        System.arraycopy(previous.lastEventCounts, 0, lastEventCounts, 0, lastEventCounts.length);
    }

    /** Copies the touch points the shader can see; call in the artwork's update. */
    public void updateTouches(TouchSet alive) {
        touches.update(alive);
    }

    /**
     * Sets the built-ins the shader uses; the program must be in use.
     *
     * @param timeSeconds the frame's {@link org.vernissage.engine.artwork.FrameInfo#shaderTimeSeconds()}
     *     (never the raw show time, which a float cannot hold smoothly after a day)
     */
    public void applyBuiltins(double timeSeconds, int width, int height, long frameIndex) {
        if (timeLocation != ABSENT) {
            glUniform1f(timeLocation, (float) timeSeconds);
        }
        if (renderSizeLocation != ABSENT) {
            glUniform2f(renderSizeLocation, width, height);
        }
        if (frameIndexLocation != ABSENT) {
            glUniform1i(frameIndexLocation, (int) frameIndex);
        }
        touches.apply();
    }
}
