package org.vernissage.models.interact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.vernissage.engine.artwork.FileStamp;

/**
 * Which of the show's model files were replaced on disk (an artist's retrained ONNX file copied
 * in, {@code vernissage train} run beside the show): it looks at most every
 * {@link #LOOK_NANOS}, compares each file's {@link FileStamp} with the one it last saw, and names
 * the models whose file changed. The trainer's own saves are told to it ({@link #saved}), so they
 * are not taken for a replacement. A file being replaced is absent for a moment: it waits for the
 * new one.
 *
 * <p>Trainer thread only; owned by the {@link Trainer}.
 */
final class ModelFileWatch {

    /** How often the files are looked at. */
    static final long LOOK_NANOS = 500_000_000L;

    private final List<TrainingPlan> plans;
    private final List<Optional<FileStamp>> seen = new ArrayList<>();
    private long nextLook;

    /** What is there now is not news: only later changes are. */
    ModelFileWatch(List<TrainingPlan> plans) {
        this.plans = List.copyOf(plans);
        for (TrainingPlan plan : this.plans) {
            seen.add(stamp(plan));
        }
    }

    /**
     * When a look is due at {@code nowNanos}: calls {@code replaced} with the index of each model
     * whose file changed since it was last seen (each version once, whether it loads or not).
     *
     * @return how many were replaced
     */
    int look(long nowNanos, IntConsumer replaced) {
        if (nowNanos - nextLook < 0) {
            return 0;
        }
        nextLook = nowNanos + LOOK_NANOS;
        int count = 0;
        for (int i = 0; i < plans.size(); i++) {
            Optional<FileStamp> now = stamp(plans.get(i));
            if (now.isPresent() && !now.equals(seen.get(i))) {
                seen.set(i, now);
                replaced.accept(i);
                count++;
            }
        }
        return count;
    }

    /** The trainer wrote model {@code index}'s file itself: not a replacement. */
    void saved(int index) {
        seen.set(index, stamp(plans.get(index)));
    }

    private static Optional<FileStamp> stamp(TrainingPlan plan) {
        return plan.modelFile().flatMap(FileStamp::of);
    }
}
