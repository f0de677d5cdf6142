package org.vernissage.engine.render.output;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.nio.charset.StandardCharsets;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;
import org.vernissage.engine.render.RenderMailbox;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscMessageView;

/**
 * Live adjustment of a venue's outputs over OSC, while the piece plays:
 *
 * <pre>
 *   /vernissage/output/N/corner/I  x y        corner I (0 top left, 1 top right, 2 bottom right, 3 bottom left)
 *   /vernissage/output/N/mesh/I/J  x y        mesh point column I, row J
 *   /vernissage/output/N/blend/SIDE  w        SIDE left, right, top or bottom; w 0..0.5
 *   /vernissage/output/N/gamma  g             0.5..5
 *   /vernissage/output/N/curve  p             1..8
 *   /vernissage/output/N/testcard  on         1/0, T/F
 *   /vernissage/output/N/region  x y w h      fractions of the canvas
 *   /vernissage/output/N/save                 writes the whole venue file back (atomically)
 * </pre>
 *
 * N counts from 1, as the test card shows it; coordinates are fractions of the output, origin top
 * left. The address and arguments are parsed here, on the receiving thread, in place (no String,
 * no boxing); the change goes into a preallocated {@link OutputChange} posted to the render
 * mailbox, so it is applied between two frames. A bad address, bad arguments, a value out of range,
 * a change the render thread refuses (a concave quad) or no room: counted per kind and logged once
 * per kind, naming the address and what was expected; the outputs keep their last good settings.
 *
 * <p>{@link #onMessage}: any receiving thread (each has its own parse state, made on its first
 * message), e.g. the OSC router's. The counters: any thread. Made and owned by whoever wires the run, with the venue
 * and the render loop's mailbox.
 */
public final class OutputOscControl implements OscMessageHandler {

    /** The address space this handler answers; a router forwards what starts with it. */
    public static final String PREFIX = "/vernissage/output/";

    /** Kinds of bad input, each counted and logged once. */
    public enum Problem {
        /** Not an address of the output space, or an unknown setting. */
        UNKNOWN_ADDRESS,
        /** A number N with no output N. */
        NO_SUCH_OUTPUT,
        /** The wrong number or types of arguments. */
        BAD_ARGUMENTS,
        /** A value outside its range. */
        OUT_OF_RANGE,
        /** The render thread refused the change (it would break the picture). */
        REFUSED,
        /** Changes came faster than frames: no free change or a full mailbox. */
        NO_ROOM
    }

    private static final Logger LOG = System.getLogger(OutputOscControl.class.getName());
    private static final int POOL = 64;
    private static final String ADDRESSES = "/vernissage/output/N/ followed by corner/0..3, mesh/I/J, blend/left|right"
            + "|top|bottom, gamma, curve, testcard, region or save";
    private static final byte[] PREFIX_BYTES = PREFIX.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CORNER = bytes("corner");
    private static final byte[] MESH = bytes("mesh");
    private static final byte[] BLEND = bytes("blend");
    private static final byte[] GAMMA = bytes("gamma");
    private static final byte[] CURVE = bytes("curve");
    private static final byte[] TEST_CARD = bytes("testcard");
    private static final byte[] REGION = bytes("region");
    private static final byte[] SAVE = bytes("save");
    private static final byte[][] SIDES = {bytes("left"), bytes("right"), bytes("top"), bytes("bottom")};

    private final VenueOutputs venue;
    private final RenderMailbox mailbox;
    private final ManyToManyConcurrentArrayQueue<OutputChange> free = new ManyToManyConcurrentArrayQueue<>(POOL);
    private final AtomicLongArray problems = new AtomicLongArray(Problem.values().length);
    private final AtomicIntegerArray logged = new AtomicIntegerArray(Problem.values().length);
    private final AtomicLongArray posted = new AtomicLongArray(1);
    private final ThreadLocal<Parse> parses = ThreadLocal.withInitial(Parse::new);
    private final String noSuchOutput;

    public OutputOscControl(VenueOutputs venue, RenderMailbox mailbox) {
        this.venue = venue;
        this.mailbox = mailbox;
        this.noSuchOutput = "an output number from 1 to " + venue.count();
        for (int i = 0; i < POOL; i++) {
            free.offer(new OutputChange(this));
        }
    }

    private static byte[] bytes(String word) {
        return word.getBytes(StandardCharsets.US_ASCII);
    }

    VenueOutputs venue() {
        return venue;
    }

    @Override
    public void onMessage(OscMessageView view, long timeTag, long arrivalNanos) {
        parses.get().parse(view);
    }

    /**
     * One receiving thread's parse of one message at a time: its cursor in the address and the
     * output number read, kept per thread so that several receiving threads (a UDP and a TCP
     * receiver) may share the control.
     */
    private final class Parse {

        private OscMessageView message;
        private int at;
        private int number;

        void parse(OscMessageView view) {
            message = view;
            at = 0;
            if (!word(PREFIX_BYTES) || (number = number()) < 0 || !slash()) {
                problem(Problem.UNKNOWN_ADDRESS, ADDRESSES);
                return;
            }
            if (number < 1 || number > venue.count()) {
                problem(Problem.NO_SUCH_OUTPUT, noSuchOutput);
                return;
            }
            if (word(CORNER)) {
                int corner = slash() ? number() : -1;
                if (!end() || corner < 0 || corner > 3) {
                    problem(Problem.UNKNOWN_ADDRESS, "corner/0 .. corner/3 (top left, top right, bottom right, bottom left)");
                } else if (points(2)) {
                    post(OutputChange.Kind.CORNER, corner, 0, 2);
                }
            } else if (word(MESH)) {
                int i = slash() ? number() : -1;
                int j = i >= 0 && slash() ? number() : -1;
                if (!end() || j < 0) {
                    problem(Problem.UNKNOWN_ADDRESS, "mesh/I/J (column I, row J, from 0)");
                } else if (points(2)) {
                    post(OutputChange.Kind.MESH, i, j, 2);
                }
            } else if (word(BLEND)) {
                int side = slash() ? side() : -1;
                if (side < 0 || !end()) {
                    problem(Problem.UNKNOWN_ADDRESS, "blend/left, blend/right, blend/top or blend/bottom");
                } else if (numbers(1, "one number, the blend width")
                        && inRange(0, 0, EdgeBlend.MAX_WIDTH, "a blend width from 0 to 0.5 of the output")) {
                    post(OutputChange.Kind.BLEND, side, 0, 1);
                }
            } else if (word(GAMMA) && end()) {
                if (numbers(1, "one number, the gamma")
                        && inRange(0, EdgeBlend.MIN_GAMMA, EdgeBlend.MAX_GAMMA, "a gamma from 0.5 to 5")) {
                    post(OutputChange.Kind.GAMMA, 0, 0, 1);
                }
            } else if (word(CURVE) && end()) {
                if (numbers(1, "one number, the curve")
                        && inRange(0, EdgeBlend.MIN_CURVE, EdgeBlend.MAX_CURVE, "a curve from 1 to 8")) {
                    post(OutputChange.Kind.CURVE, 0, 0, 1);
                }
            } else if (word(TEST_CARD) && end()) {
                if (numbers(1, "one argument, 1 or 0 (T or F): test card on or off")) {
                    post(OutputChange.Kind.TEST_CARD, 0, 0, 1);
                }
            } else if (word(REGION) && end()) {
                if (numbers(4, "four numbers x y width height, fractions of the canvas") && regionInside()) {
                    post(OutputChange.Kind.REGION, 0, 0, 4);
                }
            } else if (word(SAVE) && end()) {
                post(OutputChange.Kind.SAVE, 0, 0, 0);
            } else {
                problem(Problem.UNKNOWN_ADDRESS, ADDRESSES);
            }
        }

        // ---- the address, read in place ----------------------------------------------------------

        private boolean word(byte[] expected) {
            if (at + expected.length > message.addressLength()) {
                return false;
            }
            for (int i = 0; i < expected.length; i++) {
                if (message.addressByte(at + i) != expected[i]) {
                    return false;
                }
            }
            // A word ends at a slash or the end, so "gammax" is not "gamma".
            int after = at + expected.length;
            if (expected[expected.length - 1] != '/' && after < message.addressLength() && message.addressByte(after) != '/') {
                return false;
            }
            at = after;
            return true;
        }

        private boolean slash() {
            if (at < message.addressLength() && message.addressByte(at) == '/') {
                at++;
                return true;
            }
            return false;
        }

        private boolean end() {
            return at == message.addressLength();
        }

        /** A decimal number of at most 4 digits; -1 when there is none. */
        private int number() {
            int value = 0;
            int digits = 0;
            while (at < message.addressLength() && digits < 5) {
                byte b = message.addressByte(at);
                if (b < '0' || b > '9') {
                    break;
                }
                value = value * 10 + (b - '0');
                digits++;
                at++;
            }
            return digits == 0 || digits > 4 ? -1 : value;
        }

        private int side() {
            for (int s = 0; s < SIDES.length; s++) {
                if (word(SIDES[s])) {
                    return s;
                }
            }
            return -1;
        }

        // ---- the arguments -------------------------------------------------------------------------

        private boolean numbers(int count, String expected) {
            if (message.argumentCount() != count) {
                problem(Problem.BAD_ARGUMENTS, expected);
                return false;
            }
            for (int i = 0; i < count; i++) {
                if (!message.isNumeric(i) || !Double.isFinite(message.numericArgument(i))) {
                    problem(Problem.BAD_ARGUMENTS, expected);
                    return false;
                }
            }
            return true;
        }

        private boolean points(int count) {
            if (!numbers(count, "two numbers x y, fractions of the output (origin top left)")) {
                return false;
            }
            for (int i = 0; i < count; i++) {
                if (!inRange(i, CornerPin.MIN_COORDINATE, CornerPin.MAX_COORDINATE,
                        "coordinates from -2 to 3 (fractions of the output)")) {
                    return false;
                }
            }
            return true;
        }

        private boolean inRange(int argument, double min, double max, String expected) {
            double value = message.numericArgument(argument);
            if (value >= min && value <= max) {
                return true;
            }
            problem(Problem.OUT_OF_RANGE, expected);
            return false;
        }

        private boolean regionInside() {
            double x = message.numericArgument(0);
            double y = message.numericArgument(1);
            double w = message.numericArgument(2);
            double h = message.numericArgument(3);
            if (x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 1 + OutputSettings.SLACK && y + h <= 1 + OutputSettings.SLACK) {
                return true;
            }
            problem(Problem.OUT_OF_RANGE, "a region inside the canvas: x, y from 0, width and height above 0,"
                    + " x + width and y + height at most 1");
            return false;
        }

        // ---- posting -------------------------------------------------------------------------------

        private void post(OutputChange.Kind kind, int first, int second, int values) {
            OutputChange change = free.poll();
            if (change == null) {
                problem(Problem.NO_ROOM, "at most " + POOL + " output changes waiting for a frame");
                return;
            }
            change.kind = kind;
            change.output = number;
            change.first = first;
            change.second = second;
            change.a = values > 0 ? message.numericArgument(0) : 0;
            change.b = values > 1 ? message.numericArgument(1) : 0;
            change.c = values > 2 ? message.numericArgument(2) : 0;
            change.d = values > 3 ? message.numericArgument(3) : 0;
            if (mailbox.post(change)) {
                posted.incrementAndGet(0);
            } else {
                release(change);
                problem(Problem.NO_ROOM, "room in the render mailbox (it was full)");
            }
        }

        private void problem(Problem kind, String expected) {
            problems.incrementAndGet(kind.ordinal());
            if (logged.compareAndSet(kind.ordinal(), 0, 1)) {
                LOG.log(Level.WARNING, "OSC " + address() + " (" + message.argumentCount() + " argument"
                        + (message.argumentCount() == 1 ? "" : "s") + "): expected " + expected
                        + "; ignored (further " + kind + " messages are counted, not logged)");
            }
        }

        private String address() {
            byte[] bytes = new byte[message.addressLength()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = message.addressByte(i);
            }
            return new String(bytes, StandardCharsets.US_ASCII);
        }

    }

    /** The render thread gives a change back once applied. */
    void release(OutputChange change) {
        free.offer(change);
    }

    /** The render thread refused {@code change}: counted, logged once. */
    void refused(OutputChange change) {
        problems.incrementAndGet(Problem.REFUSED.ordinal());
        if (logged.compareAndSet(Problem.REFUSED.ordinal(), 0, 1)) {
            LOG.log(Level.WARNING, "OSC output change refused: " + change.describeRefusal()
                    + "; the last good setting stays (further refusals are counted, not logged)");
        }
    }

    /** How many messages of {@code kind} were refused. Any thread. */
    public long count(Problem kind) {
        return problems.get(kind.ordinal());
    }

    /** Changes posted to the render thread. Any thread. */
    public long posted() {
        return posted.get(0);
    }

    /** One line for the statistics. */
    public String describe() {
        StringBuilder line = new StringBuilder("venue OSC: ").append(posted()).append(" changes");
        for (Problem kind : Problem.values()) {
            if (count(kind) > 0) {
                line.append(", ").append(count(kind)).append(' ').append(kind.name().toLowerCase().replace('_', ' '));
            }
        }
        return line.toString();
    }
}
