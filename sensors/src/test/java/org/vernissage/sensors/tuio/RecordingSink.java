package org.vernissage.sensors.tuio;

import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchPhase;

/** An {@link InputSink} that keeps a copy of every batch it accepts; it can be told to refuse. */
final class RecordingSink implements InputSink {

    /** One touch event as offered. */
    record Touch(TouchKind kind, TouchPhase phase, int source, long session, int classId, float x, float y,
                 float angle, float vx, float vy, long arrivalNanos) {

        /** e.g. "ADDED CURSOR 0/1" */
        String key() {
            return phase + " " + kind + " " + source + "/" + session;
        }
    }

    final List<List<Touch>> batches = new ArrayList<>();
    boolean refuse;
    int refused;

    @Override
    public boolean offer(InputBatch batch) {
        if (refuse) {
            refused++;
            return false;
        }
        List<Touch> copy = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (batch.kind(i) != EventKinds.TOUCH) {
                throw new AssertionError("TUIO offered a " + EventKinds.name(batch.kind(i)) + " event");
            }
            copy.add(new Touch(batch.touchKind(i), batch.phase(i), batch.source(i), batch.session(i),
                    batch.classId(i), batch.x(i), batch.y(i), batch.angle(i), batch.vx(i), batch.vy(i),
                    batch.arrivalNanos()));
        }
        batches.add(copy);
        return true;
    }

    @Override
    public boolean offerChannel(int channel, float value, long arrivalNanos) {
        throw new AssertionError("TUIO offers touch batches only");
    }

    @Override
    public boolean offerParameter(int slot, float value, long arrivalNanos) {
        throw new AssertionError("TUIO offers touch batches only");
    }

    /** The events of the last batch, as keys. */
    List<String> lastKeys() {
        return keys(last());
    }

    List<Touch> last() {
        if (batches.isEmpty()) {
            throw new AssertionError("no batch offered");
        }
        return batches.get(batches.size() - 1);
    }

    static List<String> keys(List<Touch> batch) {
        return batch.stream().map(Touch::key).toList();
    }

    void clear() {
        batches.clear();
    }
}
