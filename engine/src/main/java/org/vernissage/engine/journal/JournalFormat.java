package org.vernissage.engine.journal;

import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.event.EventKinds;

/**
 * The journal's byte layout, shared by {@link JournalWriter} and {@link JournalReader}.
 *
 * <p>Version 2 (written since issue 8): every record carries the event's kind id from
 * {@link EventKinds} (never an enum ordinal) and its payload bytes as the kind's flyweight laid
 * them out, with their length, so a reader can skip a kind it does not know.
 * <pre>
 * file    = header record*
 * header  = "VNSJ" version:u8 width:i32 height:i32 fps:f64 recordedAt:i64
 *           titleLength:u16 title:utf8 digestLength:u16 digest:utf8
 * record  = flags:u8 kind:varint arrivalDelta:zigzag-varlong [dueOffset:zigzag-varlong]
 *           length:u8 payload:length bytes
 * flags   = continues (bit 0) | hasDue (bit 1); the other bits are 0
 * </pre>
 *
 * <p>Version 1 (read, no longer written): the kind was a 3-bit field holding the ordinal of the
 * then {@code InputKind} enum, fixed here as {@link #V1_KINDS}; touch kind and phase were ordinals
 * too ({@link #V1_TOUCH_KINDS}, {@link #V1_TOUCH_PHASES}).
 * <pre>
 * record  = tag:u8 arrivalDelta:zigzag-varlong [dueOffset:zigzag-varlong] body
 * tag     = kind (bits 0-2) | continues (bit 3) | hasDue (bit 4)
 * body    0 SET_PARAMETER: slot:varint value:f32
 *         1 CHANNEL:       channel:varint value:f32
 *         2 TOUCH:         touchKind:u8 phase:u8 source:varint session:zigzag-varlong classId:zigzag-varint
 *                          x y angle vx vy:f32
 *         3 FRAME:         frameIndex:varlong horizonOffset:varlong eventsLatched:varlong
 * </pre>
 *
 * <p>Arrival times are stored as the difference from the previous record's (engine clock, ns),
 * due times as offsets from the record's own arrival. Header fields and v1 fixed fields are
 * big-endian; v2 payloads little-endian, as their flyweights declare. Records are self-delimiting,
 * so a journal cut short by a crash is read up to its last whole record.
 *
 * <p>Constants only; no state.
 */
final class JournalFormat {

    static final byte[] MAGIC = {'V', 'N', 'S', 'J'};
    /** The version this engine writes. */
    static final int VERSION = 2;
    /** The oldest version this engine reads. */
    static final int OLDEST_READABLE = 1;

    // version 2
    static final int CONTINUES = 0b01;
    static final int HAS_DUE = 0b10;
    /** The longest record: flags, kind, two varlongs, length, the largest payload. */
    static final int MAX_RECORD_BYTES = 1 + 5 + 2 * 10 + 1 + InputEvent.PAYLOAD_CAPACITY;

    // version 1
    static final int V1_KIND_MASK = 0b111;
    static final int V1_CONTINUES = 0b1000;
    static final int V1_HAS_DUE = 0b1_0000;
    /** Version 1's kind field, by value: what each stored number means, fixed forever. */
    static final int[] V1_KINDS = {EventKinds.PARAMETER_SET, EventKinds.CHANNEL_VALUE, EventKinds.TOUCH,
        EventKinds.FRAME_MARK};
    /** Version 1's touch kind byte, by value. */
    static final org.vernissage.engine.pipeline.TouchKind[] V1_TOUCH_KINDS = {
        org.vernissage.engine.pipeline.TouchKind.CURSOR, org.vernissage.engine.pipeline.TouchKind.OBJECT,
        org.vernissage.engine.pipeline.TouchKind.BLOB, org.vernissage.engine.pipeline.TouchKind.PHONE};
    /** Version 1's touch phase byte, by value. */
    static final org.vernissage.engine.pipeline.TouchPhase[] V1_TOUCH_PHASES = {
        org.vernissage.engine.pipeline.TouchPhase.ADDED, org.vernissage.engine.pipeline.TouchPhase.UPDATED,
        org.vernissage.engine.pipeline.TouchPhase.REMOVED};

    private JournalFormat() {
    }
}
