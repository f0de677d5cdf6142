package org.vernissage.models.interact;

import java.util.List;
import org.vernissage.models.Model;
import org.vernissage.models.ModelException;
import org.vernissage.models.learn.ExampleSet;

/**
 * Where the trainer's {@code save} writes a model's examples and the model itself (with its card).
 * Called on the trainer thread.
 */
@FunctionalInterface
public interface ModelArchive {

    /**
     * Writes what there is to write.
     *
     * @param examples null when none was recorded
     * @param model null when none was trained
     * @return the files written, for the message
     */
    List<String> save(TrainingPlan plan, ExampleSet examples, Model model) throws ModelException;

    /** Writes only the examples, where the plan says (atomically: learn's {@code ExampleSet.save}). */
    static ModelArchive examplesOnly() {
        return (plan, examples, model) -> {
            if (examples == null || plan.examplesFile().isEmpty()) {
                return List.of();
            }
            examples.save(plan.examplesFile().get());
            return List.of(plan.examplesFile().get().toString());
        };
    }
}
