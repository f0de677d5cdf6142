package org.vernissage.models.interact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;

/** setOutputNames as the trainer receives it: one OUTPUT command per output, the last completing the list. */
class OutputNamesTest {

    // Slots 0-1 a vec2 "centre", 2 "energy", 3 "hue".
    private static final ParameterLayout SLOTS = new ParameterLayout(List.of(
            new ParameterSpec("centre", ParameterType.VEC2, 0f, 1f, new float[] {0f, 0f}, "", ""),
            new ParameterSpec("energy", ParameterType.FLOAT, 0f, 1f, new float[] {0f}, "", ""),
            new ParameterSpec("hue", ParameterType.FLOAT, 0f, 1f, new float[] {0f}, "", "")));

    @Test
    void theLastOutputCompletesTheNewListAndAnUnchangedListIsNoChange() {
        OutputNames names = new OutputNames(List.of("energy", "hue"));
        assertFalse(names.receive(0, 3, 2, SLOTS), "one of two: not complete yet");
        assertEquals(List.of("energy", "hue"), names.current(), "the old names until the list is whole");
        assertTrue(names.receive(1, 2, 2, SLOTS));
        assertEquals(List.of("hue", "energy"), names.current());
        assertFalse(names.receive(0, 3, 2, SLOTS));
        assertFalse(names.receive(1, 2, 2, SLOTS), "the same list again changes nothing");
    }

    @Test
    void aSlotThatStartsNoParameterGetsAGenericName() {
        OutputNames names = new OutputNames(List.of("energy"));
        assertFalse(names.receive(0, 1, 2, SLOTS)); // the vec2's second slot: no parameter starts there
        assertTrue(names.receive(1, 9, 2, SLOTS));  // past the last slot
        assertEquals(List.of("output_1", "output_2"), names.current());
    }
}
