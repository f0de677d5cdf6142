package org.vernissage.models.interact;

import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.param.ParameterLayout;

/**
 * What a regression's outputs are called, for the examples recorded from now on: the training
 * plan's names until Wekinator's {@code setOutputNames} maps the outputs anew, which reaches the
 * trainer as one {@code OUTPUT} command per output, in order (output i of n is now the parameter at
 * a snapshot slot). The last of them completes the new list.
 *
 * <p>Confined to the trainer's thread; one per model.
 */
final class OutputNames {

    private List<String> current;
    private String[] receiving; // a setOutputNames being received, output by output

    OutputNames(List<String> planned) {
        this.current = List.copyOf(planned);
    }

    /** The names now. */
    List<String> current() {
        return current;
    }

    /**
     * Output {@code i} of {@code count} is now the parameter whose first slot is {@code slot} (a
     * generic name when the slot is no parameter's first); true when that completed a list that
     * differs from the current one, which it then is.
     */
    boolean receive(int i, int slot, int count, ParameterLayout layout) {
        if (receiving == null || receiving.length != count) {
            receiving = new String[count];
        }
        if (i >= 0 && i < count) {
            receiving[i] = nameAt(slot, layout);
        }
        if (i != count - 1) {
            return false;
        }
        List<String> names = new ArrayList<>();
        for (int o = 0; o < count; o++) {
            names.add(receiving[o] != null ? receiving[o] : "output_" + (o + 1));
        }
        receiving = null;
        if (names.equals(current)) {
            return false;
        }
        current = List.copyOf(names);
        return true;
    }

    private static String nameAt(int slot, ParameterLayout layout) {
        if (slot < 0 || slot >= layout.slotCount()) {
            return null;
        }
        int parameter = layout.parameterOfSlot(slot);
        return layout.offset(parameter) == slot ? layout.specs().get(parameter).name() : null;
    }
}
