package org.vernissage.sensors.tuio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only OSC and TUIO encoder, written from the OSC 1.0 and TUIO 1.1 / 2.0 specifications
 * independently of the decoder (there is no TUIO simulator to drive it with).
 */
final class TuioTestEncoder {

    /** OSC's "immediately" time tag, which TUIO trackers put on their bundles. */
    static final long IMMEDIATELY = 1L;

    private TuioTestEncoder() {
    }

    static Message message(String address) {
        return new Message(address);
    }

    /** A bundle of already encoded elements. */
    static byte[] bundle(byte[]... elements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("#bundle\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(8).putLong(IMMEDIATELY).array());
        for (byte[] element : elements) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(element.length).array());
            out.writeBytes(element);
        }
        return out.toByteArray();
    }

    static byte[] oscString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[(bytes.length + 4) & ~3];
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        return padded;
    }

    /** Where the first argument of a bundle's first message starts (a TUIO 2 frame id). */
    static int firstArgumentOffset(byte[] bundle) {
        int at = 16 + 4; // header, then the first element's size
        at += paddedStringLength(bundle, at);  // address
        at += paddedStringLength(bundle, at);  // type tags
        return at;
    }

    /** Where the last int32 of a bundle is: the fseq number of a TUIO 1.1 frame. */
    static int lastIntOffset(byte[] bundle) {
        return bundle.length - 4;
    }

    private static int paddedStringLength(byte[] bytes, int at) {
        int end = at;
        while (bytes[end] != 0) {
            end++;
        }
        return ((end - at) + 4) & ~3;
    }

    /** One OSC message; each argument method appends its type tag and bytes. */
    static final class Message {
        private final String address;
        private final StringBuilder tags = new StringBuilder(",");
        private final ByteArrayOutputStream arguments = new ByteArrayOutputStream();

        private Message(String address) {
            this.address = address;
        }

        Message i(int value) {
            return add('i', ByteBuffer.allocate(4).putInt(value).array());
        }

        Message h(long value) {
            return add('h', ByteBuffer.allocate(8).putLong(value).array());
        }

        Message f(float value) {
            return add('f', ByteBuffer.allocate(4).putFloat(value).array());
        }

        Message d(double value) {
            return add('d', ByteBuffer.allocate(8).putDouble(value).array());
        }

        Message s(String value) {
            return add('s', oscString(value));
        }

        Message t(long timeTag) {
            return add('t', ByteBuffer.allocate(8).putLong(timeTag).array());
        }

        Message tag(char tag) {
            return add(tag, new byte[0]); // T F N I: no bytes
        }

        Message ids(long... sessions) {
            for (long session : sessions) {
                i((int) session);
            }
            return this;
        }

        Message floats(float... values) {
            for (float value : values) {
                f(value);
            }
            return this;
        }

        private Message add(char tag, byte[] bytes) {
            tags.append(tag);
            arguments.writeBytes(bytes);
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(oscString(address));
            out.writeBytes(oscString(tags.toString()));
            out.writeBytes(arguments.toByteArray());
            return out.toByteArray();
        }
    }

    // ---- TUIO 1.1 ---------------------------------------------------------------------------

    static Tuio11 cursors() {
        return new Tuio11("/tuio/2Dcur");
    }

    static Tuio11 objects() {
        return new Tuio11("/tuio/2Dobj");
    }

    static Tuio11 blobs() {
        return new Tuio11("/tuio/2Dblb");
    }

    /** One TUIO 1.1 profile bundle: source?, alive, set*, fseq, in the order trackers send them. */
    static final class Tuio11 {
        private final String profile;
        private final List<byte[]> messages = new ArrayList<>();

        private Tuio11(String profile) {
            this.profile = profile;
        }

        Tuio11 source(String name) {
            return add(message(profile).s("source").s(name));
        }

        Tuio11 alive(long... sessions) {
            return add(message(profile).s("alive").ids(sessions));
        }

        /** A 2Dcur set: s x y X Y m. */
        Tuio11 cursor(long session, float x, float y, float vx, float vy) {
            return add(message(profile).s("set").i((int) session).floats(x, y, vx, vy, 0f));
        }

        /** A 2Dobj set: s i x y a X Y A m r. */
        Tuio11 object(long session, int classId, float x, float y, float angle, float vx, float vy) {
            return add(message(profile).s("set").i((int) session).i(classId)
                    .floats(x, y, angle, vx, vy, 0f, 0f, 0f));
        }

        /** A 2Dblb set: s x y a w h f X Y A m r. */
        Tuio11 blob(long session, float x, float y, float angle, float vx, float vy) {
            return add(message(profile).s("set").i((int) session)
                    .floats(x, y, angle, 0.1f, 0.2f, 0.02f, vx, vy, 0f, 0f, 0f));
        }

        /** Any message of this profile, e.g. a malformed one. */
        Tuio11 raw(Message message) {
            return add(message);
        }

        byte[] fseq(int number) {
            add(message(profile).s("fseq").i(number));
            return bundle(messages.toArray(new byte[0][]));
        }

        /** The messages so far without an fseq: a frame that never ends. */
        byte[] withoutFseq() {
            return bundle(messages.toArray(new byte[0][]));
        }

        List<byte[]> messages() {
            return messages;
        }

        private Tuio11 add(Message message) {
            messages.add(message.bytes());
            return this;
        }
    }

    // ---- TUIO 2.0 ---------------------------------------------------------------------------

    /** A TUIO 2 frame: frm, components, alv. */
    static Tuio2 frame2(int frameId, String source) {
        return new Tuio2(frameId, source);
    }

    static final class Tuio2 {
        private final List<byte[]> messages = new ArrayList<>();

        private Tuio2(int frameId, String source) {
            Message frm = message("/tuio2/frm").i(frameId).t(IMMEDIATELY);
            if (source != null) {
                frm.i(640 << 16 | 480).s(source);
            }
            messages.add(frm.bytes());
        }

        /** ptr s_id tu_id c_id x y a shear radius press X Y P m p. */
        Tuio2 pointer(long session, float x, float y, float angle, float vx, float vy) {
            return add(message("/tuio2/ptr").i((int) session).i(0x00020005).i(3)
                    .floats(x, y, angle, 0f, 0.01f, 0.5f, vx, vy, 0f, 0f, 0f));
        }

        /** ptr without the motion attributes. */
        Tuio2 pointer(long session, float x, float y) {
            return add(message("/tuio2/ptr").i((int) session).i(0).i(0).floats(x, y, 0f, 0f, 0.01f, 0f));
        }

        /** tok s_id tu_id c_id x y a X Y A m r. */
        Tuio2 token(long session, int classId, float x, float y, float angle, float vx, float vy) {
            return add(message("/tuio2/tok").i((int) session).i(1 << 16).i(classId)
                    .floats(x, y, angle, vx, vy, 0f, 0f, 0f));
        }

        /** bnd s_id x y a w h f (no motion). */
        Tuio2 bounds(long session, float x, float y, float angle) {
            return add(message("/tuio2/bnd").i((int) session).floats(x, y, angle, 0.1f, 0.1f, 0.01f));
        }

        Tuio2 raw(Message message) {
            return add(message);
        }

        byte[] alive(long... sessions) {
            add(message("/tuio2/alv").ids(sessions));
            return bundle(messages.toArray(new byte[0][]));
        }

        byte[] withoutAlive() {
            return bundle(messages.toArray(new byte[0][]));
        }

        private Tuio2 add(Message message) {
            messages.add(message.bytes());
            return this;
        }
    }
}
