package org.vernissage.showcontrol.oscquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.ConductorStages;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.Outbox;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ParameterSetFlyweight;

/**
 * The value report stage inside a real conductor, driven event by event on the test thread: what
 * it posts to the outbox (nothing while unwanted, a full report with its end marker when the
 * demand rises, then only changes; the rest of a report a frame later when the outbox is full)
 * and that a frame of it allocates nothing.
 */
class ValueReportStageTest {

    private static final int SLOTS = OscQueryRig.LAYOUT.slotCount();

    private final ValueDemand demand = new ValueDemand();
    private final InputEvent event = new InputEvent();
    private final ParameterSetFlyweight parameter = new ParameterSetFlyweight();
    private long frame;

    private Conductor conductor(Outbox outbox) {
        float[] defaults = new float[SLOTS];
        OscQueryRig.LAYOUT.copyDefaultsInto(defaults);
        return new Conductor(OscQueryRig.LAYOUT, new SnapshotExchange(defaults),
                ConductorStages.standard(ChannelConditioner.NONE).then(new ValueReportStage(demand, SLOTS)),
                ConductorSettings.DEFAULT, outbox, System.getLogger("test"));
    }

    private void set(Conductor conductor, int slot, float value) {
        event.setParameter(slot, value, frame);
        conductor.onEvent(event, 0, true);
    }

    private void frame(Conductor conductor) {
        frame++;
        event.setFrame(frame, frame * 1000, frame * 1000 + 1000, 0);
        conductor.onEvent(event, 0, true);
    }

    /** What the outbox holds, as "slot=value" lines, emptying it. */
    private List<String> drain(Outbox outbox) {
        List<String> posted = new ArrayList<>();
        outbox.drain(envelope -> {
            assertEquals(EventKinds.PARAMETER_SET, envelope.kind());
            parameter.wrap(envelope);
            posted.add(parameter.slot() + "=" + parameter.value());
            return true;
        });
        return posted;
    }

    @Test
    void postsNothingUnwantedThenAFullReportThenOnlyChanges() {
        Outbox outbox = new Outbox(64);
        Conductor conductor = conductor(outbox);
        set(conductor, OscQueryRig.LEVEL, 0.5f);
        frame(conductor);
        assertEquals(List.of(), drain(outbox), "nobody wants values");

        demand.want();
        frame(conductor);
        List<String> full = drain(outbox);
        assertEquals(SLOTS + 1, full.size(), full.toString());
        assertEquals("0=0.5", full.get(0));
        assertEquals(ValueReportStage.FULL_REPORT_END + "=" + (float) demand.generation(), full.get(SLOTS));

        frame(conductor);
        assertEquals(List.of(), drain(outbox), "nothing changed");
        set(conductor, OscQueryRig.WAVES, 7f);
        set(conductor, OscQueryRig.LEVEL, 0.25f);
        set(conductor, OscQueryRig.LEVEL, 0.75f); // two sets in one frame: the frame's value only
        frame(conductor);
        assertEquals(List.of("0=0.75", "1=7.0"), drain(outbox));

        demand.release();
        set(conductor, OscQueryRig.LEVEL, 0.125f);
        frame(conductor);
        assertEquals(List.of(), drain(outbox));
        demand.want(); // a new generation: everything again, the stale mirror made whole
        frame(conductor);
        assertEquals(SLOTS + 1, drain(outbox).size());
    }

    @Test
    void aFullOutboxDelaysTheRestOfTheReportToTheNextFrame() {
        Outbox outbox = new Outbox(8);
        Conductor conductor = conductor(outbox);
        assertTrue(SLOTS + 1 > 8, "the report must not fit");
        demand.want();
        frame(conductor);
        List<String> first = drain(outbox);
        assertEquals(8, first.size());
        frame(conductor);
        List<String> rest = drain(outbox);
        assertEquals(SLOTS + 1 - 8, rest.size(), rest.toString());
        assertTrue(rest.get(rest.size() - 1).startsWith(ValueReportStage.FULL_REPORT_END + "="), rest.toString());
        assertTrue(outbox.refused() > 0);
    }

    @Test
    void aFrameAllocatesNothing() {
        Outbox outbox = new Outbox(1024);
        Conductor conductor = conductor(outbox);
        demand.want();
        Outbox.Handler discard = envelope -> true;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        for (int i = 0; i < 20_000; i++) { // warm up: compiled, every branch taken
            set(conductor, OscQueryRig.LEVEL, (i % 100) / 100f);
            frame(conductor);
            outbox.drain(discard);
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 10_000; i++) {
            set(conductor, OscQueryRig.LEVEL, (i % 100) / 100f);
            set(conductor, OscQueryRig.TINT + 2, (i % 10) / 10f);
            frame(conductor);
            outbox.drain(discard);
        }
        long bytes = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(bytes < 10_000 * 2, "10,000 frames of value reports allocated " + bytes + " bytes");
    }
}
