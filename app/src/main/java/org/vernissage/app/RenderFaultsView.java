package org.vernissage.app;

import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.render.FrameListenerOutput;
import org.vernissage.engine.render.Output;
import org.vernissage.engine.render.RenderLoop;
import org.vernissage.engine.render.RenderMailbox;

/**
 * What the render loop counted instead of stopping the show, as statistics lines, each only when
 * its count is not zero: frames each output failed to present (it threw:
 * {@link RenderLoop#outputFailures}), frames a fixed-size output skipped because the canvas had
 * another size ({@link FrameListenerOutput#framesSkipped()}), and the mailbox's refused and failed
 * tasks ({@link RenderMailbox#describe()}).
 *
 * <p>Read-only over the run's render loop, which its run owns; {@link #lines()} from any thread
 * (the per-output counts are written by the render thread alone and are exact once the loop has
 * returned, which is when the final statistics are printed).
 */
final class RenderFaultsView {

    private final RenderLoop loop;

    RenderFaultsView(RenderLoop loop) {
        this.loop = loop;
    }

    /** The lines, outputs in the order they get each frame, then the mailbox. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Output output : loop.outputs()) {
            long failed = loop.outputFailures(output);
            if (failed > 0) {
                lines.add("output " + output.description() + ": " + failed + " frames failed to present"
                        + " (the other outputs and the show went on)");
            }
            if (output instanceof FrameListenerOutput sized && sized.framesSkipped() > 0) {
                lines.add("output " + output.description() + ": " + sized.framesSkipped()
                        + " frames skipped (the canvas had another size)");
            }
        }
        RenderMailbox mailbox = loop.mailbox();
        if (mailbox.refused() > 0 || mailbox.failed() > 0) {
            lines.add(mailbox.describe());
        }
        return lines;
    }
}
