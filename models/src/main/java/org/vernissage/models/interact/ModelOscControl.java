package org.vernissage.models.interact;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ModelCommandFlyweight;
import org.vernissage.models.run.ModelBinding;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscMessageView;

/**
 * The models' commands on the run's own OSC ports: {@code /vernissage/<id>/model/<name>/<command>}
 * (see {@link ModelCommand#oscName()}; {@code record-class} takes the class number as its first
 * argument) becomes one {@code MODEL_COMMAND} event in the input ring. The sensors' OSC router
 * hands it every message under {@code /vernissage/<id>/model/}.
 *
 * <p>Called on every OSC receiving thread (the conductor's, a TCP server's): each thread gets its
 * own batch on its first message (a thread-local); nothing else is allocated per message. An
 * unknown model or command is counted and logged once, naming the address and what was expected.
 */
public final class ModelOscControl implements OscMessageHandler {

    private static final Logger LOG = System.getLogger(ModelOscControl.class.getName());

    private final byte[][] addresses;
    private final int[] models;
    private final ModelCommand[] commands;
    private final InputSink sink;
    private final ThreadLocal<InputBatch> batches = ThreadLocal.withInitial(() -> new InputBatch(1));
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final String expected;
    private volatile boolean unknownSaid;

    public ModelOscControl(String artworkId, List<ModelBinding> bindings, InputSink sink) {
        List<byte[]> all = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<ModelCommand> what = new ArrayList<>();
        for (ModelBinding model : bindings) {
            for (ModelCommand command : ModelCommand.values()) {
                all.add(("/vernissage/" + artworkId + "/model/" + model.name() + "/" + command.oscName())
                        .getBytes(StandardCharsets.US_ASCII));
                owners.add(model.index());
                what.add(command);
            }
        }
        this.addresses = all.toArray(byte[][]::new);
        this.models = owners.stream().mapToInt(Integer::intValue).toArray();
        this.commands = what.toArray(ModelCommand[]::new);
        this.sink = sink;
        this.expected = "/vernissage/" + artworkId + "/model/<" + String.join("|", bindings.stream().map(ModelBinding::name)
                .toList()) + ">/<" + String.join("|", java.util.Arrays.stream(ModelCommand.values())
                .filter(c -> c != ModelCommand.OUTPUT).map(ModelCommand::oscName).toList()) + ">";
    }

    @Override
    public void onMessage(OscMessageView message, long timeTag, long arrivalNanos) {
        for (int i = 0; i < addresses.length; i++) {
            if (message.addressEquals(addresses[i]) && commands[i] != ModelCommand.OUTPUT) {
                InputBatch batch = batches.get();
                batch.clear(arrivalNanos);
                int a = message.isNumeric(0) ? (int) message.numericArgument(0) : 0;
                InputEvent event = batch.add(EventKinds.MODEL_COMMAND, ModelCommandFlyweight.LENGTH, InputBatch.IMMEDIATELY);
                ModelCommandFlyweight.encode(event, models[i], commands[i].code(), a, 0, 0f);
                if (sink.offer(batch)) {
                    taken.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
                return;
            }
        }
        unknown.incrementAndGet();
        if (!unknownSaid) {
            unknownSaid = true;
            byte[] bytes = new byte[message.addressLength()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = message.addressByte(i);
            }
            LOG.log(Level.WARNING, "models: " + new String(bytes, StandardCharsets.US_ASCII) + " ignored: expected "
                    + expected + " (further unknown model addresses are counted, not logged)");
        }
    }

    /** Commands taken. Any thread. */
    public long taken() {
        return taken.get();
    }

    /** Messages naming no model or command of the show. Any thread. */
    public long unknown() {
        return unknown.get();
    }

    /** Commands the ring had no room for. Any thread. */
    public long refused() {
        return refused.get();
    }
}
