package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL20C.GL_FLOAT_VEC4;
import static org.lwjgl.opengl.GL20C.GL_INT;
import static org.lwjgl.opengl.GL20C.glUniform1i;
import static org.lwjgl.opengl.GL20C.glUniform4fv;

import java.util.Map;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.pipeline.TouchSet;

/**
 * The touch built-ins a shader may declare to see the audience's touches (TUIO cursors, objects
 * and blobs, phone fingers), oldest first:
 * <pre>
 * uniform int  TOUCH_COUNT;    // how many are alive (at most the array's length)
 * uniform vec4 TOUCHES[32];    // xy: position 0..1, origin bottom left like isf_FragNormCoord;
 *                              // zw: velocity in those units per second
 * </pre>
 * Any array length up to the snapshot's capacity works; the engine fills what the shader declared.
 *
 * <p>Render thread only; owned by the {@link ParameterUniforms} that claimed the names.
 */
final class TouchUniforms {

    static final String TOUCH_COUNT = "TOUCH_COUNT";
    static final String TOUCHES = "TOUCHES";

    private static final int ABSENT = -1;

    private final int countLocation;
    private final int touchesLocation;
    private final float[] packed;
    private int count;

    private TouchUniforms(int countLocation, int touchesLocation, int length) {
        this.countLocation = countLocation;
        this.touchesLocation = touchesLocation;
        this.packed = new float[4 * Math.max(length, 1)];
    }

    /** Takes the touch built-ins out of {@code byName}, checking their types. */
    static TouchUniforms claim(Map<String, ActiveUniform> byName, String shaderName) throws ArtworkException {
        ActiveUniform count = byName.remove(TOUCH_COUNT);
        if (count != null && (count.glType() != GL_INT || count.size() != 1)) {
            throw new ArtworkException(shaderName + ": built-in uniform '" + TOUCH_COUNT
                    + "' must be declared as int, found " + count.glslType());
        }
        // Drivers name an active array after its first element.
        ActiveUniform touches = byName.remove(TOUCHES + "[0]");
        if (touches == null) {
            touches = byName.remove(TOUCHES);
        }
        if (touches != null && touches.glType() != GL_FLOAT_VEC4) {
            throw new ArtworkException(shaderName + ": built-in uniform '" + TOUCHES
                    + "' must be declared as vec4 TOUCHES[N], found " + touches.glslType());
        }
        return new TouchUniforms(count == null ? ABSENT : count.location(),
                touches == null ? ABSENT : touches.location(), touches == null ? 0 : touches.size());
    }

    /** Copies the touches the shader has room for; called in the artwork's update. */
    void update(TouchSet touches) {
        count = Math.min(touches.count(), packed.length / 4);
        for (int i = 0; i < count; i++) {
            packed[4 * i] = touches.x(i);
            packed[4 * i + 1] = 1f - touches.y(i);   // TUIO's origin is top left, GL's bottom left
            packed[4 * i + 2] = touches.vx(i);
            packed[4 * i + 3] = -touches.vy(i);
        }
    }

    /** Sets the uniforms the shader declared; the program must be in use. */
    void apply() {
        if (countLocation != ABSENT) {
            glUniform1i(countLocation, count);
        }
        if (touchesLocation != ABSENT) {
            glUniform4fv(touchesLocation, packed);
        }
    }
}
