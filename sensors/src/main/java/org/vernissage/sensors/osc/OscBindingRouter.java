package org.vernissage.sensors.osc;

import java.lang.System.Logger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.OscSelector;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscMessageView;
import org.vernissage.osc.OscPacketReader;
import org.vernissage.osc.OscPatternMatcher;
import org.vernissage.sensors.FirstOccurrenceLog;

/**
 * Turns OSC packets into raw binding-channel values on the input ring. The artwork's bindings
 * whose selector is an {@link OscSelector} are resolved once, at construction: a binding's index
 * in the list is its channel, its selector names an address (or address pattern) and the argument
 * to read. Per message, the raw number of that argument is published, unscaled (the conductor's
 * conditioner scales it); no String, no boxing, no allocation in steady state.
 *
 * <p>Matching, both ways of OSC 1.0 (see {@link OscPatternMatcher} for the syntax):
 * <ul>
 *   <li>a literal incoming address is looked up in an open-addressing table keyed on the address
 *       bytes, hashed where they lie; then every binding whose address is a pattern is matched
 *       against it ({@code /fader*} binds {@code /fader1}, {@code /fader2}, ...);</li>
 *   <li>an incoming address that is itself a pattern is dispatched to every bound literal address
 *       it matches (a pattern never matches a binding's pattern). A malformed incoming pattern is
 *       dropped as {@link OscDropReason#BAD_PATTERN}, one longer than
 *       {@link OscPatternMatcher#MAX_PATTERN_LENGTH} as {@link OscDropReason#PATTERN_TOO_LONG}.</li>
 * </ul>
 * All the matching for one message shares a budget of {@link #MATCH_STEP_BUDGET} matcher steps;
 * a message that needs more is dropped as {@link OscDropReason#MATCH_TOO_COSTLY} (or, when some
 * bindings already got its values, logged as such), so one hostile datagram costs the receiving
 * thread tens of microseconds at most.
 * Several bindings may share one address (one fader driving two parameters, or {@code /xy}
 * argument 0 and argument 1); each gets its value.
 *
 * <p>Arguments are counted by type tag, array brackets included ({@code ,[ff]}: argument 1 is the
 * first float). Numbers are i f h d, c (its character code), T (1) and F (0), see
 * {@link OscMessageView#isNumeric}; anything else is {@link OscDropReason#NOT_NUMERIC}, and NaN or
 * infinity (a double beyond float range included) is {@link OscDropReason#NOT_FINITE}, as it would
 * poison the conditioner's filters.
 *
 * <p>Packets apply atomically and on time: every value of one packet is staged in one
 * pre-allocated {@link InputBatch} and offered with {@link InputSink#offer(InputBatch)}, all or
 * nothing, at the end of the packet (a packet with a single immediate value takes
 * {@link InputSink#offerChannel} instead, the same thing for one value). Each value carries the
 * due time of its innermost bundle's time tag, mapped onto the engine clock by
 * {@link OscTimeTags}; the conductor holds values due after the next frame until then.
 *
 * <p>Every parameter also answers, with no binding declared, at its own address
 * {@code /vernissage/<artwork id>/<name>} ({@link OscParameterAddresses}: the value in parameter
 * units, as a {@code PARAMETER_SET}; an event's message is one trigger). Declared bindings come
 * first: a message that a binding's address or pattern takes goes to the bindings only, so a
 * manifest may bind a parameter's own address to condition what arrives there. An incoming
 * address pattern reaches declared bindings only. Arguments that do not fit the parameter's type
 * are dropped as {@link OscDropReason#WRONG_ARGUMENTS}, the first logged with the address and what
 * the parameter takes.
 *
 * <p>Messages under {@code /vernissage/output/} go, before any of this and whatever bindings say,
 * to the output control handler given at construction (when one is), on this receiving thread.
 *
 * <p>Drops are counted per reason in {@link OscStats} and the first of each reason is logged with
 * the address and the binding concerned. A value refused by a full ring is never waited for: a
 * stale fader value is worth less than a live frame.
 *
 * <p>Built on the loading thread, then called only on the one receiving thread of the receiver it
 * is given to (UDP or TCP), because it writes that receiver's {@link OscStats} and reuses its
 * staging batch. One router per receiver; owned by the wiring that builds the receiver.
 */
public final class OscBindingRouter implements OscMessageHandler {

    /**
     * Values one packet may stage. The ring refuses a batch larger than itself, so this must not
     * exceed the ring's size (the app's is 4096).
     */
    public static final int DEFAULT_BATCH_CAPACITY = 1024;

    /**
     * Matcher steps one message's matching may take, across all the bindings it is matched with
     * (see {@link OscPatternMatcher#matches(ByteBuffer, int, int, ByteBuffer, int, int, long)}).
     * A real pattern costs a few to a few dozen steps per bound address.
     */
    public static final long MATCH_STEP_BUDGET = OscPatternMatcher.DEFAULT_STEP_BUDGET;

    private static final Logger LOG = System.getLogger(OscBindingRouter.class.getName());

    /** The outputs' address space, handed whole to the output control handler. */
    private static final byte[] OUTPUT_PREFIX = (OscParameterAddresses.PREFIX + OscParameterAddresses.OUTPUT_ID + "/")
            .getBytes(StandardCharsets.UTF_8);

    private final InputSink sink;
    private final OscStats stats;
    private final OscParameterAddresses parameters;
    private final OscMessageHandler outputControl; // may be null: no outputs to control
    /** {@code /vernissage/<id>/model/}: the models' commands, handed to the same control handler; null without an id. */
    private final byte[] modelPrefix;
    private final float[] decoded = new float[4];
    private final OscTimeTags timeTags;
    private final OscDrops drops;
    private final FirstOccurrenceLog firstTimings;
    private final OscPatternMatcher matcher = new OscPatternMatcher();
    private final InputBatch batch;

    // The OSC bindings, grouped by address so an address names a contiguous range.
    private final int[] channels;
    private final int[] arguments;

    // Distinct addresses: literal ones first [0, literalCount), then patterns.
    private final int literalCount;
    private final byte[][] addresses;
    private final ByteBuffer[] addressBuffers; // the same bytes, for the matcher
    private final int[] firstBinding;
    private final int[] bindingCount;

    // The literal addresses [0, literalCount), looked up where their bytes lie.
    private final OscAddressTable literals;

    // The packet being delivered (receiving thread only).
    private boolean inPacket;
    private long packetArrivalNanos;
    private int stagedMessages;
    private boolean overflowed;
    private long currentDue = InputBatch.IMMEDIATELY;
    private final long[] enclosingDues = new long[OscPacketReader.MAX_BUNDLE_DEPTH + 1];
    private int bundleDepth;

    // The message being routed (receiving thread only).
    private int stagedValues;
    private OscDropReason firstProblem;
    private int problemBinding;
    private int problemParameter;
    private long matchStepsLeft;

    /**
     * @param bindings the artwork's bindings, in manifest order (a binding's index is its
     *     channel); those whose selector is not an {@link OscSelector} are ignored
     * @param timeTags maps bundle time tags onto the engine clock; one per router
     * @throws IllegalArgumentException naming the binding, when an OSC address does not start
     *     with '/', contains a NUL or is a malformed pattern
     */
    public OscBindingRouter(List<BindingSpec> bindings, InputSink sink, OscStats stats,
                            OscTimeTags timeTags) {
        this(bindings, OscParameterAddresses.NONE, null, sink, stats, timeTags);
    }

    /**
     * As above, and every parameter of {@code parameters} answers at its own address; messages
     * under {@code /vernissage/output/} and {@code /vernissage/<id>/model/} (the models' commands)
     * go to {@code outputControl}.
     *
     * @param parameters the parameters' own addresses ({@link OscParameterAddresses#NONE}: none)
     * @param outputControl takes the messages under {@code /vernissage/output/} and
     *     {@code /vernissage/<id>/model/}, on the receiving thread; null when there is nothing to
     *     control (they are then routed like any other)
     */
    public OscBindingRouter(List<BindingSpec> bindings, OscParameterAddresses parameters,
                            OscMessageHandler outputControl, InputSink sink, OscStats stats,
                            OscTimeTags timeTags) {
        this(bindings, parameters, outputControl, sink, stats, timeTags, DEFAULT_BATCH_CAPACITY, LOG);
    }

    OscBindingRouter(List<BindingSpec> bindings, InputSink sink, OscStats stats, OscTimeTags timeTags,
                     int batchCapacity, Logger logger) {
        this(bindings, OscParameterAddresses.NONE, null, sink, stats, timeTags, batchCapacity, logger);
    }

    OscBindingRouter(List<BindingSpec> bindings, OscParameterAddresses parameters, OscMessageHandler outputControl,
                     InputSink sink, OscStats stats, OscTimeTags timeTags, int batchCapacity, Logger logger) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.outputControl = outputControl;
        this.modelPrefix = parameters.artworkId().isEmpty() ? null
                : (OscParameterAddresses.PREFIX + parameters.artworkId() + "/model/").getBytes(StandardCharsets.UTF_8);
        this.sink = Objects.requireNonNull(sink, "sink");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.timeTags = Objects.requireNonNull(timeTags, "timeTags");
        this.firstTimings = new FirstOccurrenceLog(logger, OscBundleTiming.values().length);
        this.batch = new InputBatch(batchCapacity);

        Map<String, List<Integer>> byAddress = groupByAddress(bindings);
        int bound = byAddress.values().stream().mapToInt(List::size).sum();
        channels = new int[bound];
        arguments = new int[bound];
        String[] descriptions = new String[bound]; // for the drops' first lines only
        int distinct = byAddress.size();
        addresses = new byte[distinct][];
        addressBuffers = new ByteBuffer[distinct];
        firstBinding = new int[distinct];
        bindingCount = new int[distinct];

        int literals = 0;
        int next = 0;
        int address = 0;
        // Two passes keep literal addresses in front of patterns.
        for (boolean patterns : new boolean[] {false, true}) {
            for (Map.Entry<String, List<Integer>> entry : byAddress.entrySet()) {
                if (OscPatternMatcher.isPattern(entry.getKey()) != patterns) {
                    continue;
                }
                byte[] bytes = entry.getKey().getBytes(StandardCharsets.UTF_8);
                addresses[address] = bytes;
                addressBuffers[address] = ByteBuffer.wrap(bytes);
                firstBinding[address] = next;
                bindingCount[address] = entry.getValue().size();
                for (int channel : entry.getValue()) {
                    BindingSpec binding = bindings.get(channel);
                    channels[next] = channel;
                    arguments[next] = ((OscSelector) binding.from()).argument();
                    descriptions[next] = "binding " + channel + " (" + binding.describe() + ")";
                    next++;
                }
                if (!patterns) {
                    literals++;
                }
                address++;
            }
        }
        literalCount = literals;
        this.literals = new OscAddressTable(Arrays.copyOf(addresses, literals));
        this.drops = new OscDrops(stats, parameters, descriptions, arguments, batchCapacity, logger);
    }

    /** How many OSC bindings were resolved. */
    public int bindingCount() {
        return channels.length;
    }

    /** How many of the distinct bound addresses are patterns. */
    public int patternCount() {
        return addresses.length - literalCount;
    }

    // ---- the packet ---------------------------------------------------------------------------

    @Override
    public void onPacketStart(long arrivalNanos) {
        inPacket = true;
        packetArrivalNanos = arrivalNanos;
        batch.clear(arrivalNanos);
        stagedMessages = 0;
        overflowed = false;
        bundleDepth = 0;
        currentDue = InputBatch.IMMEDIATELY;
        timeTags.startPacket();
    }

    @Override
    public void onBundleStart(long timeTag) {
        if (bundleDepth < enclosingDues.length) { // the reader caps nesting below this
            enclosingDues[bundleDepth++] = currentDue;
        }
        currentDue = timeTags.dueNanos(timeTag);
        OscBundleTiming timing = timeTags.lastTiming();
        stats.bundleReceived(timing);
        if (timing == OscBundleTiming.TOO_FAR_AHEAD && firstTimings.first(timing)) {
            firstTimings.warn(stats.source() + ": an OSC bundle is time-tagged "
                    + timeTags.lastAheadNanos() / 1_000_000 + " ms ahead of this machine's clock,"
                    + " more than the " + timeTags.maxAheadNanos() / 1_000_000 + " ms it may be"
                    + " scheduled ahead; applied on arrival instead. Check the sender's clock;"
                    + " further such bundles are only counted");
        }
    }

    @Override
    public void onBundleEnd() {
        if (bundleDepth > 0) {
            currentDue = enclosingDues[--bundleDepth];
        }
    }

    @Override
    public void onPacketEnd(long arrivalNanos) {
        inPacket = false;
        if (overflowed) {
            drops.drop(OscDropReason.TOO_MANY_VALUES, stagedMessages, null, -1, -1);
            return;
        }
        int size = batch.size();
        if (size == 0) {
            return;
        }
        boolean accepted;
        if (size == 1 && batch.dueNanos(0) == InputBatch.IMMEDIATELY) {
            accepted = batch.kind(0) == EventKinds.PARAMETER_SET
                    ? sink.offerParameter(batch.parameterSlot(0), batch.parameterValue(0), packetArrivalNanos)
                    : sink.offerChannel(batch.channel(0), batch.value(0), packetArrivalNanos);
        } else {
            accepted = sink.offer(batch);
        }
        if (accepted) {
            stats.valuesOffered(size);
        } else {
            drops.drop(OscDropReason.RING_FULL, stagedMessages, null, -1, -1);
        }
    }

    // ---- one message --------------------------------------------------------------------------

    @Override
    public void onMessage(OscMessageView message, long timeTag, long arrivalNanos) {
        boolean alone = !inPacket; // called without the packet callbacks: a packet of its own
        if (alone) {
            onPacketStart(arrivalNanos);
        }
        stats.messageReceived();
        if (outputControl != null && (hasPrefix(message, OUTPUT_PREFIX)
                || modelPrefix != null && hasPrefix(message, modelPrefix))) {
            outputControl.onMessage(message, timeTag, arrivalNanos);
            endAlone(alone, arrivalNanos);
            return;
        }
        stagedValues = 0;
        firstProblem = null;
        problemBinding = -1;
        problemParameter = -1;
        matchStepsLeft = MATCH_STEP_BUDGET;
        ByteBuffer buffer = message.buffer();
        int at = message.addressOffset();
        int length = message.addressLength();
        boolean matched;
        if (OscPatternMatcher.isPattern(buffer, at, length)) {
            if (matcher.validate(buffer, at, length) >= 0) {
                drops.drop(matcher.problem() == OscPatternMatcher.Problem.TOO_LONG
                        ? OscDropReason.PATTERN_TOO_LONG : OscDropReason.BAD_PATTERN, 1, message, -1, -1);
                endAlone(alone, arrivalNanos);
                return;
            }
            matched = dispatchPattern(message, buffer, at, length);
        } else {
            matched = dispatchLiteral(message, buffer, at, length);
        }
        if (matchStepsLeft < 0) {
            problem(OscDropReason.MATCH_TOO_COSTLY, -1);
        }
        if (!matched && matchStepsLeft >= 0) {
            drops.drop(OscDropReason.NO_BINDING, 1, message, -1, -1);
        } else if (stagedValues > 0) {
            stagedMessages++;
            if (firstProblem != null) {
                drops.logFirst(firstProblem, message, problemBinding, problemParameter); // partly applied: say so, once
            }
        } else if (firstProblem != null) {
            drops.drop(firstProblem, 1, message, problemBinding, problemParameter);
        }
        endAlone(alone, arrivalNanos);
    }

    private void endAlone(boolean alone, long arrivalNanos) {
        if (alone) {
            onPacketEnd(arrivalNanos);
        }
    }

    /**
     * A literal address: the table, then every bound pattern; when no binding takes it, the
     * parameter whose own address it is.
     */
    private boolean dispatchLiteral(OscMessageView message, ByteBuffer buffer, int at, int length) {
        boolean matched = false;
        int address = literals.find(message);
        if (address >= 0) {
            stageAddress(message, address);
            matched = true;
        }
        for (int p = literalCount; p < addresses.length && matchStepsLeft >= 0; p++) {
            if (matches(addressBuffers[p], 0, addresses[p].length, buffer, at, length)) {
                stageAddress(message, p);
                matched = true;
            }
        }
        if (!matched && matchStepsLeft >= 0) {
            int parameter = parameters.find(message);
            if (parameter >= 0) {
                stageParameter(message, parameter);
                matched = true;
            }
        }
        return matched;
    }

    /** A parameter's own address: its value, all components or none, straight into its slots. */
    private void stageParameter(OscMessageView message, int parameter) {
        int components = parameters.decode(parameter, message, decoded);
        if (components < 0) {
            // Reached only when no binding took the message, so this is its first problem.
            problem(components == OscParameterAddresses.NOT_FINITE
                    ? OscDropReason.NOT_FINITE : OscDropReason.WRONG_ARGUMENTS, -1);
            problemParameter = parameter;
            return;
        }
        int slot = parameters.slot(parameter);
        for (int c = 0; c < components; c++) {
            if (!batch.addParameter(slot + c, decoded[c], currentDue)) {
                overflowed = true; // the whole packet will be refused at its end
            }
        }
        stagedValues += components;
    }

    private static boolean hasPrefix(OscMessageView message, byte[] prefix) {
        if (message.addressLength() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (message.addressByte(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** An incoming pattern: every bound literal address it matches. */
    private boolean dispatchPattern(OscMessageView message, ByteBuffer buffer, int at, int length) {
        boolean matched = false;
        for (int a = 0; a < literalCount && matchStepsLeft >= 0; a++) {
            if (matches(buffer, at, length, addressBuffers[a], 0, addresses[a].length)) {
                stageAddress(message, a);
                matched = true;
            }
        }
        return matched;
    }

    /** One match within what is left of the message's budget; a negative budget left means spent. */
    private boolean matches(ByteBuffer pattern, int patternAt, int patternLength, ByteBuffer text,
                            int textAt, int textLength) {
        boolean matched = matcher.matches(pattern, patternAt, patternLength, text, textAt, textLength,
                matchStepsLeft);
        matchStepsLeft = matcher.budgetExhausted() ? -1 : matchStepsLeft - matcher.lastSteps();
        return matched;
    }

    private void stageAddress(OscMessageView message, int address) {
        int end = firstBinding[address] + bindingCount[address];
        for (int b = firstBinding[address]; b < end; b++) {
            stageBinding(message, b);
        }
    }

    private void stageBinding(OscMessageView message, int b) {
        int argument = arguments[b];
        if (argument >= message.argumentCount()) {
            problem(OscDropReason.NO_ARGUMENT, b);
        } else if (!message.isNumeric(argument)) {
            problem(OscDropReason.NOT_NUMERIC, b);
        } else {
            float value = (float) message.numericArgument(argument);
            if (!Float.isFinite(value)) {
                // NaN or infinity would poison the conditioner's filters for good; refuse it here.
                problem(OscDropReason.NOT_FINITE, b);
            } else {
                if (!batch.addChannel(channels[b], value, currentDue)) {
                    overflowed = true; // the whole packet will be refused at its end
                }
                stagedValues++;
            }
        }
    }

    private void problem(OscDropReason reason, int binding) {
        if (firstProblem == null) {
            firstProblem = reason;
            problemBinding = binding;
        }
    }

    // ---- construction -------------------------------------------------------------------------

    /** OSC bindings by address, in first-seen order; values are channels (binding indexes). */
    private static Map<String, List<Integer>> groupByAddress(List<BindingSpec> bindings) {
        Map<String, List<Integer>> byAddress = new LinkedHashMap<>();
        for (int channel = 0; channel < bindings.size(); channel++) {
            BindingSpec binding = bindings.get(channel);
            if (!(binding.from() instanceof OscSelector selector)) {
                continue;
            }
            String address = selector.address();
            if (!address.startsWith("/") || address.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("binding " + channel + " (" + binding.describe()
                        + "): an OSC address starts with '/' and has no NUL");
            }
            if (OscPatternMatcher.isPattern(address)) {
                try {
                    OscPatternMatcher.requireValid(address);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("binding " + channel + " (" + binding.describe()
                            + "): " + e.getMessage(), e);
                }
            }
            byAddress.computeIfAbsent(address, a -> new ArrayList<>()).add(channel);
        }
        return byAddress;
    }
}
