package org.vernissage.engine.artwork;

import java.util.List;
import org.vernissage.engine.binding.InputSelector;

/**
 * Reads the source-specific part of one binding (which OSC address, which MIDI controller ...):
 * one implementation per source kind, each owning its manifest array ({@code osc}, {@code midi},
 * {@code audio}, {@code phones}).
 *
 * <p>Used on the loading thread only; stateless.
 */
interface SelectorReader {

    /** The manifest array this source's bindings live in, e.g. {@code osc}. */
    String arrayName();

    /** What one binding of this source looks like, for messages. */
    String example();

    /** The fields this source adds to the common binding fields. */
    List<String> fields();

    InputSelector read(ManifestFields binding) throws ManifestException;
}
