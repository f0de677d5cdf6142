package org.vernissage.models.learn;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A terminal progress bar for a training: {@code [##########..........]  50%  step 300/600  loss 0.01234},
 * redrawn in place with a carriage return, ended with a new line at the last step. Draws only when
 * the percentage moves, so a fast training does not flood a slow terminal.
 *
 * <p>Called on the trainer's thread (as any {@link TrainingProgress}); owns nothing but its writer,
 * which its creator keeps.
 */
public final class TextProgressBar implements TrainingProgress {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final String label;
    private int lastPercent = -1;

    /** @param label printed before the bar, e.g. the model's name */
    public TextProgressBar(PrintWriter out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void step(int step, int total, float loss) {
        int percent = (int) (100L * step / total);
        if (percent == lastPercent && step != total) {
            return;
        }
        lastPercent = percent;
        int filled = WIDTH * step / total;
        out.print('\r' + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%  step %d/%d  loss %.5f", percent, step, total, loss));
        if (step == total) {
            out.println();
        }
        out.flush();
    }
}
