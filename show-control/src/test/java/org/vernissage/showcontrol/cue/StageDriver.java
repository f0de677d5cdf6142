package org.vernissage.showcontrol.cue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorStage;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.ConductorStages;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.Outbox;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;

/**
 * A real conductor with the cue stage in its place, driven on the test's thread exactly as the
 * ring's consumer thread drives it (onEvent per envelope, a snapshot at the end of each batch).
 * Public for the state package's tests, which add the persistence stage after it.
 */
public final class StageDriver {

    /** One reply or update taken from the outbox. */
    record Reply(int console, int command, long request, float[] args) {
        int status() {
            return Math.round(args[0]);
        }

        int reason() {
            return Math.round(args[1]);
        }

        int playhead() {
            return Math.round(args[2]);
        }

        int subject() {
            return Math.round(args[3]);
        }
    }

    final ParameterLayout layout;
    final CueStage stage;
    final SnapshotExchange snapshots;
    final Outbox outbox = new Outbox(1024);
    final Conductor conductor;
    private final InputEvent event = new InputEvent();
    private long sequence;
    private long frame;
    private long request;

    StageDriver(ParameterLayout layout, CueList cues, boolean updates) {
        this(layout, cues, updates, stage -> null);
    }

    /** With {@code last} (given the cue stage; null for none) after every other stage. */
    public StageDriver(ParameterLayout layout, CueList cues, boolean updates, Function<CueStage, ConductorStage> last) {
        this.layout = layout;
        this.stage = new CueStage(cues, layout, updates);
        float[] defaults = new float[layout.slotCount()];
        layout.copyDefaultsInto(defaults);
        this.snapshots = new SnapshotExchange(defaults);
        ConductorStages stages = ConductorStages.standard(ChannelConditioner.NONE).cuesAndFades(stage);
        ConductorStage then = last.apply(stage);
        if (then != null) {
            stages.then(then);
        }
        this.conductor = new Conductor(layout, snapshots, stages, ConductorSettings.DEFAULT, outbox,
                System.getLogger("test"));
    }

    /** The cue stage. */
    public CueStage stage() {
        return stage;
    }

    /** Every envelope of {@code batch}, in order, as the ring hands them over (one group). */
    public void offer(InputBatch batch) {
        for (int i = 0; i < batch.size(); i++) {
            event.copyFrom(batch.event(i));
            conductor.onEvent(event, sequence++, i == batch.size() - 1);
        }
    }

    /** A console command at {@code nanos}; returns its request id. */
    public long command(long nanos, int code, float... args) {
        ConsoleCommandFlyweight c = new ConsoleCommandFlyweight()
                .wrap(event.begin(EventKinds.CONSOLE_COMMAND, nanos, InputBatch.IMMEDIATELY, false))
                .reset(1, code, ++request);
        for (int i = 0; i < args.length; i++) {
            c.argument(i, args[i]);
        }
        conductor.onEvent(event, sequence++, true);
        return request;
    }

    void set(long nanos, int slot, float value) {
        event.setParameter(slot, value, nanos);
        conductor.onEvent(event, sequence++, true);
    }

    /** A frame mark whose horizon is {@code horizon}: time moves on to it. */
    public void frame(long horizon) {
        event.setFrame(frame++, horizon, horizon, 0);
        conductor.onEvent(event, sequence++, true);
    }

    public float value(int slot) {
        return snapshots.latch().value(slot);
    }

    List<Reply> drain() {
        List<Reply> out = new ArrayList<>();
        ConsoleCommandFlyweight r = new ConsoleCommandFlyweight();
        outbox.drain(e -> {
            r.wrap(e);
            float[] args = new float[r.count()];
            for (int i = 0; i < args.length; i++) {
                args[i] = r.argument(i);
            }
            return out.add(new Reply(r.console(), r.command(), r.requestId(), args));
        });
        return out;
    }

    /** The replies only (not updates). */
    List<Reply> replies() {
        return drain().stream().filter(r -> r.request() != ControlCommands.UPDATE_REQUEST).toList();
    }
}
