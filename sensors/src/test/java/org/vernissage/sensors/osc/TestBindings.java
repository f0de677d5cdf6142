package org.vernissage.sensors.osc;

import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.MidiMessageKind;
import org.vernissage.engine.binding.MidiSelector;
import org.vernissage.engine.binding.OscSelector;

/** Bindings for the OSC tests: the router reads only the selector, the rest is filler. */
final class TestBindings {

    private TestBindings() {
    }

    static BindingSpec osc(String address, int argument) {
        return new BindingSpec(new OscSelector(address, argument), "level", 0, ConditioningSpec.linear(0, 1, 0, 1));
    }

    static BindingSpec osc(String address) {
        return osc(address, 0);
    }

    /** A binding of another adapter's kind, which the OSC router must skip (keeping channel numbers). */
    static BindingSpec midi(int controller) {
        return new BindingSpec(new MidiSelector(MidiMessageKind.CC, controller, MidiSelector.ANY_CHANNEL),
                "level", 0, ConditioningSpec.linear(0, 127, 0, 1));
    }
}
