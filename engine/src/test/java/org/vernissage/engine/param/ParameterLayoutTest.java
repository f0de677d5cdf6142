package org.vernissage.engine.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterLayoutTest {

    private static ParameterSpec spec(String name, ParameterType type, float min, float max, float... defaults) {
        return new ParameterSpec(name, type, min, max, defaults, "", "");
    }

    /** float(1) vec2(2) color(4) int(1) vec3(3) bool(1) = 12 slots. */
    private static List<ParameterSpec> mixed() {
        return List.of(
                spec("energy", ParameterType.FLOAT, 0, 1, 0.3f),
                spec("centre", ParameterType.VEC2, -2, 2, -0.5f, 1.5f),
                spec("tint", ParameterType.COLOR, 0, 1, 0.9f, 0.5f, 0.2f, 1f),
                spec("waves", ParameterType.INT, 1, 12, 4),
                spec("wind", ParameterType.VEC3, -10, 10, 1f, 0f, -1f),
                spec("calm", ParameterType.BOOL, 0, 1, 1f));
    }

    @Test
    void offsetsFollowTheComponentCountsOfMixedTypes() {
        ParameterLayout layout = new ParameterLayout(mixed());

        assertEquals(6, layout.parameterCount());
        assertEquals(0, layout.offset(0), "energy");
        assertEquals(1, layout.offset(1), "centre after a float");
        assertEquals(3, layout.offset(2), "tint after a vec2");
        assertEquals(7, layout.offset(3), "waves after a color (4)");
        assertEquals(8, layout.offset(4), "wind after an int");
        assertEquals(11, layout.offset(5), "calm after a vec3");
        assertEquals(12, layout.slotCount());
    }

    @Test
    void defaultsAreCopiedComponentByComponentIntoTheirSlots() {
        ParameterLayout layout = new ParameterLayout(mixed());
        float[] target = new float[layout.slotCount()];

        layout.copyDefaultsInto(target);

        assertArrayEquals(new float[] {0.3f, -0.5f, 1.5f, 0.9f, 0.5f, 0.2f, 1f, 4f, 1f, 0f, -1f, 1f}, target);
    }

    @Test
    void copyDefaultsLeavesSlotsBeyondTheLayoutAlone() {
        ParameterLayout layout = new ParameterLayout(List.of(spec("a", ParameterType.VEC2, 0, 1, 0.1f, 0.2f)));
        float[] target = {9, 9, 9};

        layout.copyDefaultsInto(target);

        assertArrayEquals(new float[] {0.1f, 0.2f, 9}, target);
    }

    @Test
    void clampUsesTheRangeOfTheParameterThatOwnsTheSlot() {
        ParameterLayout layout = new ParameterLayout(mixed());

        assertEquals(1f, layout.clamp(0, 7f), "energy 0..1");
        assertEquals(2f, layout.clamp(1, 7f), "centre.x -2..2");
        assertEquals(-2f, layout.clamp(2, -7f), "centre.y -2..2");
        assertEquals(1f, layout.clamp(3, 7f), "tint.r 0..1");
        assertEquals(0f, layout.clamp(6, -7f), "tint.a 0..1");
        assertEquals(12f, layout.clamp(7, 70f), "waves 1..12");
        assertEquals(1f, layout.clamp(7, -70f), "waves 1..12");
        assertEquals(7f, layout.clamp(8, 7f), "wind.x -10..10 keeps 7");
        assertEquals(-10f, layout.clamp(10, -70f), "wind.z -10..10");
        assertEquals(1f, layout.clamp(11, 3f), "calm 0..1");
        assertEquals(0.25f, layout.clamp(0, 0.25f), "in range stays as is");
        assertEquals(-1.5f, layout.clamp(1, -1.5f), "in range stays as is");
    }

    @Test
    void clampTakesInfinitiesToTheBoundsAndNanToTheSlotsDefault() {
        ParameterLayout layout = new ParameterLayout(mixed());

        assertEquals(2f, layout.clamp(1, Float.POSITIVE_INFINITY));
        assertEquals(-2f, layout.clamp(1, Float.NEGATIVE_INFINITY));
        assertEquals(0.3f, layout.clamp(0, Float.NaN));
        assertEquals(1.5f, layout.clamp(2, Float.NaN), "centre.y's own default component");
        assertEquals(0.2f, layout.clamp(5, Float.NaN), "tint.b's own default component");
        assertEquals(-1f, layout.clamp(10, Float.NaN), "wind.z's own default component");
    }

    @Test
    void indexOfFindsDeclaredNamesExactly() {
        ParameterLayout layout = new ParameterLayout(mixed());

        assertEquals(Optional.of(0), layout.indexOf("energy"));
        assertEquals(Optional.of(2), layout.indexOf("tint"));
        assertEquals(Optional.of(5), layout.indexOf("calm"));
        assertEquals(Optional.empty(), layout.indexOf("Energy"), "names are case-sensitive");
        assertEquals(Optional.empty(), layout.indexOf("missing"));
        assertEquals(Optional.empty(), layout.indexOf(""));
    }

    @Test
    void specsAreKeptInManifestOrderAndCannotBeChangedAfterwards() {
        List<ParameterSpec> declared = new ArrayList<>(mixed());
        ParameterLayout layout = new ParameterLayout(declared);

        declared.clear();

        assertEquals(mixed(), layout.specs());
        assertEquals(12, layout.slotCount());
        assertThrows(UnsupportedOperationException.class, () -> layout.specs().remove(0));
    }

    @Test
    void anEmptyLayoutHasNoSlots() {
        ParameterLayout layout = new ParameterLayout(List.of());

        assertEquals(0, layout.parameterCount());
        assertEquals(0, layout.slotCount());
        assertEquals(Optional.empty(), layout.indexOf("anything"));
        layout.copyDefaultsInto(new float[0]);
    }
}
