package org.vernissage.models.interact;

import java.io.PrintWriter;
import java.util.function.BiConsumer;

/**
 * The trainer's progress for the person in the room: a progress bar redrawn in place on the
 * terminal ({@code \r}), a line when a training ends, and each report's percentage handed on
 * (the run sends it over OSC). Trainer thread only.
 */
public final class TerminalProgress implements TrainerListener {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final BiConsumer<String, Float> percent;
    private final StringBuilder bar = new StringBuilder(96);

    /** @param percent told each report's percentage (model name, 0..100); may do nothing */
    public TerminalProgress(PrintWriter out, BiConsumer<String, Float> percent) {
        this.out = out;
        this.percent = percent;
    }

    @Override
    public void progress(String model, int step, int total, float loss) {
        float done = 100f * step / total;
        int filled = Math.round(WIDTH * (float) step / total);
        bar.setLength(0);
        bar.append("\rvernissage: training ").append(model).append(" [");
        for (int i = 0; i < WIDTH; i++) {
            bar.append(i < filled ? '#' : ' ');
        }
        bar.append("] ").append(Math.round(done)).append("% loss ").append(String.format("%.5f", loss));
        out.print(bar);
        out.flush();
        percent.accept(model, done);
    }

    @Override
    public void trained(String model, int examples, float loss, long millis) {
        out.println();
        out.println("vernissage: trained " + model + " on " + examples + " examples in " + millis + " ms (loss "
                + String.format("%.5f", loss) + "); it runs from its next input");
        out.flush();
    }

    @Override
    public void said(String model, String message) {
        out.println("vernissage: model " + model + ": " + message);
        out.flush();
    }
}
