package org.vernissage.engine.pipeline.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;

/** The payloads of kinds 9 (MODEL_INPUT) and 10 (MODEL_COMMAND): written and read back, within 64 bytes. */
class ModelEventFlyweightsTest {

    @Test
    void aModelInputChunkRoundTrips() {
        InputEvent event = new InputEvent().begin(EventKinds.MODEL_INPUT, ModelInputFlyweight.LENGTH, 7L,
                InputBatch.IMMEDIATELY, true);
        ModelInputFlyweight input = new ModelInputFlyweight().wrap(event).reset(3, 14, 20);
        for (int i = 0; i < 6; i++) {
            input.input(i, i * 0.5f);
        }
        ModelInputFlyweight read = new ModelInputFlyweight().wrap(event);
        assertEquals(3, read.model());
        assertEquals(14, read.first());
        assertEquals(6, read.count());
        assertEquals(20, read.total());
        assertEquals(2.5f, read.input(5));
        assertEquals(64, EventKinds.payloadLength(EventKinds.MODEL_INPUT), "fills a slot's payload exactly");
        assertEquals("MODEL_INPUT", EventKinds.name(9));
        assertThrows(IndexOutOfBoundsException.class, () -> input.input(ModelInputFlyweight.MAX_INPUTS, 1f));
        assertThrows(IllegalArgumentException.class, () -> input.reset(0, 0, ModelInputFlyweight.MAX_TOTAL + 1));
    }

    @Test
    void aModelCommandRoundTrips() {
        InputEvent event = new InputEvent().begin(EventKinds.MODEL_COMMAND, ModelCommandFlyweight.LENGTH, 7L,
                InputBatch.IMMEDIATELY, false);
        ModelCommandFlyweight.encode(event, 2, 12, 1, 40, 3f);
        ModelCommandFlyweight read = new ModelCommandFlyweight().wrap(event);
        assertEquals(2, read.model());
        assertEquals(12, read.command());
        assertEquals(1, read.a());
        assertEquals(40, read.b());
        assertEquals(3f, read.value());
        assertEquals(ModelCommandFlyweight.LENGTH, EventKinds.payloadLength(10));
        assertEquals("MODEL_COMMAND", EventKinds.name(10));
        assertEquals("KIND_11", EventKinds.name(11), "11 and 12 are the cues' to declare");
    }
}
