package org.vernissage.sensors.osc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.osc.OscMessageView;

/**
 * The address every parameter answers at with no binding declared:
 * {@code /vernissage/<artwork id>/<parameter name>}, resolved once at load to the parameter's
 * first snapshot slot and type, and what each type takes from a message:
 * <ul>
 *   <li>float: one number ({@code f}, {@code i}, {@code d} or {@code h});</li>
 *   <li>int: one number, rounded ({@code i}, {@code h}, {@code f}, {@code d});</li>
 *   <li>bool: {@code T}, {@code F} or one number (0 is false, 1 true, as the shader's 0.5
 *       threshold reads it);</li>
 *   <li>vec2 / vec3: two / three numbers;</li>
 *   <li>color: three or four numbers (r, g, b and an alpha of 1, or r, g, b, a);</li>
 *   <li>event: any message, whatever its arguments: one trigger.</li>
 * </ul>
 * The values are in parameter units (no binding scales them); the conductor clamps them to the
 * declared range as it does any set.
 *
 * <p>Immutable after construction (made on the loading thread); {@link #decode} is called by the
 * one receiving thread of the router that holds it and writes only into the array it is given.
 */
public final class OscParameterAddresses {

    /** Where every artwork's parameters live: {@code /vernissage/<id>/<name>}. */
    public static final String PREFIX = "/vernissage/";

    /** The outputs' address space ({@code /vernissage/output/...}): no artwork may be called "output". */
    public static final String OUTPUT_ID = "output";

    /** What {@link #decode} returns when the arguments do not fit the parameter's type. */
    public static final int WRONG_ARGUMENTS = -1;
    /** What {@link #decode} returns when a number is NaN or infinite (or a double beyond float range). */
    public static final int NOT_FINITE = -2;

    /** No parameter answers at any address (a router for a run without an artwork id). */
    public static final OscParameterAddresses NONE = new OscParameterAddresses();

    private final String artworkId;
    private final OscAddressTable table;
    private final String[] names;
    private final ParameterType[] types;
    private final int[] slots;

    private OscParameterAddresses() {
        this.artworkId = "";
        this.table = new OscAddressTable(new byte[0][]);
        this.names = new String[0];
        this.types = new ParameterType[0];
        this.slots = new int[0];
    }

    /**
     * The addresses of every parameter of {@code layout} under the artwork {@code artworkId} (the
     * artwork folder's name, or an ISF file's name without {@code .fs}).
     *
     * @throws IllegalArgumentException naming the id and what an id may hold, when it cannot be
     *     part of an OSC address (empty, a '/', a NUL, a space or one of {@code #*,?[]{}}) or is
     *     {@value #OUTPUT_ID}
     */
    public OscParameterAddresses(String artworkId, ParameterLayout layout) {
        this.artworkId = requireId(artworkId);
        List<ParameterSpec> specs = layout.specs();
        int count = specs.size();
        names = new String[count];
        types = new ParameterType[count];
        slots = new int[count];
        byte[][] addresses = new byte[count][];
        for (int p = 0; p < count; p++) {
            names[p] = specs.get(p).name();
            types[p] = specs.get(p).type();
            slots[p] = layout.offset(p);
            addresses[p] = addressOf(artworkId, names[p]).getBytes(StandardCharsets.UTF_8);
        }
        this.table = new OscAddressTable(addresses);
    }

    /** The address parameter {@code name} of artwork {@code artworkId} answers at. */
    public static String addressOf(String artworkId, String name) {
        return PREFIX + artworkId + "/" + name;
    }

    private static String requireId(String id) {
        Objects.requireNonNull(id, "artworkId");
        boolean usable = !id.isEmpty() && id.chars().noneMatch(c -> c == '/' || c == 0 || c == ' '
                || "#*,?[]{}".indexOf(c) >= 0);
        if (!usable) {
            throw new IllegalArgumentException("artwork id '" + id + "' cannot be part of the OSC address "
                    + PREFIX + "<id>/<parameter>: expected a name without '/', spaces or any of #*,?[]{}"
                    + " (rename the artwork folder or file)");
        }
        if (id.equals(OUTPUT_ID)) {
            throw new IllegalArgumentException("artwork id '" + id + "' is taken: " + PREFIX + OUTPUT_ID
                    + "/ addresses the outputs (rename the artwork folder or file)");
        }
        return id;
    }

    /** How many parameters answer. */
    public int count() {
        return names.length;
    }

    /** The artwork id the addresses are under ("" for {@link #NONE}). */
    public String artworkId() {
        return artworkId;
    }

    /** The parameter whose address the message has, or -1. */
    int find(OscMessageView message) {
        return table.find(message);
    }

    /** The first snapshot slot of parameter {@code p}. */
    int slot(int p) {
        return slots[p];
    }

    /**
     * Reads the message's arguments as parameter {@code p}'s value into {@code out} (which holds
     * at least 4 floats).
     *
     * @return how many components were written, or {@link #WRONG_ARGUMENTS} or {@link #NOT_FINITE}
     */
    int decode(int p, OscMessageView message, float[] out) {
        ParameterType type = types[p];
        int count = message.argumentCount();
        return switch (type) {
            case EVENT -> {
                out[0] = 1f; // the conductor counts the set; its value is not read
                yield 1;
            }
            case BOOL -> count != 1 ? WRONG_ARGUMENTS : bool(message, out);
            case FLOAT -> numbers(message, 1, out);
            case INT -> {
                int n = numbers(message, 1, out);
                if (n > 0) {
                    out[0] = Math.round(out[0]);
                }
                yield n;
            }
            case VEC2 -> numbers(message, 2, out);
            case VEC3 -> numbers(message, 3, out);
            case COLOR -> {
                if (count == 3) {
                    out[3] = 1f;
                    int n = numbers(message, 3, out);
                    yield n < 0 ? n : 4;
                }
                yield numbers(message, 4, out);
            }
        };
    }

    private static int bool(OscMessageView message, float[] out) {
        char tag = message.typeTag(0);
        if (tag == 'T' || tag == 'F') {
            out[0] = tag == 'T' ? 1f : 0f;
            return 1;
        }
        return numbers(message, 1, out);
    }

    /** Exactly {@code n} number arguments (i f d h) into {@code out}. */
    private static int numbers(OscMessageView message, int n, float[] out) {
        if (message.argumentCount() != n) {
            return WRONG_ARGUMENTS;
        }
        for (int a = 0; a < n; a++) {
            char tag = message.typeTag(a);
            if (tag != 'f' && tag != 'i' && tag != 'd' && tag != 'h') {
                return WRONG_ARGUMENTS;
            }
            float value = (float) message.numericArgument(a);
            if (!Float.isFinite(value)) {
                return NOT_FINITE;
            }
            out[a] = value;
        }
        return n;
    }

    /** For the first-occurrence log: the parameter, its type and what its address takes. */
    String describe(int p) {
        return "parameter '" + names[p] + "' (" + types[p].manifestName() + "), which takes " + expected(types[p]);
    }

    private static String expected(ParameterType type) {
        return switch (type) {
            case FLOAT -> "one number (f, i, d or h)";
            case INT -> "one number (i or h; f or d are rounded)";
            case BOOL -> "T, F or one number (i, f, d or h; 0 is false, 1 true)";
            case VEC2 -> "two numbers (f, i, d or h)";
            case VEC3 -> "three numbers (f, i, d or h)";
            case COLOR -> "three or four numbers (r, g, b[, a]; alpha 1 when three)";
            case EVENT -> "any message";
        };
    }
}
