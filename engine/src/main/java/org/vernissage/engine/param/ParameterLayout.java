package org.vernissage.engine.param;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Where each declared parameter lives in a snapshot's flat {@code float[]}: parameter {@code i}
 * occupies {@code type().components()} consecutive slots from {@link #offset(int)}.
 *
 * <p>Names are resolved to slots once, at load; the hot path only ever sees slot numbers.
 * Immutable; shared by all threads.
 */
public final class ParameterLayout {

    /**
     * The highest trigger count an event slot holds: floats are exact integers up to 2^24, so the
     * count wraps from there back to 1 (still a change, so still a trigger) instead of sticking.
     */
    public static final float MAX_EVENT_COUNT = 1 << 24;

    private final List<ParameterSpec> specs;
    private final int[] offsets;
    private final float[] slotMin;
    private final float[] slotMax;
    private final float[] defaults;
    private final boolean[] slotIsEvent;
    private final int[] slotParameter;

    public ParameterLayout(List<ParameterSpec> specs) {
        this.specs = Collections.unmodifiableList(new ArrayList<>(specs));
        this.offsets = new int[specs.size()];
        int slots = 0;
        for (int i = 0; i < specs.size(); i++) {
            offsets[i] = slots;
            slots += specs.get(i).type().components();
        }
        this.slotMin = new float[slots];
        this.slotMax = new float[slots];
        this.defaults = new float[slots];
        this.slotIsEvent = new boolean[slots];
        this.slotParameter = new int[slots];
        for (int i = 0; i < specs.size(); i++) {
            ParameterSpec spec = specs.get(i);
            for (int c = 0; c < spec.type().components(); c++) {
                slotMin[offsets[i] + c] = spec.min();
                slotMax[offsets[i] + c] = spec.max();
                defaults[offsets[i] + c] = spec.defaultComponent(c);
                slotIsEvent[offsets[i] + c] = spec.type() == ParameterType.EVENT;
                slotParameter[offsets[i] + c] = i;
            }
        }
    }

    /** The declared parameters, in manifest order. */
    public List<ParameterSpec> specs() {
        return specs;
    }

    public int parameterCount() {
        return specs.size();
    }

    /** Total number of float slots a snapshot of this layout holds. */
    public int slotCount() {
        return defaults.length;
    }

    /** The first slot of parameter {@code parameter}. */
    public int offset(int parameter) {
        return offsets[parameter];
    }

    /** The parameter whose value (or one of whose components) snapshot slot {@code slot} holds. */
    public int parameterOfSlot(int slot) {
        return slotParameter[slot];
    }

    /** The index of the parameter called {@code name}; for load-time resolution only. */
    public Optional<Integer> indexOf(String name) {
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).name().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** {@code value} bounded to the declared range of the parameter that owns {@code slot}. */
    public float clamp(int slot, float value) {
        if (Float.isNaN(value)) {
            return defaults[slot];
        }
        return Math.max(slotMin[slot], Math.min(slotMax[slot], value));
    }

    /** The declared minimum of the parameter that owns {@code slot} (a model maps 0..1 onto min..max). */
    public float slotMin(int slot) {
        return slotMin[slot];
    }

    /** The declared maximum of the parameter that owns {@code slot}. */
    public float slotMax(int slot) {
        return slotMax[slot];
    }

    /** Whether {@code slot} belongs to an {@link ParameterType#EVENT} parameter (a trigger count). */
    public boolean isEvent(int slot) {
        return slotIsEvent[slot];
    }

    /**
     * The value {@code slot} holds after a set of {@code value} on {@code current}: an event's
     * trigger count moves on by one whatever the value (never clamped; it wraps from
     * {@link #MAX_EVENT_COUNT} to 1), any other value is {@link #clamp clamped} to its range.
     */
    public float afterSet(int slot, float current, float value) {
        if (slotIsEvent[slot]) {
            return current >= MAX_EVENT_COUNT ? 1f : current + 1f;
        }
        return clamp(slot, value);
    }

    /** Writes every parameter's default into {@code target}, which must hold {@link #slotCount()}. */
    public void copyDefaultsInto(float[] target) {
        System.arraycopy(defaults, 0, target, 0, defaults.length);
    }
}
