package org.vernissage.shaders.isf;

import java.util.Optional;

/**
 * One entry of an ISF header's {@code PASSES}: a draw of the whole shader, with
 * {@code PASSINDEX} set to its position, into a named buffer or (without a target) the frame.
 *
 * <p>Immutable; made by {@link IsfParser}, read by any thread.
 *
 * @param target the buffer it draws into ({@code TARGET}); empty for the frame itself
 * @param persistent whether the buffer keeps its content from frame to frame ({@code PERSISTENT})
 * @param floatingPoint whether the buffer holds 32-bit floats ({@code FLOAT})
 * @param width its width ({@code WIDTH}), empty for the frame's width
 * @param height its height ({@code HEIGHT}), empty for the frame's height
 */
public record IsfPass(Optional<String> target, boolean persistent, boolean floatingPoint,
                      Optional<IsfExpression> width, Optional<IsfExpression> height) {
}
