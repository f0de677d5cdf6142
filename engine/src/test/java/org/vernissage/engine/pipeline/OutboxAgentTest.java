package org.vernissage.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ParameterSetFlyweight;

/** The outbox's one consumer routes each envelope to the listeners of its kind, in order. */
class OutboxAgentTest {

    private final Outbox outbox = new Outbox(16);
    private final OutboxAgent agent = new OutboxAgent(outbox);

    private void postParameter(int slot, float value) {
        InputEvent event = outbox.claim(EventKinds.PARAMETER_SET, 1L);
        ParameterSetFlyweight.encode(event, slot, value);
        outbox.commit();
    }

    @Test
    void routesByKindToEveryListenerInOrderAndCountsTheUnheard() {
        List<String> heard = new ArrayList<>();
        ParameterSetFlyweight reader = new ParameterSetFlyweight();
        agent.listen(EventKinds.PARAMETER_SET, e -> heard.add("a" + reader.wrap(e).slot()));
        agent.listen(EventKinds.PARAMETER_SET, e -> heard.add("b" + reader.wrap(e).slot()));
        agent.onStart();

        postParameter(3, 1f);
        postParameter(4, 2f);
        outbox.claim(EventKinds.CONSOLE_REPLY, 2L);
        outbox.commit();

        assertEquals(3, agent.doWork());
        assertEquals(List.of("a3", "b3", "a4", "b4"), heard);
        assertEquals(1, agent.unheard());
        assertEquals(0, agent.doWork(), "nothing waits: the cycle does no work");
    }

    @Test
    void aListenerThatThrowsLosesOneEnvelopeAndTheNextStillArrives() {
        List<Float> heard = new ArrayList<>();
        ParameterSetFlyweight reader = new ParameterSetFlyweight();
        agent.listen(EventKinds.PARAMETER_SET, e -> {
            float value = reader.wrap(e).value();
            if (value < 0) {
                throw new IllegalStateException("a listener's bug");
            }
            heard.add(value);
        });
        agent.onStart();
        postParameter(0, -1f);
        postParameter(0, 5f);

        agent.doWork();

        assertEquals(List.of(5f), heard);
        assertEquals(1, outbox.faults().total());
    }

    @Test
    void listenersAreWiredBeforeTheAgentStarts() {
        agent.onStart();
        assertThrows(IllegalStateException.class, () -> agent.listen(EventKinds.PARAMETER_SET, e -> { }));
        assertThrows(IllegalArgumentException.class, () -> new OutboxAgent(outbox).listen(0, e -> { }));
    }
}
