package org.vernissage.models.wekinator;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.Agent;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.pipeline.event.ModelCommandFlyweight;
import org.vernissage.engine.pipeline.event.ModelInputFlyweight;
import org.vernissage.models.interact.ModelCommand;
import org.vernissage.models.run.ModelBinding;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscMessageView;
import org.vernissage.osc.OscPacketReader;

/**
 * Wekinator's OSC protocol on a UDP port ({@code --wekinator[=PORT]}, 6448 as Wekinator), so a
 * feature extractor sending {@code /wek/inputs} and a controller sending
 * {@code /wekinator/control/...} work against the engine unchanged. Every message becomes events
 * in the input ring, one all-or-nothing batch per message, for the conductor's model stage:
 *
 * <ul>
 *   <li>{@code /wek/inputs f...}: the Wekinator model's input vector ({@code MODEL_INPUT} events);
 *       for a declared model whose inputs are parameters, the values of those parameters.</li>
 *   <li>{@code /wekinator/control/outputs f...}: the output values to record, 0..1 mapped onto
 *       each output parameter's range ({@code PARAMETER_SET}).</li>
 *   <li>{@code startRecording}, {@code stopRecording}, {@code train}, {@code cancelTrain},
 *       {@code startRunning}, {@code stopRunning}, {@code deleteAllExamples},
 *       {@code startDtwRecording i} (the gesture's class, 1 if absent), {@code stopDtwRecording}:
 *       {@code MODEL_COMMAND} events.</li>
 *   <li>{@code setOutputNames s...}: which parameters the outputs are (each must be a float
 *       parameter of the artwork); {@code setInputNames s...}: noted (the examples file names
 *       inputs by position).</li>
 *   <li>{@code /vernissage/<id>/model/<name>/<command>} (see {@link ModelCommand#oscName()}): a
 *       command for any model of the show by name.</li>
 * </ul>
 * A message with an unknown address or a wrong argument is counted and logged once per kind,
 * naming it and what was expected; the show goes on.
 *
 * <p>Its receiving agent runs on its own thread ("vernissage-wekinator", idling on a selector).
 * Made, started and closed on the thread assembling the run; the counters are read by any thread.
 * Allocates nothing per {@code /wek/inputs} message (the names of {@code setOutputNames} are
 * decoded as strings: a rare control message).
 */
public final class WekinatorEndpoint implements AutoCloseable {

    /** Wekinator's own input port. */
    public static final int DEFAULT_PORT = 6448;
    private static final Logger LOG = System.getLogger(WekinatorEndpoint.class.getName());
    private static final int MAX_PACKET = 65_536;
    private static final int MAX_DATAGRAMS_PER_CYCLE = 256;
    private static final String CONTROL = "/wekinator/control/";

    private static final byte[] INPUTS = bytes("/wek/inputs");
    private static final byte[] OUTPUTS = bytes(CONTROL + "outputs");
    private static final byte[] SET_OUTPUT_NAMES = bytes(CONTROL + "setOutputNames");
    private static final byte[] SET_INPUT_NAMES = bytes(CONTROL + "setInputNames");
    private static final byte[] START_DTW = bytes(CONTROL + "startDtwRecording");
    private static final byte[][] CONTROLS = {
        bytes(CONTROL + "startRecording"), bytes(CONTROL + "stopRecording"), bytes(CONTROL + "train"),
        bytes(CONTROL + "cancelTrain"), bytes(CONTROL + "startRunning"), bytes(CONTROL + "stopRunning"),
        bytes(CONTROL + "deleteAllExamples"), bytes(CONTROL + "stopDtwRecording")};
    private static final ModelCommand[] CONTROL_COMMANDS = {
        ModelCommand.RECORD_ON, ModelCommand.RECORD_OFF, ModelCommand.TRAIN, ModelCommand.CANCEL,
        ModelCommand.RUN_ON, ModelCommand.RUN_OFF, ModelCommand.DELETE_ALL, ModelCommand.RECORD_OFF};

    private final String host;
    private final int requestedPort;
    private final InputSink sink;
    private final Clock clock;
    private final ParameterLayout layout;
    private final ModelBinding target;
    private final byte[][] commandAddresses;
    private final int[] commandModel;
    private final ModelCommand[] commandOf;
    private final WekinatorOutputMap outputs;
    private final Handler handler = new Handler();
    private final OscPacketReader reader = new OscPacketReader();
    private final ByteBuffer datagram = ByteBuffer.allocateDirect(MAX_PACKET);
    private final InputBatch batch = new InputBatch(32);
    private final ModelInputFlyweight input = new ModelInputFlyweight();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong malformedPackets = new AtomicLong();
    private final WekinatorProblems problems = new WekinatorProblems(LOG);
    private volatile DatagramChannel channel;
    private volatile int boundPort;
    private AgentThread thread;

    /**
     * @param target the model Wekinator drives (the default one when the artwork declares none)
     * @param models every model of the show, for {@code /vernissage/<id>/model/<name>/<command>}
     * @param outputs the target's outputs, shared with the {@code /wek/outputs} sender
     */
    public WekinatorEndpoint(String host, int port, String artworkId, ModelBinding target, List<ModelBinding> models,
                             WekinatorOutputMap outputs, ParameterLayout layout, InputSink sink, Clock clock) {
        this.host = host;
        this.requestedPort = port;
        this.target = target;
        this.outputs = outputs;
        this.layout = layout;
        this.sink = sink;
        this.clock = clock;
        List<byte[]> addresses = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<ModelCommand> commands = new ArrayList<>();
        for (ModelBinding model : models) {
            for (ModelCommand command : ModelCommand.values()) {
                addresses.add(bytes("/vernissage/" + artworkId + "/model/" + model.name() + "/" + command.oscName()));
                owners.add(model.index());
                commands.add(command);
            }
        }
        this.commandAddresses = addresses.toArray(byte[][]::new);
        this.commandModel = owners.stream().mapToInt(Integer::intValue).toArray();
        this.commandOf = commands.toArray(ModelCommand[]::new);
    }

    private static byte[] bytes(String address) {
        return address.getBytes(StandardCharsets.US_ASCII);
    }

    /** Binds the port and starts receiving on "vernissage-wekinator". */
    public void start() throws IOException {
        DatagramChannel opened = DatagramChannel.open();
        try {
            opened.configureBlocking(false);
            opened.bind(new InetSocketAddress(host, requestedPort));
        } catch (IOException e) {
            opened.close();
            throw new IOException("Wekinator endpoint cannot bind UDP " + host + ":" + requestedPort + ": "
                    + e.getMessage() + (requestedPort == DEFAULT_PORT ? " (is Wekinator itself running?)" : ""), e);
        }
        channel = opened;
        boundPort = ((InetSocketAddress) opened.getLocalAddress()).getPort();
        thread = AgentThread.selecting("vernissage-wekinator", Duration.ofSeconds(1));
        thread.add(new SupervisedAgent(new Receiving(), LOG));
    }

    /** The port it listens on (the one picked when 0 was asked). */
    public int port() {
        return boundPort;
    }

    /** Messages taken. Any thread. */
    public long messages() {
        return messages.get();
    }

    /** Messages refused: unknown address, wrong arguments, unknown output name. Any thread. */
    public long badMessages() {
        return problems.total();
    }

    /** Packets that are not OSC. Any thread. */
    public long malformedPackets() {
        return malformedPackets.get();
    }

    /** Messages the ring had no room for. Any thread. */
    public long refused() {
        return refused.get();
    }

    /** One statistics line. */
    public String describe() {
        return String.format("wekinator :%d: %,d messages, %,d refused (unknown address or bad arguments), "
                + "%,d not OSC, %,d lost (ring full)", boundPort, messages(), badMessages(), malformedPackets(), refused());
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.close();
        }
        DatagramChannel open = channel;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing the Wekinator socket", e);
            }
        }
    }

    // ---- the receiving thread only ------------------------------------------------------------

    private final class Receiving implements Agent {

        @Override
        public void onStart() {
            try {
                channel.register(thread.selector(), SelectionKey.OP_READ);
            } catch (IOException e) {
                throw new IllegalStateException("cannot watch Wekinator port " + boundPort + ": " + e, e);
            }
        }

        @Override
        public int doWork() throws IOException {
            int read = 0;
            while (read < MAX_DATAGRAMS_PER_CYCLE) {
                datagram.clear();
                SocketAddress sender = channel.receive(datagram);
                if (sender == null) {
                    return read;
                }
                long now = clock.nanos();
                if (!reader.read(datagram, 0, datagram.position(), now, handler)) {
                    malformedPackets.lazySet(malformedPackets.get() + 1);
                    problems.notOsc(reader.rejection());
                }
                read++;
            }
            return read;
        }

        @Override
        public String roleName() {
            return "wekinator-" + boundPort;
        }
    }

    private final class Handler implements OscMessageHandler {

        @Override
        public void onMessage(OscMessageView message, long timeTag, long arrivalNanos) {
            batch.clear(arrivalNanos);
            boolean taken = stage(message);
            if (!taken) {
                return;
            }
            messages.lazySet(messages.get() + 1);
            if (batch.size() > 0 && !sink.offer(batch)) {
                refused.lazySet(refused.get() + 1);
            }
        }

        private boolean stage(OscMessageView message) {
            if (message.addressEquals(INPUTS)) {
                return inputs(message);
            }
            if (message.addressEquals(OUTPUTS)) {
                return outputValues(message);
            }
            for (int i = 0; i < CONTROLS.length; i++) {
                if (message.addressEquals(CONTROLS[i])) {
                    return command(target.index(), CONTROL_COMMANDS[i], 0);
                }
            }
            if (message.addressEquals(START_DTW)) {
                int classNumber = message.isNumeric(0) ? (int) message.numericArgument(0) : 1;
                return command(target.index(), ModelCommand.RECORD_CLASS, Math.max(1, classNumber));
            }
            if (message.addressEquals(SET_OUTPUT_NAMES)) {
                return setOutputNames(message);
            }
            if (message.addressEquals(SET_INPUT_NAMES)) {
                return true; // the examples file names inputs by position; nothing to change in the show
            }
            for (int i = 0; i < commandAddresses.length; i++) {
                if (message.addressEquals(commandAddresses[i])) {
                    return command(commandModel[i], commandOf[i], message.isNumeric(0) ? (int) message.numericArgument(0) : 0);
                }
            }
            problems.unknownAddress(message);
            return false;
        }

        private boolean inputs(OscMessageView message) {
            int n = message.argumentCount();
            for (int i = 0; i < n; i++) {
                if (!message.isNumeric(i)) {
                    problems.notNumbers(message, i);
                    return false;
                }
            }
            if (target.externalInputs()) {
                if (n < 1 || n > Math.min(target.maxInputs(), ModelInputFlyweight.MAX_TOTAL)) {
                    problems.inputCount(message, n, target.maxInputs());
                    return false;
                }
                for (int first = 0; first < n; first += ModelInputFlyweight.MAX_INPUTS) {
                    InputEvent event = batch.add(EventKinds.MODEL_INPUT, ModelInputFlyweight.LENGTH, InputBatch.IMMEDIATELY);
                    input.wrap(event).reset(target.index(), first, n);
                    for (int i = 0; i < ModelInputFlyweight.MAX_INPUTS && first + i < n; i++) {
                        input.input(i, (float) message.numericArgument(first + i));
                    }
                }
                return true;
            }
            int[] slots = outputs.inputSlots();
            if (n != slots.length) {
                problems.inputCount(message, n, slots.length);
                return false;
            }
            for (int i = 0; i < n; i++) {
                batch.addParameter(slots[i], (float) message.numericArgument(i), InputBatch.IMMEDIATELY);
            }
            return true;
        }

        private boolean outputValues(OscMessageView message) {
            int n = message.argumentCount();
            int count = outputs.count();
            if (n != count) {
                problems.outputCount(message, n, count);
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!message.isNumeric(i)) {
                    problems.notNumbers(message, i);
                    return false;
                }
            }
            for (int i = 0; i < n; i++) {
                batch.addParameter(outputs.slot(i), outputs.toParameter(i, (float) message.numericArgument(i)),
                        InputBatch.IMMEDIATELY);
            }
            return true;
        }

        private boolean command(int model, ModelCommand command, int a) {
            InputEvent event = batch.add(EventKinds.MODEL_COMMAND, ModelCommandFlyweight.LENGTH, InputBatch.IMMEDIATELY);
            ModelCommandFlyweight.encode(event, model, command.code(), a, 0, 0f);
            return true;
        }

        private boolean setOutputNames(OscMessageView message) {
            int n = message.argumentCount();
            if (n < 1 || n > ModelBinding.MAX_OUTPUTS) {
                problems.outputNames(message, "1 to " + ModelBinding.MAX_OUTPUTS + " names, got " + n);
                return false;
            }
            int[] slots = new int[n];
            for (int i = 0; i < n; i++) {
                char tag = message.typeTag(i);
                if (tag != 's' && tag != 'S') {
                    problems.outputNames(message, "strings (names of float parameters), argument " + i + " is '" + tag + "'");
                    return false;
                }
                String name = string(message, i);
                Optional<Integer> parameter = layout.indexOf(name);
                if (parameter.isEmpty() || layout.specs().get(parameter.get()).type() != ParameterType.FLOAT) {
                    problems.outputNames(message, "names of float parameters of the artwork ("
                            + floatNames() + "), '" + name + "' is not one");
                    return false;
                }
                slots[i] = layout.offset(parameter.get());
            }
            outputs.set(slots, layout);
            for (int i = 0; i < n; i++) {
                InputEvent event = batch.add(EventKinds.MODEL_COMMAND, ModelCommandFlyweight.LENGTH, InputBatch.IMMEDIATELY);
                ModelCommandFlyweight.encode(event, target.index(), ModelCommand.OUTPUT.code(), i, slots[i], n);
            }
            return true;
        }

        private String floatNames() {
            return String.join(", ", layout.specs().stream().filter(s -> s.type() == ParameterType.FLOAT)
                    .map(ParameterSpec::name).toList());
        }

        private static String string(OscMessageView message, int index) {
            int length = message.stringLength(index);
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                bytes[i] = message.stringByte(index, i);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
