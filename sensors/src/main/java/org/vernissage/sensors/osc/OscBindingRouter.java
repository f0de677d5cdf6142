package org.vernissage.sensors.osc;

import org.vernissage.sensors.FirstOccurrenceLog;
import java.lang.System.Logger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vernissage.engine.artwork.OscBindingSpec;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.pipeline.ParameterInput;

/**
 * Turns OSC messages into parameter values: the artwork's {@link OscBindingSpec}s are resolved
 * once, at construction, to snapshot slots and linear scales, and indexed in an open-addressing
 * table keyed on the address bytes. Per message it hashes the address in place, finds the
 * bindings, reads argument 0 as a number, scales it and offers it to the {@link ParameterInput};
 * no String, no boxing, no allocation. Several bindings may share one address (one fader driving
 * two parameters); each gets the value.
 *
 * <p>Addresses match exactly, byte for byte: OSC address patterns in incoming messages
 * ("/fader*") are not expanded. Bundle time tags are not scheduled: values apply on arrival (the
 * conductor owns timing).
 *
 * <p>Built on the loading thread, then called only on the one receiving thread of the
 * {@link OscUdpReceiver} it is given to, because it writes that receiver's {@link OscStats}. Owned
 * by the wiring that builds the receiver.
 */
public final class OscBindingRouter implements OscMessageHandler {

    private static final Logger LOG = System.getLogger(OscBindingRouter.class.getName());

    private final ParameterInput input;
    private final OscStats stats;
    private final FirstOccurrenceLog firstDrops;

    // The table: bucket -> address; empty buckets have a null key. At most half full.
    private final int mask;
    private final byte[][] keys;
    private final int[] hashes;
    private final int[] firstBinding;
    private final int[] bindingCount;

    // The resolved bindings, grouped by address so a bucket names a contiguous range.
    private final int[] slots;
    private final double[] scales;
    private final double[] offsets;

    /**
     * @throws IllegalArgumentException naming the binding, when one does not resolve: an address
     *     not starting with '/', an unknown parameter, a component the parameter does not have
     */
    public OscBindingRouter(List<OscBindingSpec> bindings, ParameterLayout layout,
                            ParameterInput input, OscStats stats) {
        this(bindings, layout, input, stats, LOG);
    }

    OscBindingRouter(List<OscBindingSpec> bindings, ParameterLayout layout, ParameterInput input,
                     OscStats stats, Logger logger) {
        this.input = input;
        this.stats = stats;
        this.firstDrops = new FirstOccurrenceLog(logger, OscDropReason.values().length);
        Map<String, List<OscBindingSpec>> byAddress = groupByAddress(bindings);
        int capacity = Integer.highestOneBit(Math.max(8, byAddress.size() * 2) - 1) << 1;
        this.mask = capacity - 1;
        this.keys = new byte[capacity][];
        this.hashes = new int[capacity];
        this.firstBinding = new int[capacity];
        this.bindingCount = new int[capacity];
        this.slots = new int[bindings.size()];
        this.scales = new double[bindings.size()];
        this.offsets = new double[bindings.size()];
        int next = 0;
        for (Map.Entry<String, List<OscBindingSpec>> entry : byAddress.entrySet()) {
            insert(entry.getKey().getBytes(StandardCharsets.UTF_8), next, entry.getValue().size());
            for (OscBindingSpec binding : entry.getValue()) {
                resolve(binding, layout, next++);
            }
        }
    }

    /** How many bindings were resolved. */
    public int bindingCount() {
        return slots.length;
    }

    @Override
    public void onMessage(OscMessageView message, long timeTag, long arrivalNanos) {
        stats.messageReceived();
        int bucket = find(message);
        if (bucket < 0) {
            drop(OscDropReason.NO_BINDING, message);
        } else if (message.argumentCount() == 0) {
            drop(OscDropReason.NO_ARGUMENT, message);
        } else {
            double argument = message.numericArgument(0);
            if (Double.isNaN(argument)) {
                // Not numeric, or a NaN float: the conductor would turn NaN into the default,
                // a jump nobody asked for. Infinities pass and are clamped to the range.
                drop(OscDropReason.NOT_NUMERIC, message);
            } else {
                offer(bucket, argument, arrivalNanos);
            }
        }
    }

    private void offer(int bucket, double argument, long arrivalNanos) {
        boolean refused = false;
        int end = firstBinding[bucket] + bindingCount[bucket];
        for (int b = firstBinding[bucket]; b < end; b++) {
            float value = (float) (argument * scales[b] + offsets[b]);
            if (input.offerParameter(slots[b], value, arrivalNanos)) {
                stats.valueOffered();
            } else {
                refused = true; // never wait: a stale fader value is worth less than a live frame
            }
        }
        if (refused) {
            stats.messageDropped(OscDropReason.RING_FULL);
            logFirst(OscDropReason.RING_FULL, null);
        }
    }

    private int find(OscMessageView message) {
        int hash = message.addressHash();
        for (int bucket = hash & mask; ; bucket = (bucket + 1) & mask) {
            byte[] key = keys[bucket];
            if (key == null) {
                return -1;
            }
            if (hashes[bucket] == hash && message.addressEquals(key)) {
                return bucket;
            }
        }
    }

    private void drop(OscDropReason reason, OscMessageView message) {
        stats.messageDropped(reason);
        logFirst(reason, message);
    }

    private void logFirst(OscDropReason reason, OscMessageView message) {
        if (firstDrops.first(reason)) {
            String address = message == null ? "" : " (address " + addressOf(message) + ")";
            firstDrops.warn("OSC message dropped: " + reason + address
                    + "; further drops for this reason are only counted");
        }
    }

    // ---- construction -----------------------------------------------------------------------

    private static Map<String, List<OscBindingSpec>> groupByAddress(List<OscBindingSpec> bindings) {
        Map<String, List<OscBindingSpec>> byAddress = new LinkedHashMap<>();
        for (OscBindingSpec binding : bindings) {
            if (!binding.address().startsWith("/") || binding.address().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("OSC binding " + binding.address()
                        + ": an OSC address starts with '/' and has no NUL");
            }
            byAddress.computeIfAbsent(binding.address(), a -> new ArrayList<>()).add(binding);
        }
        return byAddress;
    }

    private void insert(byte[] address, int first, int count) {
        int hash = AddressHash.of(address);
        int bucket = hash & mask;
        while (keys[bucket] != null) {
            bucket = (bucket + 1) & mask;
        }
        keys[bucket] = address;
        hashes[bucket] = hash;
        firstBinding[bucket] = first;
        bindingCount[bucket] = count;
    }

    private void resolve(OscBindingSpec binding, ParameterLayout layout, int index) {
        int parameter = layout.indexOf(binding.parameter()).orElseThrow(() ->
                new IllegalArgumentException("OSC binding " + binding.address()
                        + ": no parameter named '" + binding.parameter() + "'"));
        ParameterSpec spec = layout.specs().get(parameter);
        if (binding.component() >= spec.type().components()) {
            throw new IllegalArgumentException("OSC binding " + binding.address() + ": parameter '"
                    + spec.name() + "' is a " + spec.type().manifestName() + " with "
                    + spec.type().components() + " component(s), there is no component "
                    + binding.component());
        }
        slots[index] = layout.offset(parameter) + binding.component();
        // value = min + (x - inMin) * (max - min) / (inMax - inMin), folded into x * scale + offset
        double scale = ((double) spec.max() - spec.min()) / ((double) binding.inputMax() - binding.inputMin());
        scales[index] = scale;
        offsets[index] = spec.min() - binding.inputMin() * scale;
    }

    private static String addressOf(OscMessageView message) {
        byte[] bytes = new byte[message.addressLength()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = message.addressByte(i);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
